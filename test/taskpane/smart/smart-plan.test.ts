import { serialFromYmd } from "../../../src/core/shared/excel-date";
import { growthStats } from "../../../src/taskpane/features/smart/milestones";
import { historyFormulas, smartPlan, statementFormula } from "../../../src/taskpane/features/smart/smart-plan";
import type { SmartTarget } from "../../../src/taskpane/features/smart/smart-schema";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;

/** The course's Valentine's Day target: 50,000,000 yuan in Tmall, Douyin and Xiaohongshu. */
const VALENTINE: SmartTarget = {
  channel: "天猫、抖音和小红书",
  product: "情人节礼盒",
  customers: "18–35 岁女性",
  occasion: "情人节大促",
  kpi: "sales",
  unit: "元",
  baseline: 40_000_000,
  target: 50_000_000,
  roundTo: 10_000,
  display: "yuan",
  historyAddress: "Sheet1!B2:B6",
  strategy: "SO：发挥内容优势，抢占节日流量",
  start: d(2025, 1, 20),
  end: d(2025, 2, 14),
  cadence: "weekly",
  floorRatio: 0.9,
  challengeRatio: 1.2,
};

const cell = (plan: ReturnType<typeof smartPlan>, a1: string) => {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return plan.rows[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65] ?? null;
};

