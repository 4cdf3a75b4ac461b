/**
 * The market-analysis sheets recalculate as intended: each plan is loaded into HyperFormula (a headless
 * spreadsheet engine, test-only) exactly as Excel would receive it, and the formulas' results are checked.
 */
import { HyperFormula } from "hyperformula";
import { cellInput } from "../../../src/excel/cell-input";
import type { SheetPlan } from "../../../src/excel/gateway";
import { bcgPlan } from "../../../src/taskpane/features/market/bcg-plan";
import { pestPlan } from "../../../src/taskpane/features/market/pest-plan";
import { riskPlan } from "../../../src/taskpane/features/market/risk-plan";
import { swotPlan } from "../../../src/taskpane/features/market/swot-plan";

function evaluate(plan: SheetPlan) {
  const hf = HyperFormula.buildFromArray(plan.rows.map((row) => row.map(cellInput)), { licenseKey: "gpl-v3" });
  const at = (address: string) => hf.getCellValue(hf.simpleCellAddressFromString(address, 0)!);
  return { hf, at };
}

describe("market sheets recalculate", () => {
  it("SWOT: weighted totals and the strategy follow the scores", () => {
    const factor = (name: string, weight: number, rating: number) => ({ factor: name, weight, rating });
    const { at } = evaluate(
      swotPlan(
        {
          strengths: [factor("a", 0.6, 4), factor("b", 0.4, 5)],
          weaknesses: [factor("c", 1, 2)],
          opportunities: [factor("d", 1, 3)],
          threats: [factor("e", 1, 4)],
          strategies: { so: "", st: "", wo: "", wt: "" },
        },
        "en",
      ),
    );
    expect(at("B7")).toBeCloseTo(1);
    expect(at("D7")).toBeCloseTo(4.4);
    expect(at("B25")).toBeCloseTo(2.4);
    expect(at("B26")).toBeCloseTo(-1);
    expect(at("B27")).toBe("ST (diversification)");
  });

  it("PEST: the summary by dimension adds up to the total", () => {
    const { at } = evaluate(pestPlan({ factors: [{ dimension: "P", factor: "x", weight: 0.3, rating: 3 }, { dimension: "P", factor: "y", weight: 0.5, rating: 4 }, { dimension: "T", factor: "z", weight: 0.2, rating: 5 }] }, "zh"));
    expect(at("E7")).toBeCloseTo(3.9);
    expect([at("B10"), at("B11"), at("B12"), at("B13")]).toEqual([2.9, 0, 0, 1]);
    expect(at("C10")).toBeCloseTo(0.8);
  });

  it("BCG: each quadrant, with the threshold cells inclusive", () => {
    const products = [
      { name: "star", share: 1, growth: 0.1 },
      { name: "question", share: 0.5, growth: 0.3 },
      { name: "cow", share: 2, growth: 0.02 },
      { name: "dog", share: 0.3, growth: -0.05 },
    ];
    const { at, hf } = evaluate(bcgPlan({ growthThreshold: 0.1, shareThreshold: 1, products }, "zh"));
    expect(["D6", "D7", "D8", "D9"].map(at)).toEqual(["明星", "问题", "现金牛", "瘦狗"]);
    hf.setCellContents(hf.simpleCellAddressFromString("B2", 0)!, 0.5);
    expect(at("D7")).toBe("瘦狗");
  });

  it("risk: scores, levels and the matrix counts", () => {
    const { at } = evaluate(riskPlan({ risks: [{ risk: "a", probability: 3, impact: 4, response: "" }, { risk: "b", probability: 5, impact: 5, response: "" }, { risk: "c", probability: 1, impact: 2, response: "" }, { risk: "d", probability: 3, impact: 4, response: "" }] }, "en"));
    expect(["D6", "D7", "D8"].map(at)).toEqual([12, 25, 2]);
    expect(["E6", "E7", "E8"].map(at)).toEqual(["Medium", "High", "Low"]);
    // the matrix header is row 11; probability 5…1 in rows 12…16; impact 1…5 in columns B…F
    expect(at("A11")).toBe("Probability \\ Impact");
    expect(at("E14")).toBe(2);
    expect(at("F12")).toBe(1);
    expect(at("C16")).toBe(1);
    expect(at("B12")).toBe(0);
  });
});
