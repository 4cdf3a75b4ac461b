import fc from "fast-check";
import { largestRemainder, splitTotal, unitsIn } from "../../../src/core/targets";
import { readCsv } from "../../support/fixtures";
import { thrown } from "../../support/core-error";

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe("splitTotal (largest remainder, TARGET.SPLIT)", () => {
  it("gives 100 by {1,1,1} as {34, 33, 33}: the leftover unit goes to the earliest of equal remainders", () => {
    expect(Array.from(splitTotal(100, [1, 1, 1]))).toEqual([34, 33, 33]);
  });

  it("gives 1,000,000 by seven equal weights at a unit of 10,000 as 150k, 150k, 140k × 5", () => {
    expect(Array.from(splitTotal(1_000_000, [1, 1, 1, 1, 1, 1, 1], 10_000))).toEqual([
      150_000, 150_000, 140_000, 140_000, 140_000, 140_000, 140_000,
    ]);
  });

  it("gives the course's 100,000,000 by {50, 30, 15, 5} as 50M/30M/15M/5M, and the same from shares", () => {
    const expected = [50_000_000, 30_000_000, 15_000_000, 5_000_000];
    expect(Array.from(splitTotal(100_000_000, [50, 30, 15, 5]))).toEqual(expected);
    expect(Array.from(splitTotal(100_000_000, [0.5, 0.3, 0.15, 0.05], 10_000))).toEqual(expected);
  });

  it("matches every row of fixtures/seed/rounding_total_preservation.csv", () => {
    for (const row of readCsv("seed/rounding_total_preservation.csv")) {
      const weights = row.weights!.split(",").map(Number);
      const unit = row.case === "sevenths_10k_units" ? 10_000 : 1;
      const parts = splitTotal(Number(row.total), weights, unit);
      expect(Array.from(parts)).toEqual(row.largest_remainder!.split(",").map(Number));
      expect(sum(parts)).toBe(Number(row.lr_sum));
    }
  });

  it("reproduces Hamilton's 1792 apportionment of 120 House seats by the 1790 census (the bill Washington vetoed)", () => {
    // Populations and seats as published in textbook treatments of the first apportionment (COMAP, For All
    // Practical Purposes, Table 14.5): the 9 seats left after the lower quotas go to the 9 largest fractions.
    const states: [string, number, number][] = [
      ["Connecticut", 236_841, 8],
      ["Delaware", 55_540, 2],
      ["Georgia", 70_835, 2],
      ["Kentucky", 68_705, 2],
      ["Maryland", 278_514, 9],
      ["Massachusetts", 475_327, 16],
      ["New Hampshire", 141_822, 5],
      ["New Jersey", 179_570, 6],
      ["New York", 331_589, 11],
      ["North Carolina", 353_523, 12],
      ["Pennsylvania", 432_879, 14],
      ["Rhode Island", 68_446, 2],
      ["South Carolina", 206_236, 7],
      ["Vermont", 85_533, 3],
      ["Virginia", 630_560, 21],
    ];
    expect(sum(states.map((s) => s[1]))).toBe(3_615_920);
    const seats = splitTotal(120, states.map((s) => s[1]));
    expect(Array.from(seats)).toEqual(states.map((s) => s[2]));
  });

  it("splits the Hare-quota example of 10 seats among six parties as 5, 2, 1, 1, 1, 0", () => {
    // 100,000 votes, quota 10,000: lower quotas 4,1,1,1,0,0; remainders .7, .6, .58, .2, .61, .31.
    expect(Array.from(splitTotal(10, [47_000, 16_000, 15_800, 12_000, 6_100, 3_100]))).toEqual([5, 2, 1, 1, 1, 0]);
  });

  it("treats quotas equal on paper as equal although 10% and 30% are not exact in binary", () => {
    // 2 units by {1, 3}: quotas 0.5 and 1.5 tie, so the earlier position gets the unit, at any scale.
    expect(Array.from(splitTotal(2, [1, 3]))).toEqual([1, 1]);
    expect(Array.from(splitTotal(2, [0.1, 0.3]))).toEqual([1, 1]);
    expect(Array.from(splitTotal(2, [10, 30]))).toEqual([1, 1]);
  });

  it("gives zero weights nothing and splits among the rest", () => {
    expect(Array.from(splitTotal(10, [0, 1, 0, 1]))).toEqual([0, 5, 0, 5]);
  });

  it("splits a negative total (a gap to take back) like its absolute value, negated", () => {
    expect(Array.from(splitTotal(-100, [1, 1, 1]))).toEqual([-34, -33, -33]);
    expect(Array.from(splitTotal(0, [1, 2]))).toEqual([0, 0]);
    expect(Object.is(splitTotal(0, [1])[0], -0)).toBe(false);
  });

  it("accepts a decimal unit: 100.05 in cents by {1,1,1} is {33.35, 33.35, 33.35}", () => {
    expect(unitsIn(100.05, 0.01)).toBe(10_005);
    expect(Array.from(splitTotal(100.05, [1, 1, 1], 0.01))).toEqual([33.35, 33.35, 33.35]);
    expect(Array.from(splitTotal(1, [1, 1, 1], 0.01))).toEqual([0.34, 0.33, 0.33]);
  });

  it("handles weights of any magnitude without overflowing", () => {
    expect(Array.from(splitTotal(3, [1e308, 1e308, 1e308]))).toEqual([1, 1, 1]);
    expect(Array.from(splitTotal(3, [5e-324, 5e-324, 1e-323]))).toEqual([1, 1, 1]);
  });

  describe("errors", () => {
    it("a negative weight names its position", () => {
      const error = thrown(() => splitTotal(100, [1, -2, 1]));
      expect(error.code).toBe("TOO_SMALL");
      expect(error.details).toMatchObject({ arg: "weights", index: 1, value: -2, min: 0 });
    });

    it("all weights zero", () => {
      expect(thrown(() => splitTotal(100, [0, 0])).code).toBe("ALL_ZERO");
    });

    it("no weights", () => {
      expect(thrown(() => splitTotal(100, [])).code).toBe("EMPTY");
    });

    it("a total that is not a multiple of the unit says which multiples are nearest", () => {
      const error = thrown(() => splitTotal(1_000_005, [1, 1], 10_000));
      expect(error.code).toBe("NOT_MULTIPLE_OF_UNIT");
      expect(error.details).toMatchObject({ arg: "total", value: 1_000_005, unit: 10_000, below: 1_000_000, above: 1_010_000 });
    });

    it("a unit of 0 or below", () => {
      expect(thrown(() => splitTotal(100, [1], 0)).details).toMatchObject({ arg: "unit", min: 0, exclusive: true });
      expect(thrown(() => splitTotal(100, [1], -5)).code).toBe("TOO_SMALL");
    });

    it("more units than can be counted exactly", () => {
      expect(thrown(() => splitTotal(1e300, [1])).code).toBe("TOO_LARGE");
    });
  });
});

