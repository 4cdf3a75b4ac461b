import fc from "fast-check";
import { seasonalShares, seasonalSplit } from "../../../src/core/targets";
import { readCsv } from "../../support/fixtures";
import { thrown } from "../../support/core-error";

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);
const passengers = readCsv("forecast/airpassengers.csv").map((r) => Number(r.value));

describe("seasonalShares / seasonalSplit (TARGET.SEASONAL)", () => {
  it("AirPassengers (12 years × 12 months): shares add up to 1 and follow the summer peak", () => {
    expect(passengers).toHaveLength(144);
    const shares = seasonalShares({ values: passengers, seasonLength: 12, layout: "block" });
    expect(sum(shares)).toBeCloseTo(1, 14);
    // Independent computation: the mean over years of month / year total.
    for (let p = 0; p < 12; p++) {
      let mean = 0;
      for (let y = 0; y < 12; y++) {
        const year = passengers.slice(y * 12, y * 12 + 12);
        mean += year[p]! / year.reduce((a, b) => a + b, 0) / 12;
      }
      expect(shares[p]).toBeCloseTo(mean, 15);
    }
    const peak = Array.from(shares).indexOf(Math.max(...shares));
    expect(peak === 6 || peak === 7).toBe(true); // July or August
    expect(shares[10]).toBeLessThan(1 / 12); // November is a low month
  });

  it("splits 120,000,000 at a unit of 10,000 into 12 multiples of 10,000 that add up to 120,000,000", () => {
    const months = seasonalSplit(120_000_000, { values: passengers, seasonLength: 12, layout: "block" }, 10_000);
    expect(months).toHaveLength(12);
    expect(sum(months)).toBe(120_000_000);
    for (const m of months) expect(m % 10_000).toBe(0);
  });

  it("one column with a season length gives the same result as the 12 × 12 block", () => {
    const block = seasonalSplit(120_000_000, { values: passengers, seasonLength: 12, layout: "block" }, 10_000);
    const list = seasonalSplit(120_000_000, { values: passengers, seasonLength: 12, layout: "list" }, 10_000);
    expect(Array.from(list)).toEqual(Array.from(block));
  });

  it("weights every season equally, whatever its size", () => {
    // Year 1 all in period 1, year 2 (ten times larger) all in period 2: shares 0.5 / 0.5.
    expect(Array.from(seasonalShares({ values: [10, 0, 0, 100], seasonLength: 2, layout: "block" }))).toEqual([0.5, 0.5]);
    expect(Array.from(seasonalSplit(100, { values: [1, 3, 1, 3], seasonLength: 2, layout: "list" }))).toEqual([25, 75]);
  });

  it("errors: too few values, a negative value, a season adding up to 0", () => {
    const short = thrown(() => seasonalShares({ values: [1, 2, 3], seasonLength: 12, layout: "list" }));
    expect(short.code).toBe("TOO_FEW_VALUES");
    expect(short.details).toMatchObject({ arg: "history", length: 3, needed: 12 });

    const negative = thrown(() => seasonalShares({ values: [1, 2, 3, -4], seasonLength: 2, layout: "block" }));
    expect(negative.code).toBe("TOO_SMALL");
    expect(negative.details).toMatchObject({ row: 2, column: 2, value: -4 });
    expect(thrown(() => seasonalShares({ values: [1, 2, 3, -4], seasonLength: 2, layout: "list" })).details).toMatchObject({ index: 3 });

    const zero = thrown(() => seasonalShares({ values: [1, 2, 0, 0], seasonLength: 2, layout: "block" }));
    expect(zero.code).toBe("ZERO_SEASON");
    expect(zero.details).toEqual({ arg: "history", row: 2 });
    expect(thrown(() => seasonalShares({ values: [1, 2, 0, 0], seasonLength: 2, layout: "list" })).details).toEqual({ arg: "history", index: 2 });
  });

  it("property: shares are in [0, 1] and add up to 1; any split adds up to its total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((m) =>
          fc.tuple(fc.constant(m), fc.array(fc.array(fc.integer({ min: 1, max: 1e7 }), { minLength: m, maxLength: m }), { minLength: 1, maxLength: 5 })),
        ),
        fc.integer({ min: 0, max: 1e9 }),
        ([m, seasons], total) => {
          const history = { values: seasons.flat(), seasonLength: m, layout: "block" as const };
          const shares = seasonalShares(history);
          expect(Math.abs(sum(shares) - 1)).toBeLessThan(1e-12);
          for (const s of shares) expect(s >= 0 && s <= 1).toBe(true);
          expect(sum(seasonalSplit(total, history))).toBe(total);
        },
      ),
    );
  });
});
