import { funnelLevers, funnelPlan, funnelPyramid, funnelStages, funnelTarget } from "../../src/functions/funnel";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";

// The course's dealership funnel: K info retention 40%, F follow-up 50%, C close 25%.
const RATES_ROW = row(0.4, 0.5, 0.25); // ={0.4,0.5,0.25}
const RATES_COLUMN = column(0.4, 0.5, 0.25); // B2:B4

describe("=SALES.FUNNEL.TARGET", () => {
  it("needs 2000 visitors for 100 deals and 2400 for 120", () => {
    expect(funnelTarget(100, RATES_ROW)).toBe(2000);
    expect(funnelTarget(120, RATES_COLUMN)).toBe(2400);
  });

  it("reads rates as percentages in cells, percentage text, and ignores trailing blank cells", () => {
    expect(funnelTarget(100, column("40%", "50%", "25%"))).toBe(2000);
    expect(funnelTarget(100, column(0.4, 0.5, 0.25, "", null))).toBe(2000);
    expect(funnelTarget(100, [[0.4]])).toBe(250);
    expect(funnelTarget(100, 0.4 as never)).toBe(250);
  });
});

describe("=SALES.FUNNEL.PLAN", () => {
  it("plans {2000; 800; 400; 100} down a column for rates in a column", () => {
    expect(funnelPlan(100, RATES_COLUMN)).toEqual([[2000], [800], [400], [100]]);
  });

  it("plans across a row for rates in a row (={0.4,0.5,0.25})", () => {
    expect(funnelPlan(100, RATES_ROW)).toEqual([[2000, 800, 400, 100]]);
  });
});

describe("=SALES.FUNNEL.STAGES", () => {
  it("runs the course funnel forward, shaped like rates", () => {
    expect(funnelStages(2000, RATES_COLUMN)).toEqual([[2000], [800], [400], [100]]);
    expect(funnelStages(2000, RATES_ROW)).toEqual([[2000, 800, 400, 100]]);
  });

  it("shows 120, not 120.00000000000001", () => {
    expect(funnelStages(2000, row(0.4, 0.6, 0.25))).toEqual([[2000, 800, 480, 120]]);
  });
});

describe("=SALES.FUNNEL.LEVERS", () => {
  it("gives {125,25; 125,25; 120,20; 120,20} for improved {2500, 0.5, 0.6, 0.3}", () => {
    const table = [
      [125, 25],
      [125, 25],
      [120, 20],
      [120, 20],
    ];
    expect(funnelLevers(2000, RATES_ROW, row(2500, 0.5, 0.6, 0.3))).toEqual(table);
    expect(funnelLevers(2000, RATES_COLUMN, column(2500, "50%", "60%", "30%"))).toEqual(table);
  });
});

describe("=SALES.FUNNEL.PYRAMID", () => {
  it("needs {50;150;450;1350;4050} at 1/3 and {50;167;556;1852;6173} at 0.3 (five grades by default)", () => {
    expect(funnelPyramid(10_000_000, 200_000, [[1 / 3]], omitted)).toEqual([[50], [150], [450], [1350], [4050]]);
    expect(funnelPyramid(10_000_000, 200_000, [[0.3]], omitted)).toEqual([[50], [167], [556], [1852], [6173]]);
    expect(funnelPyramid(10_000_000, 200_000, [["30%"]], 3)).toEqual([[50], [167], [556]]);
  });

  it("takes per-step rates, shaped like them", () => {
    expect(funnelPyramid(1000, 100, row(0.5, 0.25), omitted)).toEqual([[10, 20, 80]]);
    expect(funnelPyramid(1000, 100, column(0.5, 0.25), 3)).toEqual([[10], [20], [80]]);
  });
});

