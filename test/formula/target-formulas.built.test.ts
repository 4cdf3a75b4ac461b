import { DetailedCellError, HyperFormula } from "hyperformula";
import { address, buildSheet, registerCustomFunctions, Registration, valuesOf } from "../support/hyperformula-bridge";
import { readCsv } from "../support/fixtures";

/**
 * A decomposition sheet as the Decompose wizard writes it: a total cell, three years of monthly history,
 * the months as =SALES.TARGET.SEASONAL of the total, channels as =SALES.TARGET.SPLIT of the total, and
 * check cells. Evaluated by HyperFormula through the real adapters: changing the total re-splits everything.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const passengers = readCsv("forecast/airpassengers.csv").map((r) => Number(r.value));
const YEARS = [0, 1, 2].map((y) => passengers.slice(y * 12, y * 12 + 12)); // 1949–1951, rows 2–4

function decompositionSheet(): HyperFormula {
  const values: unknown[][] = [
    ["total", 120_000_000, "unit", 10_000, ...Array<string>(9).fill("")],
    ...YEARS.map((year) => ["", ...year]),
    [],
    ["channel weights", 50, 30, 15, 5],
    ["reps last year", 3_200_000, 2_600_000, 2_100_000, 1_500_000, 0],
    ["potential", 3_000_000, 3_500_000, 2_500_000, 2_000_000, 2_000_000],
    ["ramp", 1, 1, 1, 1, 0.375],
  ];
  return buildSheet(values, {
    B10: "=SALES.TARGET.SEASONAL(B1,B2:M4,D1)",
    B11: "=SUM(B10:M10)-B1",
    B12: "=SALES.TARGET.SPLIT(B1,B6:E6,D1)",
    B13: "=SUM(B12:E12)-B1",
    B14: "=SALES.QUOTA.ALLOCATE(B12,B7:F7,B8:F8,{0.6,0.4,0},B9:F9,D1)",
    B15: "=SALES.TARGET.TIERS(B1)",
    B16: "=SALES.TARGET.PACE(B1,SUM(B10:G10),6,B10:M10)",
  });
}

const at = (hf: HyperFormula, a1: string) => hf.getCellValue(address(hf, a1));

describe("a decomposition sheet", () => {
  it("splits 120M over the months and channels, each level adding up to its parent", () => {
    const hf = decompositionSheet();
    const months = valuesOf(hf, "B10:M10")[0] as number[];
    expect(months.every((m) => typeof m === "number" && m % 10_000 === 0)).toBe(true);
    expect(at(hf, "B11")).toBe(0);
    expect(valuesOf(hf, "B12:E12")).toEqual([[60_000_000, 36_000_000, 18_000_000, 6_000_000]]);
    expect(at(hf, "B13")).toBe(0);
    // The first channel's 60M over the five reps (60% history, 40% potential, the new hire at 37.5%).
    const reps = valuesOf(hf, "B14:F14").flat() as number[];
    expect(reps.reduce((a, b) => a + b, 0)).toBe(60_000_000);
    expect(valuesOf(hf, "B15:D15")).toEqual([[108_000_000, 120_000_000, 144_000_000]]);
    // Six months done exactly at plan: pace index 1, projection the total.
    expect(at(hf, "C16")).toBeCloseTo(1, 12);
    expect(at(hf, "D16")).toBeCloseTo(120_000_000, 3);
  });

  it("re-splits every level when the total changes to 150M", () => {
    const hf = decompositionSheet();
    const before = valuesOf(hf, "B10:M10")[0] as number[];
    hf.setCellContents(address(hf, "B1"), 150_000_000);
    const after = valuesOf(hf, "B10:M10")[0] as number[];
    expect(after.reduce((a, b) => a + b, 0)).toBe(150_000_000);
    expect(after).not.toEqual(before);
    expect(at(hf, "B11")).toBe(0);
    expect(valuesOf(hf, "B12:E12")).toEqual([[75_000_000, 45_000_000, 22_500_000, 7_500_000]]);
    expect((valuesOf(hf, "B14:F14").flat() as number[]).reduce((a, b) => a + b, 0)).toBe(75_000_000);
  });

  it("shows the reason in the cell when the new total is not a multiple of the unit", () => {
    const hf = decompositionSheet();
    hf.setCellContents(address(hf, "B1"), 120_005_000);
    const shown = at(hf, "B10");
    expect(shown).toBeInstanceOf(DetailedCellError);
    expect((shown as DetailedCellError).value).toBe("#VALUE!");
    expect((shown as DetailedCellError).message).toBe("total: 120005000 is not a multiple of the unit 10000. Use 120000000 or 120010000, or a smaller unit.");
  });
});

describe("a salesperson × month plan of live TARGET.GRID formulas", () => {
  /** The quotas of the whole total (B17:F17) and the months (B10:M10) crossed into five rows of twelve. */
  function gridSheet(): HyperFormula {
    const hf = decompositionSheet();
    hf.setCellContents(address(hf, "B17"), [["=SALES.QUOTA.ALLOCATE(B1,B7:F7,B8:F8,{0.6,0.4,0},B9:F9,D1)"]]);
    hf.setCellContents(address(hf, "B18"), [["=SALES.TARGET.GRID(TRANSPOSE(B17:F17),B10:M10,,D1)"]]);
    // Row checks beside the plan, column checks under it: each 0 when the plan adds up.
    for (let r = 18; r <= 22; r++) hf.setCellContents(address(hf, `N${r}`), [[`=SUM(B${r}:M${r})-INDEX(B17:F17,1,${r - 17})`]]);
    hf.setCellContents(address(hf, "B23"), [Array.from({ length: 12 }, (_, j) => `=SUM(${colName(j)}18:${colName(j)}22)-${colName(j)}10`)]);
    return hf;
  }
  const colName = (j: number) => String.fromCharCode(66 + j);
  const checks = (hf: HyperFormula) => [...(valuesOf(hf, "N18:N22").flat() as number[]), ...(valuesOf(hf, "B23:M23").flat() as number[])];

  it("adds up to every rep's quota and every month's target, in multiples of the unit", () => {
    const hf = gridSheet();
    const plan = valuesOf(hf, "B18:M22") as number[][];
    expect(plan).toHaveLength(5);
    expect(plan.flat().every((x) => typeof x === "number" && x % 10_000 === 0 && x >= 0)).toBe(true);
    expect(checks(hf)).toEqual(new Array<number>(17).fill(0));
    // The new hire (37.5% ramp) gets the smallest row, and every month of it.
    expect(plan[4]!.every((x, j) => x <= plan[0]![j]!)).toBe(true);
  });

  it("re-plans both ways when the total changes, and shows the reason when the months no longer match the quotas", () => {
    const hf = gridSheet();
    hf.setCellContents(address(hf, "B1"), 150_000_000);
    expect((valuesOf(hf, "B18:M22").flat() as number[]).reduce((a, b) => a + b, 0)).toBe(150_000_000);
    expect(checks(hf)).toEqual(new Array<number>(17).fill(0));
    // Quotas of the old total against months of the new: the grand totals differ.
    hf.setCellContents(address(hf, "B17"), [[30_000_000, 30_000_000, 30_000_000, 20_000_000, 10_000_000]]);
    const shown = at(hf, "B18");
    expect(shown).toBeInstanceOf(DetailedCellError);
    expect((shown as DetailedCellError).message).toBe("row_totals: the totals add up to 120000000 but column_totals add up to 150000000. Both must add up to the same grand total.");
  });
});
