import { HyperFormula } from "hyperformula";
import { FUNCTION_HELP } from "../../../src/i18n/function-help";
import { UI_STRINGS } from "../../../src/i18n/ui";
import { exampleFormula, FAMILIES, familyOf, matchesQuery, searchFunctions } from "../../../src/taskpane/features/reference/function-catalogue";

const BOTH = [UI_STRINGS.en, UI_STRINGS.zh];
const help = (id: string) => FUNCTION_HELP.find((h) => h.id === id)!;

describe("the Functions page's catalogue", () => {
  it("takes the formula an example starts with: up to the parenthesis closing its call", () => {
    expect(exampleFormula("=SALES.FUNNEL.TARGET(100, {0.4,0.5,0.25}) → 2000")).toBe("=SALES.FUNNEL.TARGET(100, {0.4,0.5,0.25})");
    expect(exampleFormula("=SALES.FUNNEL.PLAN(100, B2:B4) with 40%, 50%, 25% → 2000; 800; 400; 100")).toBe("=SALES.FUNNEL.PLAN(100, B2:B4)");
    expect(exampleFormula('=SALES.COMMISSION.TIERED(250000, {0,0.03;100000,0.05;200000,0.08}) → 12000; "flat" → 20000')).toBe("=SALES.COMMISSION.TIERED(250000, {0,0.03;100000,0.05;200000,0.08})");
    expect(exampleFormula("=SALES.RFM.SEGMENT(SALES.RFM.SCORE(B2:B6, C2:C6, D2:D6))")).toBe("=SALES.RFM.SEGMENT(SALES.RFM.SCORE(B2:B6, C2:C6, D2:D6))");
    expect(exampleFormula('=SALES.X(")", 1) → 2')).toBe('=SALES.X(")", 1)');
  });

  it.each(FUNCTION_HELP.map((h) => [h.id, h.example] as const))("%s: inserts a formula of that function that a spreadsheet parses", (id, example) => {
    const formula = exampleFormula(example);
    expect(formula.startsWith(`=SALES.${id}(`)).toBe(true);
    expect(formula.endsWith(")")).toBe(true);
    expect(formula).not.toMatch(/→| with /);
    expect(HyperFormula.buildEmpty({ licenseKey: "gpl-v3" }).validateFormula(formula)).toBe(true);
  });

  it("puts every function in a family (RFM, funnel, targets, KPI, forecast, commission, CLV), none in 'other' today", () => {
    expect(FUNCTION_HELP.map((h) => familyOf(h.id)).filter((family) => family === "other")).toEqual([]);
    expect(["RFM.SCORE", "CUSTOMER.TAGS", "FUNNEL.PYRAMID", "PIPELINE.WEIGHTED", "TARGET.SPLIT", "QUOTA.ALLOCATE", "KPI.CLV", "FORECAST.HW.PARAMS", "COMMISSION.TIERED", "CLV.FIT", "NEW.THING"].map(familyOf)).toEqual([
      "rfm",
      "rfm",
      "funnel",
      "funnel",
      "targets",
      "targets",
      "kpi",
      "forecast",
      "commission",
      "clv",
      "other",
    ]);
    expect(FAMILIES.map((f) => f.id)).toEqual(["rfm", "funnel", "targets", "kpi", "forecast", "commission", "clv", "other"]);
  });

  it("finds functions by id, by name, by English or Chinese words, by parameter name in either language, by family", () => {
    const ids = (query: string) => FUNCTION_HELP.filter((h) => matchesQuery(h, query, BOTH)).map((h) => h.id);
    expect(ids("churn")).toEqual(["KPI.CHURN"]);
    expect(ids("sales.kpi.churn")).toEqual(["KPI.CHURN"]);
    expect(ids("流失率")).toContain("KPI.CHURN");
    expect(ids("回款")).toEqual(["KPI.COLLECTION"]);
    expect(ids("漏斗")).toEqual(expect.arrayContaining(["FUNNEL.TARGET", "FUNNEL.PLAN", "FUNNEL.STAGES", "FUNNEL.LEVERS", "FUNNEL.PYRAMID"]));
    expect(ids("season_length")).toEqual(expect.arrayContaining(["FORECAST.HW", "FORECAST.ACCURACY"]));
    expect(ids("季节周期")).toEqual(ids("season_length"));
    // Every word must match; full-width letters are read as the ASCII ones.
    expect(ids("ＲＦＭ score")).toEqual(["RFM.SCORE", "RFM.SEGMENT"]);
    expect(ids("rfm scores quantile")).toEqual(["RFM.SCORE"]);
    expect(ids("")).toHaveLength(FUNCTION_HELP.length);
    expect(ids("no such thing")).toEqual([]);
  });

  it("groups the matches by family, in the families' order, leaving out empty ones", () => {
    const groups = searchFunctions("target", BOTH);
    expect(groups.map((g) => g.family.id)).toEqual(["funnel", "targets", "kpi"]);
    expect(groups[1]!.functions.map((h) => h.id)).toContain(help("TARGET.SPLIT").id);
  });
});
