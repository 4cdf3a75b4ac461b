import {
  kpiAov,
  kpiCac,
  kpiChurn,
  kpiClv,
  kpiCollection,
  kpiConversion,
  kpiMargin,
  kpiRepurchase,
  kpiRoas,
  kpiRoi,
  kpiScore,
} from "../../src/functions/kpi";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";

describe("=SALES.KPI ratios", () => {
  it.each([
    ["KPI.CONVERSION", () => kpiConversion(25, 1000), 0.025],
    ["KPI.AOV", () => kpiAov(50_000, 200), 250],
    ["KPI.MARGIN", () => kpiMargin(30_000, 200_000), 0.15],
    ["KPI.ROI", () => kpiRoi(150_000, 100_000), 0.5],
    ["KPI.ROAS", () => kpiRoas(80_000, 20_000), 4],
    ["KPI.CAC", () => kpiCac(30_000, 150), 200],
    ["KPI.REPURCHASE", () => kpiRepurchase(300, 1200), 0.25],
    ["KPI.CHURN", () => kpiChurn(50, 1000), 0.05],
    ["KPI.COLLECTION", () => kpiCollection(950_000, 1_000_000), 0.95],
    ["KPI.CLV with the default 10% discount", () => kpiClv(1000, 0.8, omitted), 2666.66666666667],
    ["KPI.CLV with a discount", () => kpiClv(1000, "80%" as never, 0), 4000],
    ["KPI.CLV with a blank discount cell", () => kpiClv(1000, 1, "" as never), 10000],
  ])("%s", (_, call, expected) => {
    expect(call()).toBe(expected);
  });

  it.each([
    ["KPI.CONVERSION", () => kpiConversion(5, 0)],
    ["KPI.AOV", () => kpiAov(100, 0)],
    ["KPI.MARGIN", () => kpiMargin(100, 0)],
    ["KPI.ROI", () => kpiRoi(100, 0)],
    ["KPI.ROAS", () => kpiRoas(100, 0)],
    ["KPI.CAC", () => kpiCac(100, 0)],
    ["KPI.REPURCHASE", () => kpiRepurchase(0, 0)],
    ["KPI.CHURN", () => kpiChurn(0, 0)],
    ["KPI.COLLECTION", () => kpiCollection(100, 0)],
  ])("%s shows #DIV/0! for a zero denominator", (_, call) => {
    expect(excelError(call)).toEqual({ code: "#DIV/0!", message: undefined });
  });

  it.each([
    ["negative visitors", () => kpiConversion(5, -10), "visitors: -10 is below the minimum of 0."],
    ["buyers above visitors", () => kpiConversion(1000, 25), "buyers: 1000 is more than visitors (25). Check the order of the arguments."],
    ["repeat buyers above buyers", () => kpiRepurchase(1300, 1200), "repeat_buyers: 1300 is more than buyers (1200). Check the order of the arguments."],
    ["lost above customers at the start", () => kpiChurn(60, 50), "lost: 60 is more than customers_at_start (50). Check the order of the arguments."],
    ["negative orders", () => kpiAov(500, -2), "orders: -2 is below the minimum of 0."],
    ["negative revenue", () => kpiMargin(5, -100), "revenue: -100 is below the minimum of 0."],
    ["a negative return", () => kpiRoi(-1, 100), "return_amount: -1 is below the minimum of 0."],
    ["negative ad spend", () => kpiRoas(100, -1), "ad_spend: -1 is below the minimum of 0."],
    ["negative new customers", () => kpiCac(100, -3), "new_customers: -3 is below the minimum of 0."],
    ["negative collections", () => kpiCollection(-1, 100), "collected: -1 is below the minimum of 0."],
    ["text in a count", () => kpiConversion("many" as never, 100), 'buyers: "many" is not a number.'],
    ["TRUE as a count", () => kpiConversion(true as never, 100), "buyers: TRUE is not a number."],
    ["retention like 80", () => kpiClv(1000, 80, omitted), "retention: 80 is not a rate. Enter 80% or 0.8."],
    ["negative retention", () => kpiClv(1000, -0.2, omitted), "retention: -0.2 is below the minimum of 0."],
    ["a discount like 10", () => kpiClv(1000, 0.8, 10), "discount: 10 is not a rate. Enter 10% or 0.1."],
  ])("%s", (_, call, message) => {
    expect(excelError(call)).toEqual({ code: "#VALUE!", message });
  });

  it("KPI.CLV shows #NUM! when retention is 100% with no discount (an infinite value)", () => {
    expect(excelError(() => kpiClv(1000, 1, 0))).toEqual({ code: "#NUM!", message: undefined });
  });

  it("speaks Chinese in a Chinese Office", () => {
    withOfficeLanguage("zh-CN", () => {
      expect(excelError(() => kpiConversion(1000, 25)).message).toBe("参数“购买人数”：1000 大于“访客数”（25）。请检查参数顺序。");
      expect(excelError(() => kpiClv(1000, 80, omitted)).message).toBe("参数“留存率”：80 不是比率。请输入 80% 或 0.8。");
    });
  });
});

