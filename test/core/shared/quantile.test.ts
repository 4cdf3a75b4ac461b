import fc from "fast-check";
import { quantileSelect, quantileSorted, sortedCopy } from "../../../src/core/shared/quantile";

describe("type-7 quantile (R quantile(), Excel PERCENTILE.INC)", () => {
  // Reference values from R 4.x: quantile(x, p, type = 7), identical to Excel's PERCENTILE.INC.
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.2, 2.8],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 5.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.8, 8.2],
    [[3, 1, 4, 1, 5], 0.3, 1.4],
    [[3, 1, 4, 1, 5], 0, 1],
    [[3, 1, 4, 1, 5], 1, 5],
    [[42], 0.6, 42],
    [[2, 2, 2, 9], 0.5, 2],
  ])("quantile(%j, %p) = %p", (values, p, expected) => {
    expect(quantileSorted(sortedCopy(values), p)).toBeCloseTo(expected, 12);
  });

  it("returns a data value exactly when the neighbours are equal (no interpolation noise)", () => {
    const sorted = sortedCopy([0.1, 0.1, 0.1, 0.1, 0.7]);
    expect(quantileSorted(sorted, 0.3)).toBe(0.1);
  });

  it("stays within the data and never decreases with p", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p1, p2) => {
          const sorted = sortedCopy(values);
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const qlo = quantileSorted(sorted, lo);
          const qhi = quantileSorted(sorted, hi);
          expect(qlo).toBeGreaterThanOrEqual(sorted[0] as number);
          expect(qhi).toBeLessThanOrEqual(sorted[sorted.length - 1] as number);
          expect(qhi).toBeGreaterThanOrEqual(qlo - 1e-9 * Math.max(1, Math.abs(qlo)));
        },
      ),
    );
  });
});

describe("type-7 quantile by selection (unsorted input)", () => {
  it("gives the same number as the sorted version, to the bit, with ties and any order", () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(Infinity, -Infinity, 0.1));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 1 / 3, 2 / 3)), (values, p) => {
        const expected = quantileSorted(sortedCopy(values), p);
        const actual = quantileSelect(Float64Array.from(values), p);
        // === lets 0 and -0 (equal in every comparison a cut is used in) match; Object.is lets NaN (−∞ next to ∞) match.
        expect(actual === expected || Object.is(actual, expected)).toBe(true);
      }),
    );
  });

  it("handles inputs that defeat a median-of-three pivot, and a million tied values, in linear-ish time", () => {
    const organPipe = Float64Array.from({ length: 100_001 }, (_, i) => (i < 50_000 ? i : 100_000 - i));
    expect(quantileSelect(organPipe.slice(), 2 / 3)).toBe(quantileSorted(sortedCopy(organPipe), 2 / 3));
    const ties = new Float64Array(1_000_000).fill(7);
    ties[123] = 1;
    expect(quantileSelect(ties, 1 / 3)).toBe(7);
  });
});
