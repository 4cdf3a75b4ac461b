import { fail } from "../shared/errors";
import { requirePositive } from "../shared/checks";
import { bgnbdCustomerAlive } from "./bgnbd-alive";
import { BgnbdParams, requireBgnbdParams, requireCustomers } from "./checks";
import { cannotFinish, hypergeometricSeries, MAX_SERIES_TERMS } from "./hypergeometric";

/**
 * Expected repeat purchases in the next `t` periods of a customer with history (x, t_x, T) (CLV.PURCHASES):
 * equation 10 of Fader, Hardie & Lee (2005), "Counting your customers the easy way", lifetimes'
 * `conditional_expected_number_of_purchases_up_to_time`:
 *   E[Y(t) | x, t_x, T] = P(alive) · (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))],
 * i.e. P(alive) ({@link bgnbdCustomerAlive}) times the expected purchases of a customer alive now, whose
 * parameters the history has updated to r+x, α+T, a, b+x ({@link bgnbdPurchasesIfAlive}).
 *
 * No checks: {@link bgnbdExpectedPurchases} checks a list of customers. Throws NOT_CONVERGED (arg "T") when
 * the value cannot be computed to the stated precision (see {@link bgnbdPurchasesIfAlive}).
 */
export function bgnbdCustomerPurchases(params: BgnbdParams, t: number, x: number, tx: number, T: number): number {
  const alive = bgnbdCustomerAlive(params, x, tx, T);
  if (alive === 0) return 0;
  const ifAlive = bgnbdPurchasesIfAlive(params.r + x, params.alpha + T, params.a, params.b + x, t);
  if (ifAlive === undefined) throw fail("NOT_CONVERGED", { arg: "T" });
  return alive * ifAlive;
}

/**
 * Expected repeat purchases in the next `t` periods of each customer (CLV.PURCHASES), see
 * {@link bgnbdCustomerPurchases}.
 *
 * @param params r, α, a, b (a fifth value, the log-likelihood of CLV.FIT, is ignored)
 * @param t the horizon, in the periods of the summary (weeks by default), > 0
 */
export function bgnbdExpectedPurchases(params: ArrayLike<number>, t: number, frequency: ArrayLike<number>, recency: ArrayLike<number>, T: ArrayLike<number>): Float64Array {
  const model = requireBgnbdParams(params);
  requirePositive(t, { arg: "t" });
  requireCustomers(frequency, recency, T);
  const ifAlive = new PatternCache<number | undefined>();
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = frequency[i] as number;
    const age = T[i] as number;
    const alive = bgnbdCustomerAlive(model, x, recency[i] as number, age);
    if (alive === 0) continue;
    const purchases = ifAlive.get(x, age, () => bgnbdPurchasesIfAlive(model.r + x, model.alpha + age, model.a, model.b + x, t));
    if (purchases === undefined) throw fail("NOT_CONVERGED", { arg: "T", index: i });
    out[i] = alive * purchases;
  }
  return out;
}

/**
 * Values per distinct (x, T), computed once: the expected purchases of a customer alive now depend on x and
 * T only (not on t_x), and a summary from whole days has few distinct pairs (the 2,357 CDNOW customers
 * have 464), so a million customers cost far fewer series than rows.
 */
export class PatternCache<V> {
  private readonly byFrequency = new Map<number, Map<number, V>>();

  get(x: number, age: number, compute: () => V): V {
    let byAge = this.byFrequency.get(x);
    if (byAge === undefined) {
      byAge = new Map();
      this.byFrequency.set(x, byAge);
    }
    if (byAge.has(age)) return byAge.get(age) as V;
    const value = compute();
    byAge.set(age, value);
    return value;
  }
}

/**
 * E[X(t)], the expected repeat purchases in the first `t` periods of a new customer (equation 9 of the
 * paper; lifetimes' `expected_number_of_purchases_up_to_time`): {@link bgnbdPurchasesIfAlive} with the
 * population's parameters. NOT_CONVERGED (arg "t") as there.
 */
export function bgnbdNewCustomerPurchases(params: BgnbdParams, t: number): number {
  const value = bgnbdPurchasesIfAlive(params.r, params.alpha, params.a, params.b, t);
  if (value === undefined) throw fail("NOT_CONVERGED", { arg: "t" });
  return value;
}

