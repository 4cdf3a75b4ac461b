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
      // The weights come last, so that Period | Amount is the chart's source.
      ["Period", "Amount", "Share", "Weight"],
      ["Jan", "=INDEX(SALES.TARGET.SPLIT($B$3,$D$8:$D$19,$B$4),ROW()-ROW($A$7),1)", "=B8/$B$3", 31],
    ]);
    expect(rows[8]).toEqual(["Feb", "=INDEX(SALES.TARGET.SPLIT($B$3,$D$8:$D$19,$B$4),ROW()-ROW($A$7),1)", "=B9/$B$3", 29]);
    expect(rows[19]).toEqual(["Check: sum = Total", "=SUM(B8:B19)", check("B20", "$B$3")]);
    expect(plan.tables?.[0]).toEqual({ name: "Decompose_Time", address: "A7:D19", hasHeaders: true });
    expect(plan.charts).toEqual([{ kind: "column", source: "A7:B19", title: "Target by period", from: "H2", to: "O18" }]);
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
    expect(grid(custom).slice(5, 11).map((r) => [r[0], r[3]])).toEqual([["时间：平均分解", undefined], ["期间", "权重"], ["年货节", 1], ["'618", 1], ["'双11", 1], ["校验：合计 = 总目标", undefined]]);
  });

  it("crosses the quotas of one channel with quarters weighted as typed: a period targets row, then live TARGET.GRID cells", () => {
    const plan = decomposePlan(
      exampleInput({
        total: { kind: "typed", value: 120_000_000 },
        time: { periods: "quarters", custom: [], method: "typed", history: undefined, weights: [20, 30, 15, 35] },
        products: undefined,
        grid: "salespeople",
      }),
      "en",
    );
    const rows = grid(plan);
    expect(rows[5]).toEqual(["Time: by the weights typed"]);
    expect(rows[8]).toEqual(["'Q2", "=INDEX(SALES.TARGET.SPLIT($B$3,$D$8:$D$11,$B$4),ROW()-ROW($A$7),1)", "=B9/$B$3", 30]);
    // The salespeople share 天猫 ($C$16): the quarters' targets for them are 天猫 split by the quarters.
    expect(rows[31]).toEqual(["Salespeople × periods (TARGET.GRID: every row and every column adds up)"]);
    expect(rows[32]).toEqual(["Period targets", ...[1, 2, 3, 4].map((k) => `=INDEX(SALES.TARGET.SPLIT($C$16,$B$8:$B$11,$B$4),${k},1)`), "=SUM(B33:E33)"]);
    expect(rows[33]).toEqual(["Salesperson", "'Q1", "'Q2", "'Q3", "'Q4", "Sum", "Check"]);
    const cell = "=INDEX(SALES.TARGET.GRID($E$25:$E$29,$B$33:$E$33,,$B$4),ROW()-ROW($A$34),COLUMN()-COLUMN($A$34))";
    expect(rows[34]).toEqual(["=A25", cell, cell, cell, cell, "=SUM(B35:E35)", check("F35", "$E$25")]);
    expect(rows[38]).toEqual(["=A29", cell, cell, cell, cell, "=SUM(B39:E39)", check("F39", "$E$29")]);
    expect(rows[39]).toEqual(["Check: sum = Period targets", "=SUM(B35:B39)", "=SUM(C35:C39)", "=SUM(D35:D39)", "=SUM(E35:E39)", "=SUM(F35:F39)"]);
    expect(rows[40]).toEqual(["Check", check("B40", "B33"), check("C40", "C33"), check("D40", "D33"), check("E40", "E33"), check("F40", "$C$16")]);
    expect(plan.tables?.at(-1)).toEqual({ name: "Decompose_Grid", address: "A34:G39", hasHeaders: true });
    expect(plan.numberFormats).toEqual(expect.arrayContaining([{ address: "B33:F33", format: "#,##0" }, { address: "B35:F40", format: "#,##0" }]));
    // The chart right of the widest row (the plan's seven columns).
    expect(plan.charts).toEqual([{ kind: "column", source: "A7:B11", title: "Target by period", from: "I2", to: "P18" }]);
  });

  it("takes the period targets as the time amounts when the rows share the total; 万 display on the plan too", () => {
    const plan = decomposePlan(
      exampleInput({ display: "wan", time: { periods: "quarters", custom: [], method: "equal", history: undefined }, products: undefined, salespeople: undefined, grid: "channels" }),
      "zh",
    );
    const rows = grid(plan);
    const targets = rows.findIndex((r) => r[0] === "各期间目标");
    expect(rows[targets - 1]).toEqual(["渠道 × 期间计划（TARGET.GRID：每行、每列合计均相符）"]);
    expect(rows[targets]).toEqual(["各期间目标", "=B8", "=B9", "=B10", "=B11", `=SUM(B${targets + 1}:E${targets + 1})`]);
    expect(rows[targets + 2]![1]).toBe(`=INDEX(SALES.TARGET.GRID($C$16:$C$19,$B$${targets + 1}:$E$${targets + 1},,$B$4),ROW()-ROW($A$${targets + 2}),COLUMN()-COLUMN($A$${targets + 2}))`);
    expect(plan.numberFormats).toEqual(expect.arrayContaining([{ address: `B${targets + 3}:F${targets + 7}`, format: '0!.0,"万"' }]));
  });

  it("writes a mix row per channel, and people grouped by region with a check per region", () => {
    const plan = decomposePlan(
      exampleInput({
        time: undefined,
        productMix: [
          [60, 30, 10],
          [20, 60, 20],
          [1, 1, 1],
          [0, 0, 1],
        ],
        regions: REGIONS.slice(0, 2),
        salespeople: { parent: "regions", blend: { history: 1, potential: 0, even: 0 }, people: exampleInput().salespeople!.people.map((p, i) => ({ ...p, region: i % 2 })) },
      }),
      "en",
    );
    const rows = grid(plan);
    const mixTitle = rows.findIndex((r) => r[0] === "Product mix per channel (weights)");
    expect(rows[mixTitle]).toEqual(["Product mix per channel (weights)", "护肤", "彩妆", "个护"]);
    expect(rows[mixTitle + 1]).toEqual(["=A8", 60, 30, 10]);
    expect(rows[mixTitle + 4]).toEqual(["=A11", 0, 0, 1]);
    const m2 = mixTitle + 3; // 抖音's mix row, 1-based
    expect(rows[mixTitle + 7]![1]).toBe(`=INDEX(SALES.TARGET.SPLIT($C9,$B$${m2}:$D$${m2},$B$4),1,1)`);
    const header = rows.findIndex((r) => r[0] === "Salesperson");
    expect(rows[header]).toEqual(["Salesperson", "Region", "Last year's sales", "Potential", "Ramp", "Quota", "Share"]);
    const regionRow = (k: number) => 1 + rows.findIndex((r) => r[0] === REGIONS[k]!.name);
    // 王芳, 张伟, 陈静 in 华东; 李强, 刘洋 in 华南: each group allocates its own region's amount.
    expect(rows.slice(header + 1, header + 6).map((r) => [r[0], r[1]])).toEqual([["王芳", `=A${regionRow(0)}`], ["张伟", `=A${regionRow(0)}`], ["陈静", `=A${regionRow(0)}`], ["李强", `=A${regionRow(1)}`], ["刘洋", `=A${regionRow(1)}`]]);
    const first = header + 2;
    expect(rows[header + 1]![5]).toBe(`=INDEX(SALES.QUOTA.ALLOCATE($C$${regionRow(0)},$C$${first}:$C$${first + 2},$D$${first}:$D$${first + 2},$B$${header}:$D$${header},$E$${first}:$E$${first + 2},$B$4),ROW()-ROW($A$${first - 1}),1)`);
    expect(rows[header + 4]![5]).toBe(`=INDEX(SALES.QUOTA.ALLOCATE($C$${regionRow(1)},$C$${first + 3}:$C$${first + 4},$D$${first + 3}:$D$${first + 4},$B$${header}:$D$${header},$E$${first + 3}:$E$${first + 4},$B$4),ROW()-ROW($A$${first + 2}),1)`);
    expect(rows.slice(header + 6, header + 9)).toEqual([
      ["Check: sum = 华东", null, null, null, null, `=SUM(F${first}:F${first + 2})`, check(`F${first + 5}`, `$C$${regionRow(0)}`)],
      ["Check: sum = 华南", null, null, null, null, `=SUM(F${first + 3}:F${first + 4})`, check(`F${first + 6}`, `$C$${regionRow(1)}`)],
      ["Check: sum = Total", null, null, null, null, `=SUM(F${first}:F${first + 4})`, check(`F${first + 7}`, "$B$3")],
    ]);
    expect(plan.charts).toEqual([]);
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
