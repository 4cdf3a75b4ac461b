import { cellInput } from "../../../src/excel/cell-input";
import { checkFormula, daysInMonths, decomposePlan } from "../../../src/taskpane/features/decompose/decompose-plan";
import { exampleInput, REGIONS } from "./fixture";

/** The plan's rows as Office.js receives them (null for an empty cell). */
const grid = (plan: ReturnType<typeof decomposePlan>) => plan.rows.map((row) => row.map(cellInput));

const check = (sum: string, parent: string) => `=IF(ROUND(${sum}-${parent},6)=0,"✓","✗ "&TEXT(${sum}-${parent},"#,##0"))`;
const seasonal = "=INDEX(SALES.TARGET.SEASONAL($B$3,'Sales history'!B2:M4,$B$4),1,ROW()-ROW($A$7))";
const channel = "=INDEX(SALES.TARGET.SPLIT($B$3,$B$24:$B$27,$B$4),ROW()-ROW($A$23),1)";
const product = (row: number, k: number) => `=INDEX(SALES.TARGET.SPLIT($C${row},$B$31:$D$31,$B$4),1,${k})`;
const quota = "=INDEX(SALES.QUOTA.ALLOCATE($C$24,$B$42:$B$46,$C$42:$C$46,$B$40:$D$40,$D$42:$D$46,$B$4),ROW()-ROW($A$41),1)";

