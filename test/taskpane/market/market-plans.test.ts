import { cellInput } from "../../../src/excel/cell-input";
import type { SheetPlan } from "../../../src/excel/gateway";
import { bcgPlan } from "../../../src/taskpane/features/market/bcg-plan";
import { pestPlan } from "../../../src/taskpane/features/market/pest-plan";
import { riskPlan } from "../../../src/taskpane/features/market/risk-plan";
import { swotPlan } from "../../../src/taskpane/features/market/swot-plan";
import { BCG_INPUT, PEST_INPUT, RISK_INPUT, SWOT_INPUT } from "./fixture";

/** The plan as Excel would receive it, row by row (trailing empty cells dropped). */
const grid = (plan: SheetPlan) => plan.rows.map((row) => row.map(cellInput));

describe("SWOT plan", () => {
  const input = SWOT_INPUT;

  it("writes weighted quadrant tables, totals, the assessment and the strategy grid with formulas", () => {
    const plan = swotPlan(input, "zh");
    expect(plan.name).toBe("SWOT 分析");
    expect(grid(plan)).toEqual([
      ["SWOT 分析"],
      [],
      ["优势（S）"],
      ["因素", "权重", "'评分（1–5）", "加权得分"],
      ["品牌知名度高", 0.6, 4, "=B5*C5"],
      ["'=HYPERLINK(\"http://x\")", 0.4, 5, "=B6*C6"],
      ["合计", "=SUM(B5:B6)", null, "=SUM(D5:D6)"],
      [],
      ["劣势（W）"],
      ["因素", "权重", "'评分（1–5）", "加权得分"],
      ["成本高", 1, 2, "=B11*C11"],
      ["合计", "=SUM(B11:B11)", null, "=SUM(D11:D11)"],
      [],
      ["机会（O）"],
      ["因素", "权重", "'评分（1–5）", "加权得分"],
      ["直播电商", 1, 5, "=B16*C16"],
      ["合计", "=SUM(B16:B16)", null, "=SUM(D16:D16)"],
      [],
      ["威胁（T）"],
      ["因素", "权重", "'评分（1–5）", "加权得分"],
      ["价格战", 1, 4, "=B21*C21"],
      ["合计", "=SUM(B21:B21)", null, "=SUM(D21:D21)"],
      [],
      ["综合评价"],
      ["内部得分（S − W）", "=D7-D12"],
      ["外部得分（O − T）", "=D17-D22"],
      ["建议战略", '=IF(B25>=0,IF(B26>=0,"SO 增长型战略","ST 多元化战略"),IF(B26>=0,"WO 扭转型战略","WT 防御型战略"))'],
      [],
      ["战略组合", "机会（O）", "威胁（T）"],
      ["优势（S）", "借助品牌做直播", null],
      ["劣势（W）", "'-降本", null],
    ]);
  });

  it("marks the tables, formats, bold rows and names", () => {
    const plan = swotPlan(input, "en");
    expect(plan.name).toBe("SWOT analysis");
    expect(plan.tables).toEqual([
      { name: "SWOT_S", address: "A4:D6", hasHeaders: true },
      { name: "SWOT_W", address: "A10:D11", hasHeaders: true },
      { name: "SWOT_O", address: "A15:D16", hasHeaders: true },
      { name: "SWOT_T", address: "A20:D21", hasHeaders: true },
    ]);
    expect(plan.numberFormats).toContainEqual({ address: "B5:B7", format: "0%" });
    expect(plan.numberFormats).toContainEqual({ address: "D5:D7", format: "0.00" });
    expect(plan.boldRows).toEqual([1, 3, 4, 7, 9, 10, 12, 14, 15, 17, 19, 20, 22, 24, 29]);
    expect(plan.names).toEqual([
      { name: "SWOT_Internal", address: "B25" },
      { name: "SWOT_External", address: "B26" },
      { name: "SWOT_Strategy", address: "B27" },
    ]);
    expect(grid(plan)[26]?.[1]).toBe('=IF(B25>=0,IF(B26>=0,"SO (growth)","ST (diversification)"),IF(B26>=0,"WO (turnaround)","WT (defensive)"))');
  });
});

