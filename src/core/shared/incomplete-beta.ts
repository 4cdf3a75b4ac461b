/**
 * The regularised incomplete beta function I_x(a, b) and the logarithms of the gamma and beta functions
 * it needs, to about 1e-15 relative — what the Student-t distribution (student-t.ts) is built on.
 */

const HALF_LOG_TWO_PI = 0.9189385332046728;

/**
 * The Stirling-series remainder c(x) = ln Γ(x) − [(x − ½)ln x − x + ½ln 2π], for x ≥ 15:
 * Σ B₂ₖ / (2k(2k − 1)x²ᵏ⁻¹), k = 1…7. The first omitted term is below 1e-19 there.
 */
function stirlingRemainder(x: number): number {
  const x2 = 1 / (x * x);
  return (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 * (1 / 1188 - x2 * (691 / 360360 - x2 / 156)))))) / x;
}

/** Where the Stirling series is used directly. */
const STIRLING_FROM = 15;

/**
 * ln Γ(x) for x > 0: the Stirling series from x ≥ 15; below, shifted up with Γ(x) = Γ(x + k) / (x(x+1)…(x+k−1)).
 */
export function logGamma(x: number): number {
  if (x >= STIRLING_FROM) return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingRemainder(x);
  let product = 1;
  let shifted = x;
  while (shifted < STIRLING_FROM) product *= shifted++;
  return logGamma(shifted) - Math.log(product);
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), with p = min(a, b), q = max(a, b). When q is large the
 * three logarithms are large and nearly cancel, so the Stirling forms are subtracted analytically first:
 * - p, q ≥ 15: −½ln q + ½ln 2π + (p − ½)ln(p/(p+q)) + q·log1p(−p/(p+q)) + c(p) + c(q) − c(p+q);
 * - q ≥ 15 > p: ln Γ(p) + p − p·ln(p+q) + (q − ½)·log1p(−p/(p+q)) + c(q) − c(p+q);
 * (c = {@link stirlingRemainder}), the way R's `lbeta` does it.
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  const share = p / (p + q);
  if (p >= STIRLING_FROM) {
    const correction = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q);
    return -0.5 * Math.log(q) + HALF_LOG_TWO_PI + correction + (p - 0.5) * Math.log(share) + q * Math.log1p(-share);
  }
  if (q >= STIRLING_FROM) {
    const correction = stirlingRemainder(q) - stirlingRemainder(p + q);
    return logGamma(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-share);
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/** The most terms of the continued fraction; it needs O(√max(a, b)) of them near its switch point. */
const MAX_TERMS = 100_000;
const TINY = 1e-300;

/**
 * The continued fraction of I_x(a, b) (DLMF 8.17.22) by the modified Lentz method:
 * I_x(a, b) = x^a (1 − x)^b / (a·B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))), with
 * d₂ₘ₊₁ = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)), d₂ₘ = m(b − m)x / ((a + 2m − 1)(a + 2m)).
 * Returns the fraction 1/(1 + d₁/(1 + …)); converges fast for x < (a + 1)/(a + b + 2).
 */
function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    // Even step.
    let term = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + term * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + term / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    term = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + term * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + term / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= 1e-16) return h;
  }
  return h;
}

/**
 * The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), a, b > 0, x in [0, 1].
 * `y` = 1 − x, passed separately so that a caller who knows it exactly (the Student-t tail:
 * x = ν/(ν + t²), y = t²/(ν + t²)) loses no digits to the subtraction. The continued fraction runs on
 * whichever of I_x(a, b) and 1 − I_y(b, a) converges fast.
 */
export function regularizedBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  // ln x from y when x is near 1 (and the other way round): x·(1 ± ε) would put a·ε into a·ln x, which
  // matters when a is large (the t tail with ν = 10⁶ has a = 500,000).
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const logFront = a * logX + b * logY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(y, b, a)) / b;
}
