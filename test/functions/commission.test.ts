import { commissionTiered } from "../../src/functions/commission";
import { excelError, omitted, withOfficeLanguage } from "../support/excel-call";

// 3% up to 100,000; 5% from 100,000; 8% from 200,000.
const TIERS = [
  [0, 0.03],
  [100_000, "5%"],
  [200_000, 0.08],
];

describe("=SALES.COMMISSION.TIERED", () => {
  it("pays each slice at its own rate by default (marginal)", () => {
    expect(commissionTiered(250_000, TIERS, omitted)).toBe(12_000);
    expect(commissionTiered(250_000, TIERS, "marginal")).toBe(12_000);
    expect(commissionTiered(100_000, TIERS, "")).toBe(3_000);
  });

  it("pays the whole amount at the rate of the tier reached (flat)", () => {
    expect(commissionTiered(250_000, TIERS, "flat")).toBe(20_000);
    expect(commissionTiered(100_000, TIERS, "FLAT")).toBe(5_000);
  });

  it("ignores trailing blank rows of the tier table", () => {
    expect(commissionTiered(250_000, [...TIERS, ["", ""], [null, null]], omitted)).toBe(12_000);
  });

  it("pays 0 below the first bound and on a negative amount", () => {
    expect(commissionTiered(50_000, [[100_000, 0.05]], omitted)).toBe(0);
    expect(commissionTiered(-1_000, TIERS, "flat")).toBe(0);
  });

  it.each([
    ["tiers not ascending", [[0, 0.03], [200_000, 0.05], [100_000, 0.08]], omitted, "tiers, row 3, column 1: 100000 is not above 200000. The values must rise strictly."],
    ["a tier rate like 5", [[0, 0.03], [100_000, 5]], omitted, "tiers, row 2, column 2: 5 is not a rate. Enter 5% or 0.05."],
    ["a negative tier rate", [[0, -0.03]], omitted, "tiers, row 1, column 2: -0.03 is below the minimum of 0."],
    ["a negative bound", [[-10, 0.03]], omitted, "tiers, row 1, column 1: -10 is below the minimum of 0."],
    ["a tier table of one column", [[0], [100_000]], omitted, "tiers: expected 2 columns, got 2×1 cells."],
    ["a header row", [["下限", "提成比例"], [0, 0.03]], omitted, 'tiers, row 1, column 1: "下限" looks like a header. Start the range one row lower.'],
    ["a blank rate", [[0, 0.03], [100_000, ""]], omitted, "tiers, row 2, column 2: the cell is blank. Fill it in or remove the row."],
    ["an empty tier table", [["", ""]], omitted, "tiers is empty. Select the cells that hold the data."],
    ["an unknown mode", TIERS, "progressive", 'mode: "progressive" is not one of "marginal" or "flat".'],
  ])("%s", (_, tiers, mode, message) => {
    expect(excelError(() => commissionTiered(250_000, tiers as unknown[][], mode as string))).toEqual({ code: "#VALUE!", message });
  });

  it("speaks Chinese in a Chinese Office", () => {
    const shown = withOfficeLanguage("zh-CN", () => excelError(() => commissionTiered(1, [[0, 0.03], [0, 0.05]], omitted)));
    expect(shown).toEqual({ code: "#VALUE!", message: "参数“提成档位”第 2 行第 1 列：0 不大于 0。数值必须严格递增。" });
  });
});