describe("PEST plan", () => {
  const input = PEST_INPUT;

  it("writes one weighted table, totals and a SUMIF summary by dimension with a chart", () => {
    const plan = pestPlan(input, "zh");
    expect(plan.name).toBe("PEST 分析");
    expect(grid(plan)).toEqual([
      ["PEST 分析"],
      [],
      ["维度", "因素", "权重", "'评分（1–5）", "加权得分"],
      ["政治（P）", "新广告法", 0.3, 3, "=C4*D4"],
      ["经济（E）", "消费降级", 0.5, 4, "=C5*D5"],
      ["技术（T）", "AI 导购", 0.2, 5, "=C6*D6"],
      ["合计", null, "=SUM(C4:C6)", null, "=SUM(E4:E6)"],
      [],
      ["按维度汇总", "加权得分", "权重"],
      ["政治（P）", "=SUMIF($A$4:$A$6,A10,$E$4:$E$6)", "=SUMIF($A$4:$A$6,A10,$C$4:$C$6)"],
      ["经济（E）", "=SUMIF($A$4:$A$6,A11,$E$4:$E$6)", "=SUMIF($A$4:$A$6,A11,$C$4:$C$6)"],
      ["社会（S）", "=SUMIF($A$4:$A$6,A12,$E$4:$E$6)", "=SUMIF($A$4:$A$6,A12,$C$4:$C$6)"],
      ["技术（T）", "=SUMIF($A$4:$A$6,A13,$E$4:$E$6)", "=SUMIF($A$4:$A$6,A13,$C$4:$C$6)"],
    ]);
    expect(plan.tables).toEqual([{ name: "PEST", address: "A3:E6", hasHeaders: true }]);
    expect(plan.charts).toEqual([{ kind: "column", source: "A9:B13", title: "各维度加权得分", from: "G3", to: "N18" }]);
    expect(plan.boldRows).toEqual([1, 3, 7, 9]);
  });
});

describe("BCG plan", () => {
  const input = BCG_INPUT;

  it("classifies with an IF formula over the threshold cells, in the chosen language", () => {
    const plan = bcgPlan(input, "zh");
    expect(plan.name).toBe("产品组合");
    expect(grid(plan)).toEqual([
      ["产品组合（BCG 矩阵）"],
      ["高市场增长率阈值", 0.1],
      ["高相对市场份额阈值", 1],
      [],
      ["产品", "相对市场份额", "市场增长率", "类别"],
      ["A 系列", 1.5, 0.2, '=IF(AND(C6>=$B$2,B6>=$B$3),"明星",IF(C6>=$B$2,"问题",IF(B6>=$B$3,"现金牛","瘦狗")))'],
      ["'-5% share", 0.4, -0.05, '=IF(AND(C7>=$B$2,B7>=$B$3),"明星",IF(C7>=$B$2,"问题",IF(B7>=$B$3,"现金牛","瘦狗")))'],
    ]);
    expect(grid(bcgPlan(input, "en"))[5]?.[3]).toBe('=IF(AND(C6>=$B$2,B6>=$B$3),"Star",IF(C6>=$B$2,"Question mark",IF(B6>=$B$3,"Cash cow","Dog")))');
  });

  it("charts relative share (X) against growth (Y) and names the thresholds", () => {
    const plan = bcgPlan(input, "en");
    expect(plan.charts).toEqual([{ kind: "scatter", source: "B5:C7", title: "Relative share vs market growth", from: "F2", to: "M18", xAxisTitle: "Relative market share", yAxisTitle: "Market growth" }]);
    expect(plan.tables).toEqual([{ name: "BCG", address: "A5:D7", hasHeaders: true }]);
    expect(plan.names).toEqual([
      { name: "BCG_GrowthThreshold", address: "B2" },
      { name: "BCG_ShareThreshold", address: "B3" },
    ]);
    expect(plan.numberFormats).toEqual([
      { address: "B2", format: "0%" },
      { address: "B3", format: "0.00" },
      { address: "B6:B7", format: "0.00" },
      { address: "C6:C7", format: "0.0%" },
    ]);
  });
});

describe("risk plan", () => {
  it("scores probability × impact, grades against the threshold cells and counts risks in a 5×5 matrix", () => {
    const plan = riskPlan(RISK_INPUT, "zh");
    expect(plan.name).toBe("风险矩阵");
    const count = (r: number, col: string) => `=COUNTIFS($B$6:$B$7,$A${r},$C$6:$C$7,${col}$9)`;
    expect(grid(plan)).toEqual([
      ["风险矩阵"],
      ["高风险（得分 ≥）", 15],
      ["中风险（得分 ≥）", 8],
      [],
      ["风险", "'发生概率（1–5）", "'影响程度（1–5）", "风险得分", "风险等级", "应对措施"],
      ["供应延迟", 3, 4, "=B6*C6", '=IF(D6>=$B$2,"高",IF(D6>=$B$3,"中","低"))', "备选供应商"],
      ["'@mention spam", 5, 5, "=B7*C7", '=IF(D7>=$B$2,"高",IF(D7>=$B$3,"中","低"))', null],
      [],
      ["概率 \\ 影响", 1, 2, 3, 4, 5],
      ...[5, 4, 3, 2, 1].map((p, i) => [p, ...["B", "C", "D", "E", "F"].map((col) => count(10 + i, col))]),
    ]);
    expect(plan.tables).toEqual([{ name: "Risks", address: "A5:F7", hasHeaders: true }]);
    expect(plan.boldRows).toEqual([1, 5, 9]);
  });
});
