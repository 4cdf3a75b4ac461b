import type { HyperFormula } from "hyperformula";
import { serialFromYmd } from "../../src/core/shared/excel-date";
import { columnLetters } from "../../src/excel/address";
import type { SheetPlan } from "../../src/excel/gateway";
import { smartPlan } from "../../src/taskpane/features/smart/smart-plan";
import type { SmartTarget } from "../../src/taskpane/features/smart/smart-schema";
import { address, buildSheet, registerCustomFunctions, Registration, valuesOf } from "../support/hyperformula-bridge";

/**
 * The SMART target sheet as the wizard writes it, evaluated with the real SALES functions: the milestones
 * add up to the target, and editing the target cell re-splits them.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;

const TARGET: SmartTarget = {
  channel: "Tmall",
  product: "Gift boxes",
  customers: "",
  occasion: "",
  kpi: "sales",
  unit: "yuan",
  baseline: 96_000_000,
  target: 120_000_000,
  roundTo: 10_000,
  historyAddress: "",
  strategy: "SO",
  start: d(2025, 1, 1),
  end: d(2025, 12, 31),
  cadence: "monthly",
  floorRatio: 0.9,
  challengeRatio: 1.2,
};

/** Constants as values, formulas entered after them (so spills are sized on computed inputs). */
function load(plan: SheetPlan): HyperFormula {
  const values: unknown[][] = [];
  const formulas: Record<string, string> = {};
  plan.rows.forEach((row, r) => {
    values.push(row.map((cell) => (cell !== null && "value" in cell ? cell.value : null)));
    row.forEach((cell, c) => {
      if (cell !== null && "formula" in cell) formulas[`${columnLetters(c)}${r + 1}`] = cell.formula;
    });
  });
  return buildSheet(values, formulas);
}

const at = (hf: HyperFormula, a1: string) => hf.getCellValue(address(hf, a1));

describe("the SMART target sheet in a formula engine", () => {
  it("splits 120M over the 12 months by days, in multiples of 10,000, adding up exactly", () => {
    const hf = load(smartPlan(TARGET, "en"));
    const months = valuesOf(hf, "E29:E40").flat() as number[];
    expect(months.reduce((a, b) => a + b, 0)).toBe(120_000_000);
    for (const m of months) expect(m % 10_000).toBe(0);
    // January (31 days) gets more than February (28 days): 120M × 31/365 ≈ 10.19M.
    expect(months[0]).toBe(10_190_000);
    expect(months[1]).toBe(9_210_000);
    expect(at(hf, "F40")).toBe(120_000_000);
    expect(at(hf, "G40")).toBe(1);
    expect(at(hf, "D41")).toBe(365);
    expect(at(hf, "F41")).toBe("✓ adds up to the target");
    expect(at(hf, "B13")).toBeCloseTo(0.25, 12);
    expect(valuesOf(hf, "B25:D25")).toEqual([[108_000_000, 120_000_000, 144_000_000]]);
  });

  it("re-splits every milestone when the target cell changes", () => {
    const hf = load(smartPlan(TARGET, "zh"));
    hf.setCellContents(address(hf, "B12"), 150_000_000);
    const months = valuesOf(hf, "E29:E40").flat() as number[];
    expect(months.reduce((a, b) => a + b, 0)).toBe(150_000_000);
    expect(at(hf, "F40")).toBe(150_000_000);
    expect(at(hf, "F41")).toBe("✓ 合计等于目标");
    expect(valuesOf(hf, "B25:D25")).toEqual([[135_000_000, 150_000_000, 180_000_000]]);
  });
});
