import fc from "fast-check";
import { CoreError } from "../../../src/core/shared/errors";
import { requireRate } from "../../../src/core/shared/rates";
import { ceilCount, COUNT_TOLERANCE, EXCEL_MAX, inCellRange, toExcelPrecision } from "../../../src/core/shared/rounding";

describe("counts round up once, after a 1e-9 relative tolerance", () => {
  it.each([
    ["100 / (0.4·0.5·0.25) computed with float noise", 2000.0000000000002, 2000],
    ["a value a hair below a whole number", 1999.9999999999998, 2000],
    ["1666.67 visitors", 1666.6666666666667, 1667],
    ["166.67 grade-B leads", 166.66666666666669, 167],
    ["50 / (1/3)^4", 50 / (1 / 3) ** 4, 4050],
    ["a whole number", 2400, 2400],
    ["a small fraction still needs one person", 1e-12, 1],
    ["just outside the tolerance", 2000 * (1 + 2 * COUNT_TOLERANCE), 2001],
    ["just inside the tolerance", 2000 * (1 + 0.5 * COUNT_TOLERANCE), 2000],
  ])("%s: %p → %p", (_, x, expected) => {
    expect(ceilCount(x)).toBe(expected);
  });

  it("never rounds down by more than the tolerance and never lowers a larger count", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), fc.double({ min: 1e-6, max: 1e12, noNaN: true }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(ceilCount(x)).toBeLessThanOrEqual(ceilCount(y));
        expect(ceilCount(x)).toBeGreaterThanOrEqual(x * (1 - COUNT_TOLERANCE));
        expect(ceilCount(x)).toBeLessThan(x + 1);
        expect(Number.isInteger(ceilCount(x))).toBe(true);
      }),
    );
  });
});

describe("unrounded results are cleaned to Excel's 15 significant digits", () => {
  it.each([
    [0.4 * 0.6 * 0.25 * 2000, 120],
    [0.1 + 0.2, 0.3],
    [1.1 - 1, 0.1],
    [1234567.891, 1234567.891],
    [-0, 0],
    [1 / 3, 0.333333333333333],
  ])("%p → %p", (x, expected) => {
    expect(toExcelPrecision(x)).toBe(expected);
    expect(Object.is(toExcelPrecision(x), -0)).toBe(false);
  });

  it("keeps order (x ≤ y ⇒ clean(x) ≤ clean(y)) and stays within 5e-15 relative", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.double({ min: -1e300, max: 1e300, noNaN: true }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(toExcelPrecision(x)).toBeLessThanOrEqual(toExcelPrecision(y));
        expect(Math.abs(toExcelPrecision(x) - x)).toBeLessThanOrEqual(5e-15 * Math.abs(x));
      }),
    );
  });
});

describe("results a cell cannot hold", () => {
  it.each([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 1.5e308])("%p is RESULT_OUT_OF_RANGE (#NUM!)", (x) => {
    let error: unknown;
    try {
      inCellRange(x, { arg: "target" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: "RESULT_OUT_OF_RANGE", kind: "num" });
  });

  it("passes the largest number Excel holds", () => {
    expect(inCellRange(EXCEL_MAX, { arg: "x" })).toBe(EXCEL_MAX);
    expect(inCellRange(-EXCEL_MAX, { arg: "x" })).toBe(-EXCEL_MAX);
  });
});

describe("rates are fractions in (0, 1]", () => {
  const codeOf = (x: number, allowZero = false): string | undefined => {
    try {
      requireRate(x, { arg: "rates", index: 0 }, { allowZero });
      return undefined;
    } catch (error) {
      return (error as CoreError).code;
    }
  };

  it.each([
    [0.4, undefined],
    [1, undefined],
    [1e-9, undefined],
    [0, "TOO_SMALL"],
    [-0.4, "TOO_SMALL"],
    [1.5, "RATE_AS_PERCENT"],
    [40, "RATE_AS_PERCENT"],
    [100, "RATE_AS_PERCENT"],
    [150, "TOO_LARGE"],
    [Number.NaN, "TOO_SMALL"],
  ])("%p → %p", (x, code) => {
    expect(codeOf(x)).toBe(code);
  });

  it("accepts 0 where a rate may be 0 (a 0% tier, no retention)", () => {
    expect(codeOf(0, true)).toBeUndefined();
    expect(codeOf(-0.1, true)).toBe("TOO_SMALL");
  });
});