/**
 * Expected purchases in the next t periods of a customer alive now, with purchase rate ~ Gamma(r, α) and
 * dropout probability ~ Beta(a, b) (all > 0): the bracket of equation 10 with its prefactor,
 *   E = c/(a−1) · [1 − y^r ₂F₁(r, b; c; z)],  c = a+b−1, z = t/(α+t), y = 1 − z = α/(α+t).
 * That form divides by a − 1 (the fitted a is often near 1: 0.79 for CDNOW) and subtracts two numbers near 1
 * when r·t/α is small, and its series grows like y^−r before y^r scales it back (overflow for large x). So
 * it is summed in forms without those defects, each with a computable bound on its rounding error:
 *
 * 1. Euler's transformation ₂F₁(r, b; c; z) = y^{a−1−r} ₂F₁(c−r, a−1; c; z) and y^{1−a} = ₂F₁(c, a−1; c; z)
 *    turn the bracket into one series, the two ₂F₁ subtracted term by term (exactly, in the recurrence):
 *      E = y^{a−1} · Σ_{k≥1} M_k (a)_{k−1} z^k / k!,  M_1 = r,  M_k = (M_{k−1}(c−r+k−1) + c·r)/(c+k−1)
 *    (M_k = c − (c−r)_k/(c+1)_{k−1}). Nothing is divided by a − 1, and when r ≤ c = a+b+x−1 — every fit
 *    seen in practice — every term is positive: no cancellation at all. Used whenever its error bound is
 *    below 1e-12.
 * 2. Pfaff's transformation, for t < α: the alternating series E = r·(t/α)·₃F₂(r+1, a, 1; c+1, 2; −t/α),
 *    exact for a short horizon however large r is.
 * 3. The original form with 1 − y^r ₂F₁ = −expm1(r ln y) − y^r·(r b z/c)·₃F₂(r+1, b+1, 1; c+1, 2; z):
 *      E = (c·(−expm1(r ln y)) − r b z y^r ₃F₂(…)) / (a − 1),
 *    a series of positive terms (summed with rescaling, no overflow); for c ≤ 0 (x = 0 and a + b ≤ 1) both
 *    parts have one sign, so nothing cancels; for c > 0 it serves when r ≫ c and t ≥ α.
 * Each series stops by the rigorous tail bound of {@link hypergeometricSeries} (truncation below 1e-17 of
 * the sum of |terms|). The rounding error of each form is bounded from what it computed (Σ|terms| / |sum|
 * for cancellation; |exponent|·ε for a power computed as exp of a log, which is also how much the inputs'
 * own rounding moves the result); the form with the smallest bound is used if that bound is below 1e-10
 * relative. When none qualifies, or a series needs more than {@link MAX_SERIES_TERMS} terms (z within
 * ~1e-5 of 1: a horizon some 10⁵ times α + T), the result is `undefined`, never a number with unknown
 * digits. In the usual case (form 1, positive terms) the result is accurate to a few units in the last
 * place (test/core/clv/bgnbd-purchases.test.ts compares with 60-digit values).
 */
export function bgnbdPurchasesIfAlive(r: number, alpha: number, a: number, b: number, t: number): number | undefined {
  if (t === 0) return 0;
  const c = a + b - 1;
  const z = t / (alpha + t);
  const logY = -Math.log1p(t / alpha);
  const euler = usable(eulerForm(r, a, c, z, logY));
  if (euler !== undefined && euler.error <= GOOD_ENOUGH) return euler.value;
  let best = euler;
  for (const form of [t < alpha ? pfaffForm(r, a, c, t / alpha) : undefined, directForm(r, a, b, c, z, logY)]) {
    const other = usable(form);
    if (other !== undefined && (best === undefined || other.error < best.error)) best = other;
  }
  return best !== undefined && best.error <= MAX_ERROR ? best.value : undefined;
}

/** An estimate with a finite value and an error bound that is a number (never NaN, which compares false). */
function usable(estimate: Estimate | undefined): Estimate | undefined {
  return estimate !== undefined && Number.isFinite(estimate.value) && estimate.error >= 0 ? estimate : undefined;
}

/** A value and a bound on its relative rounding error. */
interface Estimate {
  readonly value: number;
  readonly error: number;
}

/** Form 1 below this error bound is used at once. */
const GOOD_ENOUGH = 1e-12;
/** No result beyond this relative error bound. */
const MAX_ERROR = 1e-10;
/** A few units in the last place: the rounding of a handful of operations. */
const EPS = 4.5e-16;
const TWO_600 = 2 ** 600;
const TWO_MINUS_600 = 2 ** -600;
const LN2 = Math.LN2;