describe("=SALES.KPI.SCORE", () => {
  // Sales 1.1M of 1M (50%), satisfaction 95 of 100 (30%), CAC 180 against 200 (20%, lower is better).
  const ACTUALS = column(1_100_000, 95, 180);
  const TARGETS = column(1_000_000, 100, 200);
  const WEIGHTS = column("50%", "30%", "20%");

  it("scores a scorecard with a lower-is-better KPI", () => {
    expect(kpiScore(ACTUALS, TARGETS, WEIGHTS, omitted, column(false, false, true))).toBe(1.05722222222222);
    expect(kpiScore(ACTUALS, TARGETS, WEIGHTS, omitted, column(0, "", 1))).toBe(1.05722222222222);
    expect(kpiScore(ACTUALS, TARGETS, WEIGHTS, 1.2, column("FALSE", "false", "TRUE"))).toBe(1.05722222222222);
  });

  it("treats every KPI as higher-is-better without flags, and caps at 120% by default", () => {
    expect(kpiScore(column(300, 100), column(100, 100), column(1, 1), omitted, omitted)).toBe(1.1);
    expect(kpiScore(column(300, 100), column(100, 100), column(1, 1), 1.5, omitted)).toBe(1.25);
  });

  it("takes rows as well as columns, and ignores trailing blank rows", () => {
    expect(kpiScore(row(90, 110), row(100, 100), row(1, 1), omitted, omitted)).toBe(1);
    expect(kpiScore(column(90, 110, ""), column(100, 100, ""), column(1, 1, null), omitted, column(false, false, ""))).toBe(1);
  });

  it("shows #DIV/0! when every weight is 0", () => {
    expect(excelError(() => kpiScore(column(1, 2), column(1, 1), column(0, 0), omitted, omitted))).toEqual({ code: "#DIV/0!", message: undefined });
  });

  it.each([
    ["lists of different lengths", () => kpiScore(ACTUALS, column(1, 2), WEIGHTS, omitted, omitted), "targets has 2 cells but actuals has 3. Select ranges of the same size."],
    ["flags for fewer KPIs", () => kpiScore(ACTUALS, TARGETS, WEIGHTS, omitted, column(true)), "lower_is_better has 1 cell but actuals has 3. Select ranges of the same size."],
    ["a target of 0", () => kpiScore(ACTUALS, column(1_000_000, 0, 200), WEIGHTS, omitted, omitted), "targets, row 2: 0 must be greater than 0."],
    ["a negative weight", () => kpiScore(ACTUALS, TARGETS, row(0.5, -0.3, 0.2), omitted, omitted), "weights, column 2: -0.3 is below the minimum of 0."],
    ["a negative lower-is-better actual", () => kpiScore(column(-5), column(200), column(1), omitted, column(true)), "actuals, row 1: -5 is below the minimum of 0."],
    ["a flag that is not TRUE/FALSE", () => kpiScore(ACTUALS, TARGETS, WEIGHTS, omitted, column("no", "no", "yes")), 'lower_is_better, row 1: "no" is not one of "TRUE" or "FALSE".'],
    ["a cap like 120", () => kpiScore(ACTUALS, TARGETS, WEIGHTS, 120, omitted), "cap: 120 is not a rate. Enter 120% or 1.2."],
    ["a cap below 100%", () => kpiScore(ACTUALS, TARGETS, WEIGHTS, 0.9, omitted), "cap: 0.9 is below the minimum of 1."],
    ["a cap above 1000%", () => kpiScore(ACTUALS, TARGETS, WEIGHTS, 20, omitted), "cap: 20 is above the maximum of 10."],
    ["no KPIs", () => kpiScore(column(""), column(""), column(""), omitted, omitted), "actuals is empty. Select the cells that hold the data."],
    ["a blank actual", () => kpiScore(column(1, "", 3), TARGETS, WEIGHTS, omitted, omitted), "actuals, row 2: the cell is blank. Fill it in or remove the row."],
  ])("%s", (_, call, message) => {
    expect(excelError(call)).toEqual({ code: "#VALUE!", message });
  });

  it("speaks Chinese in a Chinese Office", () => {
    const shown = withOfficeLanguage("zh-CN", () => excelError(() => kpiScore(ACTUALS, TARGETS, WEIGHTS, 120, omitted)));
    expect(shown).toEqual({ code: "#VALUE!", message: "参数“封顶值”：120 不是比率。请输入 120% 或 1.2。" });
  });
});