describe("largestRemainder properties", () => {
  const weightList = fc.array(fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 40 })
    .filter((w) => w.some((x) => x > 0));

  it("any split sums exactly to its total, and every part is a whole number of units ≥ 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), weightList, (units, weights) => {
        const parts = largestRemainder(units, weights);
        expect(sum(parts)).toBe(units);
        for (const p of parts) expect(Number.isInteger(p) && p >= 0).toBe(true);
      }),
    );
  });

  it("each part is within one unit of its exact quota (Hamilton's quota property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), weightList, (units, weights) => {
        const total = sum(weights);
        const parts = largestRemainder(units, weights);
        weights.forEach((w, i) => {
          const quota = (units * w) / total;
          expect(parts[i]).toBeGreaterThanOrEqual(Math.floor(quota * (1 - 1e-12)) - 0);
          expect(parts[i]).toBeLessThanOrEqual(Math.ceil(quota * (1 + 1e-12)));
        });
      }),
    );
  });

  it("a larger weight never gets a smaller part", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), weightList, (units, weights) => {
        const parts = largestRemainder(units, weights);
        for (let i = 0; i < weights.length; i++) {
          for (let j = 0; j < weights.length; j++) {
            if (weights[i]! > weights[j]! * (1 + 1e-9)) expect(parts[i]).toBeGreaterThanOrEqual(parts[j]!);
          }
        }
      }),
    );
  });

  it("scaling all weights by a constant changes nothing", () => {
    const integerWeights = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), integerWeights, fc.oneof(fc.integer({ min: 2, max: 1000 }), fc.constantFrom(0.5, 2 ** -20, 2 ** 30, 0.01, 0.1, 100)), (units, weights, factor) => {
        const plain = Array.from(largestRemainder(units, weights));
        expect(Array.from(largestRemainder(units, weights.map((w) => w * factor)))).toEqual(plain);
      }),
    );
  });

  it("splitTotal: every part is a multiple of the unit and the parts add up to the total, at every unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom(1, 5, 100, 10_000), weightList, (k, unit, weights) => {
        const parts = splitTotal(k * unit, weights, unit);
        expect(sum(parts)).toBe(k * unit);
        for (const p of parts) expect(Number.isInteger(p / unit)).toBe(true);
      }),
    );
  });

  it("splitTotal at a decimal unit adds up to the total at Excel's 15 digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(0.01, 0.1, 0.5, 0.25), weightList, (k, unit, weights) => {
        const total = Number((k * unit).toPrecision(15));
        const parts = splitTotal(total, weights, unit);
        expect(Number(sum(parts).toPrecision(15))).toBe(total);
        for (const p of parts) expect(Math.abs(p / unit - Math.round(p / unit))).toBeLessThan(1e-6);
      }),
    );
  });
});