describe("the Decomposition sheet plan", () => {
  it("writes the course example (120M from 'SMART target'!B8, unit 10,000) cell by cell, in Chinese", () => {
    const plan = decomposePlan(exampleInput(), "zh");
    expect(plan.name).toBe("目标分解");
    const months = ["'1月", "'2月", "'3月", "'4月", "'5月", "'6月", "'7月", "'8月", "'9月", "'10月", "'11月", "'12月"]; // behind an apostrophe: Chinese Excel would read "1月" as a date
    expect(grid(plan)).toEqual([
      ["目标分解"],
      ["期间", "'2026"],
      ["总目标", "='SMART target'!B8"],
      ["单位", 10000],
      [],
      ["'时间：按 'Sales history'!B2:M4 的季节性分解"],
      ["期间", "目标金额", "占比"],
      ...months.map((month, i) => [month, seasonal, `=B${8 + i}/$B$3`]),
      ["校验：合计 = 总目标", "=SUM(B8:B19)", check("B20", "$B$3")],
      [],
      ["渠道"],
      ["渠道", "权重", "目标金额", "占比"],
      ["天猫", 50, channel, "=C24/$B$3"],
      ["抖音", 30, channel, "=C25/$B$3"],
      ["小红书", 15, channel, "=C26/$B$3"],
      ["其他", 5, channel, "=C27/$B$3"],
      ["校验：合计 = 总目标", null, "=SUM(C24:C27)", check("C28", "$B$3")],
      [],
      ["各渠道内的品类"],
      ["品类结构（权重）", 50, 30, 20],
      ["渠道", "护肤", "彩妆", "个护", "合计", "校验"],
      ...[24, 25, 26, 27].map((c, i) => [`=A${c}`, product(c, 1), product(c, 2), product(c, 3), `=SUM(B${33 + i}:D${33 + i})`, check(`E${33 + i}`, `$C${c}`)]),
      ["校验：合计 = 总目标", "=SUM(B33:B36)", "=SUM(C33:C36)", "=SUM(D33:D36)", "=SUM(E33:E36)", check("E37", "$B$3")],
      [],
      ["销售人员指标（分解自天猫）"],
      ["混合权重：历史业绩、潜力、平均", 0.6, 0.4, 0],
      ["销售人员", "去年业绩", "潜力", "爬坡系数", "指标", "占比"],
      ["王芳", 3_200_000, 3_000_000, 1, quota, "=IF($C$24=0,0,E42/$C$24)"],
      ["李强", 2_600_000, 3_500_000, 1, quota, "=IF($C$24=0,0,E43/$C$24)"],
      ["张伟", 2_100_000, 2_500_000, 1, quota, "=IF($C$24=0,0,E44/$C$24)"],
      ["刘洋", 1_500_000, 2_000_000, 1, quota, "=IF($C$24=0,0,E45/$C$24)"],
      ["陈静", 0, 2_000_000, 0.375, quota, "=IF($C$24=0,0,E46/$C$24)"],
      ["校验：合计 = 天猫", null, null, null, "=SUM(E42:E46)", check("E47", "$C$24")],
    ]);
    expect(plan.boldRows).toEqual([1, 3, 6, 7, 20, 22, 23, 28, 30, 32, 37, 39, 41, 47]);
    // One table per level, around its inputs and per-row amounts; check rows and spills stay outside.
    expect(plan.tables).toEqual([
      { name: "Decompose_Time", address: "A7:C19", hasHeaders: true },
      { name: "Decompose_Channels", address: "A23:D27", hasHeaders: true },
      { name: "Decompose_Products", address: "A32:F36", hasHeaders: true },
      { name: "Decompose_Salespeople", address: "A41:F46", hasHeaders: true },
    ]);
    expect(plan.numberFormats).toEqual([
      { address: "B3:B4", format: "#,##0" },
      { address: "B8:B20", format: "#,##0" },
      { address: "C8:C19", format: "0.0%" },
      { address: "C24:C28", format: "#,##0" },
      { address: "D24:D27", format: "0.0%" },
      { address: "B33:E37", format: "#,##0" },
      { address: "B40:D40", format: "0%" },
      { address: "B42:B46", format: "#,##0" }, { address: "C42:C46", format: "#,##0" },
      { address: "D42:D46", format: "0.0%" },
      { address: "E42:E47", format: "#,##0" },
      { address: "F42:F46", format: "0.0%" },
    ]);
    expect(plan.names).toEqual([
      { name: "Decompose_Total", address: "B3" },
      { name: "Decompose_Unit", address: "B4" },
    ]);
  });

  it("writes a typed total, even months by days, regions and salespeople of the total, in English", () => {
    const plan = decomposePlan(
      exampleInput({
        period: "FY2024",
        total: { kind: "typed", value: 366 },
        unit: 1,
        time: { periods: "months", custom: [], method: "days", history: undefined },
        channels: undefined,
        products: [{ name: "ignored without channels", weight: 1 }],
        regions: REGIONS,
        salespeople: { parent: "total", blend: { history: 0, potential: 0, even: 1 }, people: [{ name: "Ann", history: 0, potential: 0, ramp: 1 }] },
      }),
      "en",
    );
    expect(plan.name).toBe("Decomposition");
    const rows = grid(plan);
    expect(rows.slice(0, 8)).toEqual([
      ["Goal decomposition"],
      ["Period", "'FY2024"],
      ["Total", 366],
      ["Unit", 1],
      [],
      ["Time: by days in each month"],
      ["Period", "Weight", "Amount", "Share"],
      ["Jan", 31, "=INDEX(SALES.TARGET.SPLIT($B$3,$B$8:$B$19,$B$4),ROW()-ROW($A$7),1)", "=C8/$B$3"],
    ]);
    expect(rows[8]).toEqual(["Feb", 29, "=INDEX(SALES.TARGET.SPLIT($B$3,$B$8:$B$19,$B$4),ROW()-ROW($A$7),1)", "=C9/$B$3"]);
    expect(rows[19]).toEqual(["Check: sum = Total", null, "=SUM(C8:C19)", check("C20", "$B$3")]);
    expect(rows.slice(21, 28).map((r) => r.slice(0, 3))).toEqual([
      ["Regions"],
      ["Region", "Weight", "Amount"],
      ["华东", 40, "=INDEX(SALES.TARGET.SPLIT($B$3,$B$24:$B$27,$B$4),ROW()-ROW($A$23),1)"],
      ["华南", 30, "=INDEX(SALES.TARGET.SPLIT($B$3,$B$24:$B$27,$B$4),ROW()-ROW($A$23),1)"],
      ["华北", 20, "=INDEX(SALES.TARGET.SPLIT($B$3,$B$24:$B$27,$B$4),ROW()-ROW($A$23),1)"],
      ["西部", 10, "=INDEX(SALES.TARGET.SPLIT($B$3,$B$24:$B$27,$B$4),ROW()-ROW($A$23),1)"],
      ["Check: sum = Total", null, "=SUM(C24:C27)"],
    ]);
    expect(rows.slice(29)).toEqual([
      ["Salespeople quotas (of Total)"],
      ["Blend weights: history, potential, even", 0, 0, 1],
      ["Salesperson", "Last year's sales", "Potential", "Ramp", "Quota", "Share"],
      ["Ann", 0, 0, 1, "=INDEX(SALES.QUOTA.ALLOCATE($B$3,$B$33:$B$33,$C$33:$C$33,$B$31:$D$31,$D$33:$D$33,$B$4),ROW()-ROW($A$32),1)", "=E33/$B$3"],
      ["Check: sum = Total", null, null, null, "=SUM(E33:E33)", check("E34", "$B$3")],
    ]);
    expect(plan.tables?.map((t) => t.name)).toEqual(["Decompose_Time", "Decompose_Regions", "Decompose_Salespeople"]);
  });

  it("indexes a seasonal column down its rows and passes the season length; quarters and custom periods", () => {
    const column = decomposePlan(
      exampleInput({
        time: { periods: "quarters", custom: [], method: "seasonal", history: { sheet: "Sheet 1", row: 1, column: 2, rows: 12, columns: 1 } },
        channels: undefined,
        products: undefined,
        salespeople: undefined,
      }),
      "en",
    );
    expect(grid(column).slice(5, 9)).toEqual([
      ["'Time: seasonal, from 'Sheet 1'!C2:C13"],
      ["Period", "Amount", "Share"],
      ["'Q1", "=INDEX(SALES.TARGET.SEASONAL($B$3,'Sheet 1'!C2:C13,$B$4,4),ROW()-ROW($A$7),1)", "=B8/$B$3"],
      ["'Q2", "=INDEX(SALES.TARGET.SEASONAL($B$3,'Sheet 1'!C2:C13,$B$4,4),ROW()-ROW($A$7),1)", "=B9/$B$3"],
    ]);
    const custom = decomposePlan(
      exampleInput({ time: { periods: "custom", custom: ["年货节", "618", "双11"], method: "equal", history: undefined }, channels: undefined, products: undefined, salespeople: undefined }),
      "zh",
    );
    expect(grid(custom).slice(5, 11).map((r) => r.slice(0, 2))).toEqual([["时间：平均分解"], ["期间", "权重"], ["年货节", 1], ["'618", 1], ["'双11", 1], ["校验：合计 = 总目标", null]]);
  });

  it("quotes the total's sheet as Excel does, and keeps user text as text", () => {
    const plan = decomposePlan(
      exampleInput({
        total: { kind: "cell", sheet: "Bob's plan", row: 0, column: 0, value: 100 },
        unit: 1,
        time: undefined,
        channels: [{ name: '=HYPERLINK("http://evil.example","x")', weight: 1 }],
        products: undefined,
        salespeople: undefined,
      }),
      "en",
    );
    const rows = grid(plan);
    expect(rows[2]).toEqual(["Total", "='Bob''s plan'!A1"]);
    expect(plan.rows[7]![0]).toEqual({ value: '=HYPERLINK("http://evil.example","x")' });
    expect(rows[7]![0]).toBe('\'=HYPERLINK("http://evil.example","x")');
  });

  it("counts the days of each month from the year in the period label", () => {
    expect(daysInMonths("2024")[1]).toBe(29);
    expect(daysInMonths("FY2100 plan")[1]).toBe(28);
    expect(daysInMonths("2000年")[1]).toBe(29);
    expect(daysInMonths("")).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(checkFormula("C10", "$B$3")).toBe(check("C10", "$B$3"));
  });
});
