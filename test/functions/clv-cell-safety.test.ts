import fc from "fast-check";
import * as clv from "../../src/functions/clv";
import { checkShown, type Adapter } from "../support/cell-checks";

/**
 * Whatever Excel hands the customer-value functions, a cell only ever gets a finite number or an Excel
 * error — never NaN, Infinity, undefined, an uncaught exception or the "Unexpected problem" message that
 * marks a bug. (CLV.SUMMARY, whose first column is text, is covered by the fuzzer: test/support/fuzz.)
 */

const number = fc.oneof(fc.double(), fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: -10, max: 1000 }));
const cell = fc.oneof(
  { weight: 8, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "40%", "1,234.5", "abc", "TRUE", "¥1,200", "1e3", "-0.5") },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, { code: "#N/A" }) },
);
const column = (cells: fc.Arbitrary<unknown>, minLength: number, maxLength: number) => fc.array(cells, { minLength, maxLength }).map((cs) => cs.map((c) => [c]));
const anyRange = fc.oneof(column(cell, 1, 8), fc.array(cell, { minLength: 1, maxLength: 8 }).map((cs) => [cs]));
const scalar = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -2, max: 120 }) }, { weight: 1, arbitrary: cell });
const optional = fc.oneof(fc.constant(null), scalar);

/** Parameters over many orders of magnitude, 4 or 5 of them (the fit's spill). */
const logUniform = (min: number, max: number) => fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const params = fc.array(logUniform(1e-8, 1e12), { minLength: 4, maxLength: 5 }).map((ps) => ps.map((p) => [p]));
const spendParams = fc.array(logUniform(1e-8, 1e12), { minLength: 3, maxLength: 4 }).map((ps) => ps.map((p) => [p]));
/** Customers that pass the checks: x whole, 0 ≤ t_x ≤ T (t_x 0 when x is 0), positive mean spend. */
const customers = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), logUniform(1e-6, 1e5), logUniform(1e-6, 1e9)), { minLength: 1, maxLength: 8 })
  .map((rows) => ({
    x: rows.map(([x]) => [x]),
    tx: rows.map(([x, share, T]) => [x === 0 ? 0 : share * T]),
    T: rows.map(([, , T]) => [T]),
    m: rows.map(([x, , , m]) => [x === 0 ? 0 : m]),
  }));

const CASES: [string, Adapter, fc.Arbitrary<unknown[]>][] = [
  ["CLV.FIT", clv.clvFit, fc.tuple(anyRange, anyRange, anyRange)],
  ["CLV.PURCHASES", clv.clvPurchases, fc.tuple(fc.oneof(params, anyRange), scalar, anyRange, anyRange, anyRange)],
  ["CLV.ALIVE", clv.clvAlive, fc.tuple(fc.oneof(params, anyRange), anyRange, anyRange, anyRange)],
  ["CLV.SPEND.FIT", clv.clvSpendFit, fc.tuple(anyRange, anyRange)],
  ["CLV.VALUE", clv.clvValue, fc.tuple(fc.oneof(params, anyRange), fc.oneof(spendParams, anyRange), anyRange, anyRange, anyRange, anyRange, optional, optional, optional)],
];

const SHOWN = { thrown: ["#VALUE!", "#NUM!"], array: true } as const;

/** The cells of a call's result, or `undefined` when it threw an error Excel shows with a message. */
function outcome(call: () => number[][]): number[] | undefined {
  try {
    return call().flat();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    const { code, message } = error as CustomFunctions.Error;
    expect(code).toBe("#VALUE!");
    expect(message).toMatch(/\S/);
    expect(message).not.toMatch(/^Unexpected problem|NaN|Infinity|undefined/);
    return undefined;
  }
}

describe("customer value: no NaN, Infinity or undefined ever reaches a cell", () => {
  it.each(CASES)("%s: arbitrary input gives finite numbers or Excel errors", (_, adapter, args) => {
    fc.assert(fc.property(args, (values) => checkShown(adapter, values, SHOWN)), { numRuns: 300 });
  });

  it("valid customers under parameters of any size: finite predictions, P(alive) in [0, 1], or an error that says why", () => {
    let computed = 0;
    fc.assert(
      fc.property(params, spendParams, customers, (model, spend, c) => {
        const purchases = outcome(() => clv.clvPurchases(model, 52, c.x, c.tx, c.T));
        const value = outcome(() => clv.clvValue(model, spend, c.x, c.tx, c.T, c.m, null, null, null));
        const alive = clv.clvAlive(model, c.x, c.tx, c.T).flat();
        expect(alive.every((p) => p >= 0 && p <= 1)).toBe(true);
        for (const values of [purchases, value]) {
          if (values === undefined) continue;
          expect(values.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
          computed++;
        }
      }),
      { numRuns: 100 },
    );
    expect(computed).toBeGreaterThan(100);
  });
});