describe("funnel input errors: #VALUE! with a message naming the argument, position and fix", () => {
  it.each([
    ["a rate like 40", () => funnelTarget(100, row(40, 0.5, 0.25)), "rates, column 1: 40 is not a rate. Enter 40% or 0.4."],
    ["a rate like 25 in a column", () => funnelPlan(100, column(0.4, 0.5, 25)), "rates, row 3: 25 is not a rate. Enter 25% or 0.25."],
    ["a rate of 0", () => funnelTarget(100, column(0.4, 0, 0.25)), "rates, row 2: 0 must be greater than 0."],
    ["a negative rate", () => funnelStages(2000, column(-0.4, 0.5)), "rates, row 1: -0.4 must be greater than 0."],
    ["a rate above 100", () => funnelStages(2000, column(0.4, 400)), "rates, row 2: 400 is above the maximum of 1."],
    ["a target of 0", () => funnelTarget(0, RATES_ROW), "target: 0 must be greater than 0."],
    ["a negative target", () => funnelPlan(-100, RATES_ROW), "target: -100 must be greater than 0."],
    ["a top of 0", () => funnelStages(0, RATES_ROW), "top: 0 must be greater than 0."],
    ["an empty rate list", () => funnelTarget(100, column("", null)), "rates is empty. Select the cells that hold the data."],
    ["a blank rate inside the list", () => funnelPlan(100, column(0.4, "", 0.25)), "rates, row 2: the cell is blank. Fill it in or remove the row."],
    ["a rate that is text", () => funnelPlan(100, column(0.4, "half", 0.25)), 'rates, row 2: "half" is not a number.'],
    ["a block of rates", () => funnelPlan(100, [[0.4, 0.5], [0.25, 1]]), "rates: select one row or one column, not 2×2 cells."],
    ["a target that is text", () => funnelTarget("lots" as never, RATES_ROW), 'target: "lots" is not a number.'],
    ["improved with a value missing", () => funnelLevers(2000, RATES_ROW, row(2500, 0.5, 0.6)), "improved has 3 cells but needs 4: the top count, then one value for each rate in rates."],
    ["an improved rate like 60", () => funnelLevers(2000, RATES_ROW, row(2500, 0.5, 60, 0.3)), "improved, column 3: 60 is not a rate. Enter 60% or 0.6."],
    ["an improved top of 0", () => funnelLevers(2000, RATES_COLUMN, column(0, 0.5, 0.6, 0.3)), "improved, row 1: 0 must be greater than 0."],
    ["an average order of 0", () => funnelPyramid(10_000_000, 0, [[0.3]], omitted), "avg_order: 0 must be greater than 0."],
    ["a target revenue below 0", () => funnelPyramid(-1, 200_000, [[0.3]], omitted), "target_revenue: -1 must be greater than 0."],
    ["a promotion rate like 30", () => funnelPyramid(10_000_000, 200_000, [[30]], omitted), "promotion_rates: 30 is not a rate. Enter 30% or 0.3."],
    ["a per-step promotion rate of 0", () => funnelPyramid(10_000_000, 200_000, column(0.3, 0), omitted), "promotion_rates, row 2: 0 must be greater than 0."],
    ["one level", () => funnelPyramid(10_000_000, 200_000, [[0.3]], 1), "levels: 1 is below the minimum of 2."],
    ["30 levels", () => funnelPyramid(10_000_000, 200_000, [[0.3]], 30), "levels: 30 is above the maximum of 26."],
    ["4.5 levels", () => funnelPyramid(10_000_000, 200_000, [[0.3]], 4.5), "levels: 4.5 must be a whole number."],
    ["levels that contradict per-step rates", () => funnelPyramid(10_000_000, 200_000, row(0.3, 0.3, 0.3), 5), "levels: 5 does not match promotion_rates, whose rates give 4 levels. Leave levels empty or enter 4."],
  ])("%s", (_, call, message) => {
    expect(excelError(call)).toEqual({ code: "#VALUE!", message });
  });

  it("shows #NUM! (no message) when the required count is too large for a cell", () => {
    expect(excelError(() => funnelTarget(1e300, row(1e-5, 1e-5, 1e-5)))).toEqual({ code: "#NUM!", message: undefined });
  });

  it("speaks Chinese in a Chinese Office", () => {
    withOfficeLanguage("zh-CN", () => {
      expect(excelError(() => funnelTarget(100, row(40, 0.5, 0.25)))).toEqual({ code: "#VALUE!", message: "参数“转化率”第 1 列：40 不是比率。请输入 40% 或 0.4。" });
      expect(excelError(() => funnelTarget(0, RATES_ROW)).message).toBe("参数“目标”：0 必须大于 0。");
      expect(excelError(() => funnelLevers(2000, RATES_ROW, row(2500, 0.5))).message).toBe(
        "参数“改进值”有 2 个单元格，但需要 4 个：先填顶层人数，再为“转化率”中的每个比率各填一个。",
      );
      expect(excelError(() => funnelPyramid(1e7, 2e5, row(0.3, 0.3), 5)).message).toBe("参数“级数”：5 与“晋级率”不符，其比率对应 3 级。请将“级数”留空或填写 3。");
    });
  });
});
