import { serialFromYmd } from "../../../src/core/shared/excel-date";
import { growthStats } from "../../../src/taskpane/features/smart/milestones";
import { smartPlan, smartStatement } from "../../../src/taskpane/features/smart/smart-plan";
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
  it("states the target in the course's style, in Chinese and in English", () => {
    expect(smartStatement(VALENTINE, "zh")).toBe(
      "在情人节大促期间，2025年1月20日至2025年2月14日，通过天猫、抖音和小红书，面向18–35 岁女性，实现情人节礼盒销售额从40,000,000元提升到50,000,000元（增长25.0%），服务于策略：SO：发挥内容优势，抢占节日流量。",
    );
    expect(smartStatement({ ...VALENTINE, occasion: "", customers: "", channel: "Tmall", product: "gift boxes", unit: "yuan", strategy: "SO" }, "en")).toBe(
      "From 2025-01-20 to 2025-02-14, through Tmall, grow Sales amount of gift boxes from 40,000,000 to 50,000,000 yuan (+25.0%), serving the strategy: SO.",
    );
  });

  it("writes the parameters, the tiers and weekly milestones as formulas that follow the target cell", () => {
    const plan = smartPlan(VALENTINE, "zh", { address: "Sheet1!B2:B6", stats: growthStats([30, 33, 36, 38, 40]) });
    expect(plan.name).toBe("SMART 目标");
    expect(cell(plan, "A12")).toEqual({ value: "目标值（在此修改，下方全部联动）" });
    expect(cell(plan, "B12")).toEqual({ value: 50_000_000 });
    expect(cell(plan, "B13")).toEqual({ formula: '=IF(B11>0,B12/B11-1,"")' });
    expect(cell(plan, "B14")).toEqual({ value: 0.1 });
    expect(cell(plan, "B15")).toEqual({ value: "Sheet1!B2:B6" });
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
    expect(cell(plan, "B5")).toEqual({ value: "=1+1" });
  });
});
