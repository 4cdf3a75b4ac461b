import fc from "fast-check";
import { commissionTiered, CommissionTiers } from "../../../src/core/commission";
import { thrown } from "../../support/core-error";

const TIERS: CommissionTiers = Object.freeze({ bounds: Object.freeze([0, 100_000, 200_000]), rates: Object.freeze([0.03, 0.05, 0.08]) });

describe("tiered commission", () => {
  it.each([
    [0, 0, 0],
    [50_000, 1_500, 1_500],
    [100_000, 3_000, 5_000],
    [150_000, 5_500, 7_500],
    [200_000, 8_000, 16_000],
    [250_000, 12_000, 20_000],
  ])("amount %p: marginal %p, flat %p", (amount, marginal, flat) => {
    expect(commissionTiered(amount, TIERS)).toBe(marginal);
    expect(commissionTiered(amount, TIERS, "marginal")).toBe(marginal);
    expect(commissionTiered(amount, TIERS, "flat")).toBe(flat);
  });

  it("pays nothing below the first bound, in both modes", () => {
    const fromQuota = { bounds: [100_000, 200_000], rates: [0.05, 0.08] };
    expect(commissionTiered(80_000, fromQuota)).toBe(0);
    expect(commissionTiered(80_000, fromQuota, "flat")).toBe(0);
    expect(commissionTiered(150_000, fromQuota)).toBe(2_500);
    expect(commissionTiered(150_000, fromQuota, "flat")).toBe(7_500);
  });

  it("pays nothing on a negative amount (net returns): clawbacks are not modelled", () => {
    expect(commissionTiered(-5_000, TIERS)).toBe(0);
    expect(commissionTiered(-5_000, TIERS, "flat")).toBe(0);
  });

  it("takes a single tier, a 0% first tier and rates that fall", () => {
    expect(commissionTiered(1234, { bounds: [0], rates: [0.1] })).toBe(123.4);
    expect(commissionTiered(150, { bounds: [0, 100], rates: [0, 0.1] })).toBe(5);
    expect(commissionTiered(150, { bounds: [0, 100], rates: [0.1, 0.05] })).toBe(12.5);
  });

  it("cleans float noise (0.1 + 0.2 style sums show exactly)", () => {
    expect(commissionTiered(0.3, { bounds: [0, 0.1], rates: [1, 1] })).toBe(0.3);
  });

  const schedule = fc
    .array(fc.tuple(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 6 })
    .map((steps) => {
      const bounds: number[] = [];
      let bound = 0;
      for (const [gap] of steps) {
        bounds.push(bound);
        bound += gap;
      }
      return { bounds, rates: steps.map(([, rate]) => rate) };
    });
  const amount = fc.double({ min: -1e5, max: 1e7, noNaN: true });

  it("marginal: never decreases as the amount grows", () => {
    fc.assert(
      fc.property(schedule, amount, amount, (tiers, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(commissionTiered(low, tiers)).toBeLessThanOrEqual(commissionTiered(high, tiers));
      }),
      { numRuns: 500 },
    );
  });

  it("marginal: continuous at every bound (no jump from just below to the bound and just above)", () => {
    fc.assert(
      fc.property(schedule, fc.double({ min: 1e-9, max: 1, noNaN: true }), (tiers, step) => {
        const maxRate = Math.max(...tiers.rates);
        for (const bound of tiers.bounds) {
          const h = step * Math.max(1, bound) * 1e-6;
          const at = commissionTiered(bound, tiers);
          // Float noise: bound + h − bound is h only to the precision of the bound itself.
          const noise = 1e-12 * (Math.max(1, bound) + Math.abs(at));
          // Lipschitz in the amount with the largest rate: a change of h moves the commission by ≤ h·max rate.
          expect(Math.abs(at - commissionTiered(bound - h, tiers))).toBeLessThanOrEqual(h * maxRate + noise);
          expect(Math.abs(commissionTiered(bound + h, tiers) - at)).toBeLessThanOrEqual(h * maxRate + noise);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("flat: jumps at a bound by the bound times the change of rate", () => {
    expect(commissionTiered(100_000, TIERS, "flat") - commissionTiered(99_999.99, TIERS, "flat")).toBeCloseTo(100_000 * 0.02, 0);
  });

  it.each([
    ["bounds not ascending", { bounds: [0, 200_000, 100_000], rates: [0.03, 0.05, 0.08] }, "NOT_ASCENDING", { arg: "tiers", row: 3, column: 1, value: 100_000, previous: 200_000 }],
    ["two equal bounds", { bounds: [0, 0], rates: [0.03, 0.05] }, "NOT_ASCENDING", { arg: "tiers", row: 2, column: 1 }],
    ["a negative bound", { bounds: [-100, 0], rates: [0.03, 0.05] }, "TOO_SMALL", { arg: "tiers", row: 1, column: 1, min: 0 }],
    ["a rate typed as a percentage", { bounds: [0, 100], rates: [3, 0.05] }, "RATE_AS_PERCENT", { arg: "tiers", row: 1, column: 2, value: 3 }],
    ["a negative rate", { bounds: [0, 100], rates: [0.03, -0.05] }, "TOO_SMALL", { arg: "tiers", row: 2, column: 2 }],
    ["no tiers", { bounds: [], rates: [] }, "EMPTY", { arg: "tiers" }],
  ])("%s", (_, tiers, code, details) => {
    expect(thrown(() => commissionTiered(1000, tiers))).toMatchObject({ code, kind: "value", details });
  });
});
