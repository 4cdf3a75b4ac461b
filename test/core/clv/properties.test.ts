import fc from "fast-check";
import {
  bgnbdCustomerAlive,
  bgnbdCustomerPurchases,
  bgnbdLogLikelihood,
  bgnbdPurchasesIfAlive,
  clvValue,
  gammaGammaLogLikelihood,
} from "../../../src/core/clv";
import { hyp2f1 } from "../../support/hyp2f1";
import { CoreError } from "../../../src/core/shared/errors";

/** Properties of the customer-value models on generated inputs (fixed seed: test/support/fast-check-seed.ts). */

const logUniform = (min: number, max: number) => fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
/** Parameters well beyond any fit seen in practice: r, α, a, b over many orders of magnitude. */
const extremeParams = fc.record({ r: logUniform(1e-6, 1e3), alpha: logUniform(1e-3, 1e6), a: logUniform(0.01, 100), b: logUniform(0.01, 100) });
/** Parameters of the kind real fits give (CDNOW: 0.24, 4.4, 0.79, 2.4; daily data: α in the tens). */
const usualParams = fc.record({ r: logUniform(0.01, 20), alpha: logUniform(0.1, 500), a: logUniform(0.05, 20), b: logUniform(0.05, 50) });
/** A customer: x repeat purchases (up to 500), t_x ≤ T, T from 0.001 to 1000 periods. */
const customer = fc
  .record({ x: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 500 })), T: logUniform(0.001, 1000), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : T * share }));

/** The value, or `undefined` for the one error allowed: NOT_CONVERGED (a horizon beyond the series' reach). */
function valueOrNotConverged(compute: () => number): number | undefined {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CoreError && error.code === "NOT_CONVERGED") return undefined;
    throw error;
  }
}

describe("BG/NBD properties", () => {
  it("P(alive) is in [0, 1], exactly 1 without repeat purchases", () => {
    fc.assert(
      fc.property(extremeParams, customer, (params, { x, tx, T }) => {
        const alive = bgnbdCustomerAlive(params, x, tx, T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (x === 0) expect(alive).toBe(1);
      }),
    );
  });

  it("expected purchases are finite, ≥ 0 and grow with the horizon, even for extreme inputs", () => {
    fc.assert(
      fc.property(extremeParams, customer, logUniform(0.01, 1000), fc.double({ min: 1.01, max: 3, noNaN: true }), (params, { x, tx, T }, t, longer) => {
        const shorter = valueOrNotConverged(() => bgnbdCustomerPurchases(params, t, x, tx, T));
        const more = valueOrNotConverged(() => bgnbdCustomerPurchases(params, t * longer, x, tx, T));
        for (const value of [shorter, more]) if (value !== undefined) expect(Number.isFinite(value) && value >= 0).toBe(true);
        if (shorter !== undefined && more !== undefined) expect(more).toBeGreaterThanOrEqual(shorter * (1 - 1e-10));
      }),
      { numRuns: 300 },
    );
  });

  it("expected purchases are always computed (no error) for usual parameters and horizons up to five years of weeks", () => {
    fc.assert(
      fc.property(usualParams, customer, logUniform(0.1, 260), (params, { x, tx, T }, t) => {
        const value = bgnbdCustomerPurchases(params, t, x, tx, T);
        expect(Number.isFinite(value) && value >= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("agree with the paper's formula through ₂F₁ where that formula is well conditioned", () => {
    // a away from 1, moderate x: (a+b+x−1)/(a−1) · [1 − y^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z)] loses few digits.
    const params = fc.record({ r: logUniform(0.05, 5), alpha: logUniform(0.5, 50), a: fc.double({ min: 1.5, max: 8, noNaN: true }), b: logUniform(0.2, 10) });
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 20 }), logUniform(0.1, 50), logUniform(0.1, 100), ({ r, alpha, a, b }, x, T, t) => {
        const c = a + b + x - 1;
        const z = t / (alpha + T + t);
        const paper = (c / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, c, z));
        const ours = bgnbdPurchasesIfAlive(r + x, alpha + T, a, b + x, t)!;
        expect(Math.abs(ours - paper)).toBeLessThanOrEqual(1e-11 * Math.abs(paper));
      }),
      { numRuns: 200 },
    );
  });

  it("the log-likelihood is finite for extreme parameters and customers", () => {
    fc.assert(
      fc.property(extremeParams, fc.array(customer, { minLength: 1, maxLength: 8 }), (params, customers) => {
        const ll = bgnbdLogLikelihood(
          [params.r, params.alpha, params.a, params.b],
          customers.map((c) => c.x),
          customers.map((c) => c.tx),
          customers.map((c) => c.T),
        );
        expect(Number.isFinite(ll)).toBe(true);
      }),
    );
  });
});

describe("Gamma-Gamma and value properties", () => {
  it("the spend log-likelihood is finite for extreme parameters and spends", () => {
    const spender = fc.record({ x: fc.integer({ min: 1, max: 500 }), m: logUniform(1e-3, 1e9) });
    fc.assert(
      fc.property(logUniform(1e-3, 1e4), logUniform(1e-3, 1e4), logUniform(1e-3, 1e9), fc.array(spender, { minLength: 1, maxLength: 8 }), (p, q, v, spenders) => {
        const ll = gammaGammaLogLikelihood([p, q, v], spenders.map((s) => s.x), spenders.map((s) => s.m));
        expect(Number.isFinite(ll)).toBe(true);
      }),
    );
  });

  it("a customer's value is finite and ≥ 0", () => {
    const params = fc.record({ r: logUniform(0.01, 20), alpha: logUniform(0.5, 500), a: logUniform(0.05, 20), b: logUniform(0.05, 50) });
    fc.assert(
      fc.property(params, customer, logUniform(0.01, 1e5), fc.integer({ min: 1, max: 24 }), (params, { x, tx, T }, m, months) => {
        const [value] = clvValue([params.r, params.alpha, params.a, params.b], [6.25, 3.74, 15.44], [x], [tx], [T], [m], { months });
        expect(Number.isFinite(value!) && value! >= 0).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
