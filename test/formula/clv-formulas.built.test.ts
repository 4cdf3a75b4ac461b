import { HyperFormula } from "hyperformula";
import { clvSummary, fitBgnbd } from "../../src/core/clv";
import { CDNOW_END, cdnowSerial } from "../support/cdnow";
import { readCsv } from "../support/fixtures";
import { address, buildSheet, registerCustomFunctions, Registration, valuesOf } from "../support/hyperformula-bridge";

/**
 * The customer-value sheet a manager builds, evaluated by HyperFormula through the real adapters: the
 * CDNOW orders of the calibration period in A2:C4961, `=SALES.CLV.SUMMARY(...)` spilling one row per
 * customer from E2, `=SALES.CLV.FIT(...)` over the spill's columns, the predictions over both spills.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const ORDERS = readCsv("external/cdnow_sample_transactions.csv")
  .filter((r) => cdnowSerial(r.date as string) <= CDNOW_END)
  .map((r) => [r.id_sample, cdnowSerial(r.date as string), Number(r.total_value)]);
const LAST = ORDERS.length + 1; // row 4961
const CUSTOMERS = "2:2358";
const col = (letter: string) => CUSTOMERS.replace(/(\d+):(\d+)/, `${letter}$1:${letter}$2`);

function clvSheet(): HyperFormula {
  return buildSheet([["customer", "date", "amount", "analysis date"], ...ORDERS.map((o, i) => (i === 0 ? [...o, CDNOW_END] : o))], {
    E2: `=SALES.CLV.SUMMARY(A2:A${LAST},B2:B${LAST},C2:C${LAST},D2)`,
    K2: `=SALES.CLV.FIT(${col("F")},${col("G")},${col("H")})`,
    L2: `=SALES.CLV.SPEND.FIT(${col("F")},${col("I")})`,
    M2: `=SALES.CLV.PURCHASES(K2:K6,39,${col("F")},${col("G")},${col("H")})`,
    N2: `=SALES.CLV.ALIVE(K2:K6,${col("F")},${col("G")},${col("H")})`,
    O2: `=SALES.CLV.VALUE(K2:K6,L2:L5,${col("F")},${col("G")},${col("H")},${col("I")})`,
  });
}

const numbers = (hf: HyperFormula, range: string) => valuesOf(hf, range).flat() as number[];

describe("a customer-value sheet over the CDNOW orders", () => {
  let hf: HyperFormula;
  beforeAll(() => {
    hf = clvSheet();
  });

  it("spills one row per customer, and the fit over the spill's columns gives the published BG/NBD and Gamma-Gamma figures", () => {
    expect(ORDERS).toHaveLength(4960);
    // HyperFormula reads the ids as numbers, as Excel does, and shows about 10 significant digits.
    const [id, x, tx, T, m] = valuesOf(hf, "E2:I2")[0]!;
    expect([id, x, m]).toEqual([1, 2, 22.345]);
    expect(tx as number).toBeCloseTo(213 / 7, 8);
    expect(T as number).toBeCloseTo(272 / 7, 8);
    expect(hf.isCellPartOfArray(address(hf, "I2358"))).toBe(true);
    expect(hf.isCellPartOfArray(address(hf, "E2359"))).toBe(false);
    const [r, alpha, a, b, ll] = numbers(hf, "K2:K6");
    expect([r, alpha, a, b].map((v) => Number(v!.toFixed(4)))).toEqual([0.2426, 4.4136, 0.7929, 2.4259]);
    expect(ll!).toBeGreaterThanOrEqual(-9582.43);
    expect(numbers(hf, "L2:L4").map((v) => Number(v.toFixed(2)))).toEqual([6.25, 3.74, 15.44]);
  });

  it("predicts from the two spills: 1.226 purchases in 39 weeks, P(alive) 0.7266, a 12-month value of 36.27 for customer 1", () => {
    expect(hf.getCellValue(address(hf, "M2")) as number).toBeCloseTo(1.226, 3);
    expect(hf.getCellValue(address(hf, "N2")) as number).toBeCloseTo(0.7266, 4);
    expect(hf.getCellValue(address(hf, "O2")) as number).toBeCloseTo(36.27, 2);
    expect(hf.isCellPartOfArray(address(hf, "O2358"))).toBe(true);
  });

  it("recalculates the summary, the fit and the predictions when an order changes", () => {
    const sheet = clvSheet();
    const before = numbers(sheet, "K2:K6");
    const purchasesBefore = sheet.getCellValue(address(sheet, "M2")) as number;
    // Customer 1's last order (1997-08-02, row 4 of the sheet) moved to the analysis date: recency = T.
    expect(valuesOf(sheet, "A4:B4")).toEqual([[1, cdnowSerial("19970802")]]);
    sheet.setCellContents(address(sheet, "B4"), CDNOW_END);
    const [recency, T] = valuesOf(sheet, "G2:H2")[0] as number[];
    expect(recency).toBe(T);
    expect(T).toBeCloseTo(272 / 7, 8);
    const after = numbers(sheet, "K2:K6");
    const changed = ORDERS.map((o, i) => (i === 2 ? [o[0], CDNOW_END, o[2]] : o));
    expect(changed[2]![0]).toBe("1");
    const summary = clvSummary(
      changed.map((o) => o[0] as string),
      changed.map((o) => o[1] as number),
      changed.map((o) => o[2] as number),
      CDNOW_END,
    );
    const refit = fitBgnbd(summary.frequency, summary.recency, summary.T);
    expect(after[4]).not.toBe(before[4]);
    [refit.r, refit.alpha, refit.a, refit.b, refit.logLikelihood].forEach((value, i) => expect(Math.abs(after[i]! - value)).toBeLessThanOrEqual(1e-9 * Math.abs(value)));
    // A customer seen buying at the end is more likely to buy again; P(alive) is then the chance of not
    // having dropped out right after that purchase, 1 / (1 + a/(b + x − 1)).
    expect(sheet.getCellValue(address(sheet, "M2")) as number).toBeGreaterThan(purchasesBefore);
    expect(sheet.getCellValue(address(sheet, "N2")) as number).toBeCloseTo(1 / (1 + refit.a / (refit.b + 1)), 9);
  });
});