describe("the SMART target sheet", () => {
  it("writes the statement as one formula of the parameter cells, so that it follows them (its wording: smart-sheet.built.test.ts)", () => {
    const zh = statementFormula("zh", "yuan");
    expect(zh.startsWith('=IF(B8<>"","在"&B8&"期间，","")&TEXT(B16,"yyyy年m月d日")&"至"&TEXT(B17,"yyyy年m月d日")&"，通过"&B5&')).toBe(true);
    expect(zh).toContain('"从"&TEXT(B11,IF(B11=ROUND(B11,0),"#,##0","#,##0.##"))&B10&"提升到"&TEXT(B12,IF(B12=ROUND(B12,0),"#,##0","#,##0.##"))&B10');
    expect(zh).toContain('IF(B11>0,"（"&IF(B13>=0,"增长","下降")&TEXT(ABS(B13),"0.0%")&"）","")');
    expect(statementFormula("zh", "wan")).toContain('TEXT(B12/10000,IF(B12=ROUND(B12,-4),"#,##0","#,##0.0###"))&"万"&B10');
    expect(statementFormula("en", "yuan")).toContain('&", serving the strategy: "&B19&"."');
    const plan = smartPlan(VALENTINE, "zh");
    expect(cell(plan, "A2")).toEqual({ formula: zh });
  });

  it("writes the past growth as formulas over the history's numbers: best step, and average per period", () => {
    expect(historyFormulas("Sheet1!B2:B6")).toEqual({
      best: '=IF(COUNTIF(Sheet1!B2:B5,">0")=0,"",MAX(IF(Sheet1!B2:B5>0,Sheet1!B3:B6/Sheet1!B2:B5-1,"")))',
      average: '=IF(AND(Sheet1!B2>0,Sheet1!B6>=0),(Sheet1!B6/Sheet1!B2)^(1/4)-1,"")',
    });
    expect(historyFormulas("'Sales 2024'!C3:F3")?.best).toBe(`=IF(COUNTIF('Sales 2024'!C3:E3,">0")=0,"",MAX(IF('Sales 2024'!C3:E3>0,'Sales 2024'!D3:F3/'Sales 2024'!C3:E3-1,"")))`);
    expect(historyFormulas("Sheet1!B2:C6")).toBeUndefined();
    expect(historyFormulas("Sheet1!B2")).toBeUndefined();
  });

  it("writes the parameters, the tiers and weekly milestones as formulas that follow the target cell", () => {
    const plan = smartPlan(VALENTINE, "zh", { address: "Sheet1!B2:B6", stats: growthStats([30, 33, 36, 38, 40]) });
    expect(plan.name).toBe("SMART 目标");
    expect(cell(plan, "A12")).toEqual({ value: "目标值（在此修改，下方全部联动）" });
    expect(cell(plan, "B12")).toEqual({ value: 50_000_000 });
    expect(cell(plan, "B13")).toEqual({ formula: '=IF(B11>0,B12/B11-1,"")' });
    expect(cell(plan, "B14")).toEqual({ formula: historyFormulas("Sheet1!B2:B6")!.best });
    expect(cell(plan, "C14")).toEqual({ value: "Sheet1!B2:B6" });
    expect(cell(plan, "B15")).toEqual({ formula: historyFormulas("Sheet1!B2:B6")!.average });
    expect(cell(plan, "B16")).toEqual({ value: d(2025, 1, 20) });
    expect(cell(plan, "B20")).toEqual({ value: 10_000 });
    expect(cell(plan, "B25")).toEqual({ formula: "=SALES.TARGET.TIERS(B12,B21,B22)" });
    expect(plan.rows[27]!.map((c) => (c && "value" in c ? c.value : null))).toEqual(["序号", "期初", "期末", "天数", "本期目标", "累计目标", "累计完成比例"]);
    // 26 days, weekly: 20–26 Jan, 27 Jan–2 Feb, 3–9 Feb, 10–14 Feb.
    expect(plan.rows.slice(28, 32)).toEqual([
      [{ value: 1 }, { value: d(2025, 1, 20) }, { value: d(2025, 1, 26) }, { formula: "=C29-B29+1" }, { formula: "=SALES.TARGET.SPLIT($B$12,D29:D32,$B$20)" }, { formula: "=SUM($E$29:E29)" }, { formula: "=F29/$B$12" }],
      [{ value: 2 }, { value: d(2025, 1, 27) }, { value: d(2025, 2, 2) }, { formula: "=C30-B30+1" }, null, { formula: "=SUM($E$29:E30)" }, { formula: "=F30/$B$12" }],
      [{ value: 3 }, { value: d(2025, 2, 3) }, { value: d(2025, 2, 9) }, { formula: "=C31-B31+1" }, null, { formula: "=SUM($E$29:E31)" }, { formula: "=F31/$B$12" }],
      [{ value: 4 }, { value: d(2025, 2, 10) }, { value: d(2025, 2, 14) }, { formula: "=C32-B32+1" }, null, { formula: "=SUM($E$29:E32)" }, { formula: "=F32/$B$12" }],
    ]);
    expect(plan.rows[32]).toEqual([
      { value: "合计" },
      null,
      null,
      { formula: "=SUM(D29:D32)" },
      { formula: "=SUM(E29:E32)" },
      { formula: '=IF(E33=$B$12,"✓ 合计等于目标","✗ 相差 "&TEXT(E33-$B$12,"#,##0"))' },
    ]);
    expect(plan.rows).toHaveLength(33);
    expect(plan.boldRows).toEqual([1, 4, 24, 28, 33]);
    expect(plan.names).toEqual([{ name: "SmartTarget", address: "B12" }]);
    expect(plan.charts).toEqual([{ kind: "column", source: "E28:E32", title: "各期目标", from: "I4", to: "P20" }]);
    expect(plan.numberFormats).toContainEqual({ address: "B29:C32", format: "yyyy-mm-dd" });
  });

  it("leaves optional text and the best growth empty when not given, and keeps user text as values", () => {
    const plan = smartPlan({ ...VALENTINE, customers: "", occasion: "", channel: "=1+1" }, "en");
    expect(cell(plan, "B7")).toBeNull();
    expect(cell(plan, "B8")).toBeNull();
    expect(cell(plan, "B14")).toBeNull();
    expect(cell(plan, "B15")).toBeNull();
    expect(cell(plan, "B5")).toEqual({ value: "=1+1" });
  });

  it("shows amounts in 万 by number format only, the cells keeping the exact amounts", () => {
    const plan = smartPlan({ ...VALENTINE, display: "wan" }, "zh");
    expect(cell(plan, "B12")).toEqual({ value: 50_000_000 });
    expect(plan.numberFormats).toContainEqual({ address: "B11:B12", format: '0!.0,"万"' });
    expect(plan.numberFormats).toContainEqual({ address: "E29:F33", format: '0!.0,"万"' });
    expect(smartPlan(VALENTINE, "zh").numberFormats).toContainEqual({ address: "B11:B12", format: "#,##0" });
  });
});