/** Form 1: y^{a−1} Σ M_k (a)_{k−1} z^k / k!, with the tail bound of the M-series (see the doc above). */
function eulerForm(r: number, a: number, c: number, z: number, logY: number): Estimate | undefined {
  // The ratio bound z·max(1, (a+k−1)/(k+1)) only falls with k: still ≥ 1 at the term limit, no stop can come.
  if (!(z * Math.max(1, (a + MAX_SERIES_TERMS - 1) / (MAX_SERIES_TERMS + 1)) < 1)) return undefined;
  // The stop is tested only once c − r + k ≥ 0: not within the term limit when r exceeds c by more (or
  // c overflowed), so no stop can come either — known before a million terms are summed for nothing.
  if (!(c - r + MAX_SERIES_TERMS >= 0) || !Number.isFinite(c)) return undefined;
  let m = r;
  let q = z; // (a)_{k−1} z^k / k!
  let sum = 0;
  let compensation = 0;
  let absolute = 0;
  let exponent = 0;
  for (let k = 1; k <= MAX_SERIES_TERMS; k++) {
    const term = m * q;
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    absolute += Math.abs(term);
    // Terms past the double range (M_k grows like (r − c)^k while c − r + k < 0): no finite error bound.
    if (!(absolute < Infinity)) return undefined;
    // Tail after term k. Once c − r + k ≥ 0, |M_j − c| = |(c−r)_j/(c+1)_{j−1}| no longer grows, so
    // |M_j| ≤ |c| + |c − M_k| for j ≥ k; and q_{j+1}/q_j = z (a+j−1)/(j+1) ≤ z·max(1, (a+k−1)/(k+1)).
    if (c - r + k >= 0) {
      const rho = z * Math.max(1, (a + k - 1) / (k + 1));
      const most = Math.abs(c) + Math.abs(c - m);
      if (rho < 1 && most * q * (rho / (1 - rho)) <= 1e-17 * absolute) {
        const total = sum + compensation;
        const power = (a - 1) * logY + exponent * LN2;
        return { value: total * Math.exp(power), error: EPS * (absolute / Math.abs(total) + Math.abs((a - 1) * logY) + 2) };
      }
      // Give up early when the stop provably cannot come within the term limit: q falls by a factor
      // σ = z·min(1, (a+k−1)/(k+1)) per step and no faster, and the bound above keeps a factor |c|.
      if (rho < 1 && k % 1024 === 0 && c !== 0) {
        const sigma = z * Math.min(1, (a + k - 1) / (k + 1));
        if (cannotFinish(k, MAX_SERIES_TERMS, q, sigma, (1e-17 * (absolute + most * q * (rho / (1 - rho))) * (1 - sigma)) / (sigma * Math.abs(c)))) return undefined;
      }
    }
    m = (m * (c - r + k) + c * r) / (c + k);
    q *= (z * (a + k - 1)) / (k + 1);
    if (q > TWO_600) {
      q *= TWO_MINUS_600;
      sum *= TWO_MINUS_600;
      compensation *= TWO_MINUS_600;
      absolute *= TWO_MINUS_600;
      exponent += 600;
    }
  }
  return undefined;
}

/** Form 2: r·u·₃F₂(r+1, a, 1; c+1, 2; −u), u = t/α < 1. */
function pfaffForm(r: number, a: number, c: number, u: number): Estimate | undefined {
  const series = hypergeometricSeries([r + 1, a], [c + 1, 2], -u);
  if (series === undefined) return undefined;
  return { value: r * u * series.mantissa * 2 ** series.exponent, error: EPS * (series.absolute / Math.abs(series.mantissa) + 2) };
}

/** Form 3: (c·(−expm1(r ln y)) − r b z y^r ₃F₂(r+1, b+1, 1; c+1, 2; z)) / (a − 1). */
function directForm(r: number, a: number, b: number, c: number, z: number, logY: number): Estimate | undefined {
  if (a === 1) return undefined;
  const series = hypergeometricSeries([r + 1, b + 1], [c + 1, 2], z);
  if (series === undefined) return undefined;
  const first = c * -Math.expm1(r * logY);
  const logSecond = Math.log(r * b * z) + r * logY + Math.log(series.mantissa) + series.exponent * LN2;
  const second = Math.exp(logSecond);
  const difference = first - second;
  // exp(log) carries the rounding of its exponent's parts; the subtraction magnifies both parts' errors.
  const secondError = EPS * (Math.abs(Math.log(r * b * z)) + Math.abs(r * logY) + Math.abs(logSecond) + 4) * second;
  const error = (EPS * Math.abs(first) + secondError) / Math.abs(difference) + EPS;
  return { value: difference / (a - 1), error };
}
