import fc from "fast-check";
import { allocateQuotas, quotaWeights, reconcileQuotas, targetPace, targetTiers } from "../../../src/core/targets";
import { thrown } from "../../support/core-error";

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe("targetTiers (TARGET.TIERS)", () => {
  it("gives floor 90%, standard, challenge 120% by default", () => {
    expect(targetTiers(50_000_000)).toEqual({ floor: 45_000_000, standard: 50_000_000, challenge: 60_000_000 });
  });

  it("takes other ratios and shows 0.7 × 3 as 2.1, not 2.0999999999999996", () => {
    expect(targetTiers(3, 0.7, 1.5)).toEqual({ floor: 2.1, standard: 3, challenge: 4.5 });
  });

  it("errors: a floor ratio typed as a percentage, above 100% or 0; a challenge below 1 or typed as 120", () => {
    expect(thrown(() => targetTiers(100, 90)).code).toBe("RATE_AS_PERCENT");
    expect(thrown(() => targetTiers(100, 0)).code).toBe("TOO_SMALL");
    expect(thrown(() => targetTiers(100, 0.9, 0.8)).details).toMatchObject({ arg: "challenge_ratio", min: 1 });
    expect(thrown(() => targetTiers(100, 0.9, 120)).code).toBe("RATE_AS_PERCENT");
    expect(thrown(() => targetTiers(100, 0.9, 5000)).code).toBe("TOO_LARGE");
    expect(thrown(() => targetTiers(-1)).details).toMatchObject({ arg: "standard", min: 0 });
  });
});

describe("allocateQuotas (QUOTA.ALLOCATE)", () => {
  // Five reps: last year, potential, a blend of 60% history and 40% potential, the fifth a new hire whose
  // monthly ramp 0,0,0,.25,.25,.25,.5,.5,.5,.75,.75,.75 averages 0.375.
  const team = {
    total: 12_000_000,
    history: [3_200_000, 2_600_000, 2_100_000, 1_500_000, 0],
    potential: [3_000_000, 3_500_000, 2_500_000, 2_000_000, 2_000_000],
    weights: [0.6, 0.4, 0] as [number, number, number],
    capacity: [1, 1, 1, 1, 0.375],
    unit: 10_000,
  };

  it("gives quotas that add up to 12M in multiples of 10k, the new hire about 290k", () => {
    const quotas = allocateQuotas(team);
    expect(sum(quotas)).toBe(12_000_000);
    for (const q of quotas) expect(q % 10_000).toBe(0);
    expect(quotas[4]).toBe(290_000);
    // Independent arithmetic of the blend for the new hire: 0.4 × 2/13 × 0.375 of the weight total.
    const w = [0, 1, 2, 3, 4].map((i) => (0.6 * team.history[i]! / 9_400_000 + 0.4 * team.potential[i]! / 13_000_000) * team.capacity[i]!);
    expect((12_000_000 * w[4]!) / sum(w)).toBeCloseTo(288_000, -1);
    expect(Array.from(quotaWeights(team))).toEqual(w.map((x) => expect.closeTo(x, 15)));
    expect(Array.from(quotas)).toEqual([3_700_000, 3_420_000, 2_630_000, 1_960_000, 290_000]);
  });

  it("defaults to history only, and to half history, half potential when a potential is given", () => {
    expect(Array.from(allocateQuotas({ total: 100, history: [3, 1] }))).toEqual([75, 25]);
    expect(Array.from(allocateQuotas({ total: 100, history: [3, 1], potential: [1, 3] }))).toEqual([50, 50]);
    expect(Array.from(allocateQuotas({ total: 90, history: [5, 0, 0], weights: [0, 0, 1] }))).toEqual([30, 30, 30]);
    expect(Array.from(allocateQuotas({ total: 100, history: [1, 1], capacity: [0.5] }))).toEqual([50, 50]);
  });

  it("errors: a weight for a missing potential, history all 0, capacity outside 0–100%, lengths that differ", () => {
    expect(thrown(() => allocateQuotas({ total: 100, history: [1, 2], weights: [0.5, 0.5, 0] })).details).toEqual({ arg: "potential", because: "weights" });
    expect(thrown(() => allocateQuotas({ total: 100, history: [0, 0] })).details).toEqual({ arg: "history" });
    expect(thrown(() => allocateQuotas({ total: 100, history: [1, 2], capacity: [1, 1.5] })).details).toMatchObject({ arg: "capacity", index: 1 });
    expect(thrown(() => allocateQuotas({ total: 100, history: [1, 2], capacity: [1, -0.5] })).code).toBe("TOO_SMALL");
    expect(thrown(() => allocateQuotas({ total: 100, history: [1, 2], capacity: [0, 0] })).details).toEqual({ arg: "capacity" });
    expect(thrown(() => allocateQuotas({ total: 100, history: [1, 2], potential: [1] })).code).toBe("LENGTH_MISMATCH");
    expect(thrown(() => allocateQuotas({ total: 100, history: [1, 2], weights: [0, 0, 0] })).details).toEqual({ arg: "weights" });
    expect(thrown(() => allocateQuotas({ total: 105, history: [1, 2], unit: 10 })).code).toBe("NOT_MULTIPLE_OF_UNIT");
  });

  it("property: quotas add up to the total for any team", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }), fc.double({ min: 0.1, max: 1, noNaN: true })), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 1e6 }),
        (people, k) => {
          const quotas = allocateQuotas({
            total: k * 1000,
            history: people.map((p) => p[0]),
            potential: people.map((p) => p[1]),
            weights: [0.3, 0.5, 0.2],
            capacity: people.map((p) => p[2]),
            unit: 1000,
          });
          expect(sum(quotas)).toBe(k * 1000);
        },
      ),
    );
  });
});

