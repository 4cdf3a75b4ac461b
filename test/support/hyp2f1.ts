import { hypergeometricSeries } from "../../src/core/clv";
import { fail } from "../../src/core/shared/errors";

/**
 * ₂F₁ for the tests: the paper's form of equation 10 as an independent check of the forms the core sums
 * (test/core/clv/properties.test.ts), itself checked against mpmath (test/core/clv/special.test.ts). No
 * SALES function evaluates ₂F₁ directly, so it lives here rather than in src/core.
 */

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) = Σ_k (a)_k (b)_k / ((c)_k k!) · z^k for
 * −1 < z < 1 (the models need 0 ≤ z < 1), summed to convergence with the precision guarantee of
 * {@link hypergeometricSeries}: for a, b, c > 0 the truncation error is below 1e-17 of the result, so the
 * result carries the rounding error of a compensated sum only (a few units in the last place).
 *
 * Errors (`#NUM!`): c a non-positive whole number (the series is not defined), |z| ≥ 1, a sum beyond the
 * double range, or more than MAX_SERIES_TERMS terms (z within about 1e-5 of 1 with large
 * parameters) — never a silently truncated value.
 *
 * Example: ₂F₁(1, 1; 2; ½) = −ln(1 − ½)/½ = 1.3862943611198906.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1) || (c <= 0 && Number.isInteger(c))) throw fail("RESULT_OUT_OF_RANGE", { arg: "z" }, "num");
  const series = hypergeometricSeries([a, b], [c, 1], z);
  if (series === undefined) throw fail("NOT_CONVERGED", { arg: "z" });
  const value = series.mantissa * 2 ** series.exponent;
  if (!Number.isFinite(value)) throw fail("RESULT_OUT_OF_RANGE", { arg: "z" }, "num");
  return value;
}
