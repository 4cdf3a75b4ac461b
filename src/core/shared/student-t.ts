import { logBeta, regularizedBeta } from "./incomplete-beta";
import { normalQuantile } from "./normal-quantile";

/**
 * The Student-t distribution with ν degrees of freedom: its upper tail, density and quantile, exact to
 * about 1e-14 relative (R's `pt`, `dt`, `qt` agree to that).
 */

/**
 * P(T > t) for t ≥ 0: ½·I_x(ν/2, ½) with x = ν/(ν + t²) (the regularised incomplete beta function by
 * its continued fraction), 1 − x = t²/(ν + t²) computed directly so that no digit is lost near t = 0.
 */
export function studentTUpperTail(t: number, df: number): number {
  if (t < 0) return 1 - studentTUpperTail(-t, df);
  const denominator = df + t * t;
  return 0.5 * regularizedBeta(df / denominator, df / 2, 0.5, (t * t) / denominator);
}

/** The density Γ((ν+1)/2)/(√(νπ)Γ(ν/2))·(1 + t²/ν)^(−(ν+1)/2) = (1 + t²/ν)^(−(ν+1)/2) / (√ν·B(ν/2, ½)). */
export function studentTDensity(t: number, df: number): number {
  return Math.exp(-logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * The quantile t_{p, ν}: the t with P(T ≤ t) = p.
 * - ν = 1 (Cauchy) and ν = 2 in closed form: 1/tan(π(1 − p)) and (2p − 1)/√(2p(1 − p));
 * - ν above 10⁴ by the Cornish–Fisher expansion around the normal quantile z_p (Abramowitz & Stegun
 *   26.7.5, four terms), whose error there is of order ν⁻⁵ (below 1e-15 relative up to p = 1 − 1e-14; mpmath): the
 *   continued fraction loses about ν·1e-16 of relative accuracy near t² ≈ 3, where it switches sides;
 * - otherwise Newton's method on the upper tail P(T > t) = 1 − p, from the Cornish–Fisher expansion
 *   around the normal quantile (Abramowitz & Stegun 26.7.5), kept inside the bracket
 *   [z_p, Cauchy quantile] that holds every t_{p, ν} with ν ≥ 1. The tail is convex for t > 0, so the
 *   iterates approach the root from below once there; a step that leaves the bracket bisects instead.
 * Symmetric: t_{1−p} = −t_p.
 *
 * Examples: t_{0.975, 10} = 2.228138851986274; t_{0.995, 1} = 63.65674116287399.
 *
 * @param p a probability in (0, 1)
 * @param df degrees of freedom, ν > 0
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0.5) return 0;
  const tail = 1 - p; // exact for p ≥ ½
  if (df === 1) return 1 / Math.tan(Math.PI * tail);
  if (df === 2) return (p - tail) / Math.sqrt(2 * p * tail);

  const z = normalQuantile(p);
  if (df > LARGE_DF) return cornishFisher(z, df);
  let lo = z;
  let hi = df >= 1 ? 1 / Math.tan(Math.PI * tail) : Infinity;
  let t = Math.min(Math.max(cornishFisher(z, df), lo), hi);
  for (let iteration = 0; iteration < 200; iteration++) {
    const excess = studentTUpperTail(t, df) - tail;
    if (excess === 0) return t;
    if (excess > 0) lo = t;
    else hi = t;
    let next = t + excess / studentTDensity(t, df);
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : 2 * t;
    if (Math.abs(next - t) <= 2e-16 * Math.abs(t)) return next;
    t = next;
  }
  return t;
}

/** Degrees of freedom above which the expansion is exact to double precision. */
const LARGE_DF = 1e4;

/** t ≈ z + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴ (Abramowitz & Stegun 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}