describe("reconcileQuotas (QUOTA.RECONCILE)", () => {
  it("keeps the commitments and spreads the gap by weights", () => {
    // Commitments add up to 10M; the 2M gap goes 50/30/20.
    expect(Array.from(reconcileQuotas(12_000_000, [4_000_000, 3_500_000, 2_500_000], [5, 3, 2], 10_000))).toEqual([5_000_000, 4_100_000, 2_900_000]);
  });

  it("takes back a negative gap when the commitments exceed the total", () => {
    expect(Array.from(reconcileQuotas(90, [40, 40, 20], [1, 1, 1]))).toEqual([36, 37, 17]);
  });

  it("errors: a gap that is not a multiple of the unit, weights of another length, all weights 0", () => {
    const error = thrown(() => reconcileQuotas(100, [33, 33], [1, 1], 10));
    expect(error.code).toBe("NOT_MULTIPLE_OF_UNIT");
    expect(error.details).toMatchObject({ arg: "total − SUM(commitments)", value: 34, below: 30, above: 40 });
    expect(thrown(() => reconcileQuotas(100, [33, 33], [1])).code).toBe("LENGTH_MISMATCH");
    expect(thrown(() => reconcileQuotas(100, [33, 33], [0, 0])).code).toBe("ALL_ZERO");
  });

  it("property: adds up to the total, and keeps the commitments when the gap is zero", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 100 })), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        (people, gap) => {
          const commitments = people.map((p) => p[0] * 100);
          const weights = people.map((p) => p[1]);
          const committed = sum(commitments);
          expect(sum(reconcileQuotas(committed + gap * 100, commitments, weights, 100))).toBe(committed + gap * 100);
          expect(Array.from(reconcileQuotas(committed, commitments, weights, 100))).toEqual(commitments);
        },
      ),
    );
  });
});

describe("targetPace (TARGET.PACE)", () => {
  it("96,000 after 12 of 30 days against 260,000: projection 240,000, pace index 0.923", () => {
    const pace = targetPace(260_000, 96_000, 12 / 30);
    expect(pace.expected).toBe(104_000);
    expect(pace.paceIndex).toBeCloseTo(0.923, 3);
    expect(pace.projection).toBe(240_000);
    expect(pace.projection! / 260_000).toBeCloseTo(0.923, 3);
    expect(pace.remaining).toBe(164_000);
    expect(pace.requiredPace).toBeCloseTo(164_000 / 156_000, 12);
  });

  it("seasonal pacing reads a seasonal business near 1 where linear pacing reads 0.85", () => {
    // A year whose first half carries 42.5% of sales (the peak is Q4); six months done at exactly that plan.
    const plan = [0.06, 0.06, 0.07, 0.07, 0.08, 0.085, 0.08, 0.08, 0.085, 0.1, 0.15, 0.08];
    const actual = 100_000_000 * 0.425;
    const seasonal = targetPace(100_000_000, actual, 6, plan);
    const linear = targetPace(100_000_000, actual, 0.5);
    expect(seasonal.paceIndex).toBeCloseTo(1, 12);
    expect(linear.paceIndex).toBeCloseTo(0.85, 12);
    expect(seasonal.projection).toBeCloseTo(100_000_000, 4);
    // Planned amounts give the same reading as shares.
    expect(targetPace(100_000_000, actual, 6, plan.map((s) => s * 1000)).paceIndex).toBeCloseTo(1, 12);
  });

  it("interpolates inside a period and reports ratios without a base as null (#DIV/0!)", () => {
    expect(targetPace(120, 15, 1.5, [10, 20, 30, 60]).expected).toBe(20); // (10 + 0.5·20) / 120 of 120
    const start = targetPace(100, 0, 1, [0, 50, 50]);
    expect(start.paceIndex).toBeNull();
    expect(start.projection).toBeNull();
    const end = targetPace(100, 90, 1);
    expect(end.requiredPace).toBeNull();
    expect(targetPace(100, 120, 1).requiredPace).toBe(0);
    expect(targetPace(100, 120, 1).remaining).toBe(0);
  });

  it("errors: elapsed outside its range, plan shares that do not add up to 100%, a target of 0", () => {
    expect(thrown(() => targetPace(100, 10, 0)).details).toMatchObject({ arg: "elapsed", min: 0, exclusive: true });
    expect(thrown(() => targetPace(100, 10, 40)).code).toBe("RATE_AS_PERCENT");
    expect(thrown(() => targetPace(100, 10, 5, [0.5, 0.5])).details).toMatchObject({ arg: "elapsed", max: 2 });
    const shares = thrown(() => targetPace(100, 10, 1, [0.3, 0.3, 0.3]));
    expect(shares.code).toBe("SHARES_NOT_ONE");
    expect(shares.details).toEqual({ arg: "plan", percent: 90 });
    expect(thrown(() => targetPace(0, 10, 0.5)).details).toMatchObject({ arg: "target" });
    expect(thrown(() => targetPace(100, -1, 0.5)).details).toMatchObject({ arg: "actual" });
    expect(thrown(() => targetPace(100, 1, 1, [0, 0])).code).toBe("ALL_ZERO");
  });

  it("property: no NaN or Infinity; projection × share done = actual", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e12, noNaN: true }), fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (target, actual, elapsed) => {
        const pace = targetPace(target, actual, elapsed);
        for (const v of Object.values(pace)) if (v !== null) expect(Number.isFinite(v)).toBe(true);
        expect(pace.projection! * elapsed).toBeCloseTo(actual, Math.max(0, 6 - Math.ceil(Math.log10(actual + 1))));
      }),
    );
  });
});
