import { DetailedCellError, HyperFormula } from "hyperformula";
import { address, buildSheet, registerCustomFunctions, Registration, valuesOf } from "../support/hyperformula-bridge";

/**
 * A funnel planner sheet as a manager builds it (the course's dealership: K 40%, F 50%, C 25%), evaluated
 * by HyperFormula through the real adapters: changing a rate cell recalculates every SALES formula.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const SHEET = [
  ["target", 100, "improved"],
  ["K retention", 0.4, 2500],
  ["F follow-up", 0.5, 0.5],
  ["C close", 0.25, 0.6],
  ["N visitors", 2000, 0.3],
];

function funnelSheet(): HyperFormula {
  return buildSheet(SHEET, {
    E1: "=SALES.FUNNEL.TARGET(B1,B2:B4)",
    F1: "=SALES.FUNNEL.PLAN(B1,B2:B4)",
    G1: "=SALES.FUNNEL.STAGES(B5,B2:B4)",
    H1: "=SALES.FUNNEL.LEVERS(B5,B2:B4,C2:C5)",
    E6: "=SALES.FUNNEL.PYRAMID(10000000,200000,0.3)",
    F6: "=SALES.KPI.CONVERSION(B1,E1)",
    G6: "=SUM(SALES.FUNNEL.PLAN(B1,B2:B4))",
  });
}

const at = (hf: HyperFormula, a1: string) => hf.getCellValue(address(hf, a1));

describe("a funnel planner sheet", () => {
  it("computes the course's numbers", () => {
    const hf = funnelSheet();
    expect(at(hf, "E1")).toBe(2000);
    expect(valuesOf(hf, "F1:F4").flat()).toEqual([2000, 800, 400, 100]);
    expect(valuesOf(hf, "G1:G4").flat()).toEqual([2000, 800, 400, 100]);
    expect(valuesOf(hf, "H1:I4")).toEqual([
      [125, 25],
      [125, 25],
      [120, 20],
      [120, 20],
    ]);
    expect(valuesOf(hf, "E6:E10").flat()).toEqual([50, 167, 556, 1852, 6173]);
    expect(at(hf, "F6")).toBe(0.05);
    expect(at(hf, "G6")).toBe(3300);
  });

  it("recalculates the required visitors when the close rate cell changes", () => {
    const hf = funnelSheet();
    hf.setCellContents(address(hf, "B4"), 0.3);
    // 100 / (0.4 · 0.5 · 0.3) = 1666.67 → 1667; each stage rounded up once: 667, 334, 100.
    expect(at(hf, "E1")).toBe(1667);
    expect(valuesOf(hf, "F1:F4").flat()).toEqual([1667, 667, 334, 100]);
    expect(valuesOf(hf, "G1:G4").flat()).toEqual([2000, 800, 400, 120]);
    hf.setCellContents(address(hf, "B1"), 120);
    expect(at(hf, "E1")).toBe(2000);
  });

  it("shows #VALUE! with the fix when a rate is typed as a percentage number", () => {
    const hf = funnelSheet();
    hf.setCellContents(address(hf, "B4"), 25);
    const shown = at(hf, "E1");
    expect(shown).toBeInstanceOf(DetailedCellError);
    expect((shown as DetailedCellError).value).toBe("#VALUE!");
    expect((shown as DetailedCellError).message).toBe("rates, row 3: 25 is not a rate. Enter 25% or 0.25.");
    hf.setCellContents(address(hf, "B4"), 0.25);
    expect(at(hf, "E1")).toBe(2000);
  });
});
