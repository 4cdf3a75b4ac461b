import { fail } from "../shared/errors";

/**
 * Input checks shared by the customer-value models. Each failure names the argument and the customer's
 * position (0-based `index`, worded "row 17" by the edge) and is a `#VALUE!` whose message says what to fix.
 * Checks are written `!(x >= 0)` so that a NaN from a careless caller fails too.
 */

/** BG/NBD parameters (Fader, Hardie & Lee 2005): purchase rate λ ~ Gamma(r, α), dropout p ~ Beta(a, b). */
export interface BgnbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Gamma-Gamma spend parameters (Fader, Hardie & Lee 2005): spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, v). */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

/**
 * frequency, recency and T of each customer: parallel, non-empty; frequency a whole number ≥ 0; recency
 * and T ≥ 0; recency ≤ T; recency 0 when frequency is 0 (lifetimes' `_check_inputs`). T = 0 is valid (a
 * customer first seen on the analysis date: the summary gives it, and it adds nothing to the likelihood).
 */
export function requireCustomers(frequency: ArrayLike<number>, recency: ArrayLike<number>, T: ArrayLike<number>): void {
  const n = frequency.length;
  if (recency.length !== n) throw fail("LENGTH_MISMATCH", { arg: "recency", length: recency.length, otherArg: "frequency", otherLength: n });
  if (T.length !== n) throw fail("LENGTH_MISMATCH", { arg: "T", length: T.length, otherArg: "frequency", otherLength: n });
  if (n === 0) throw fail("EMPTY", { arg: "frequency" });
  for (let i = 0; i < n; i++) {
    const x = requireFrequency(frequency[i] as number, i);
    const tx = recency[i] as number;
    const age = T[i] as number;
    if (!(tx >= 0)) throw fail("TOO_SMALL", { arg: "recency", index: i, value: tx, min: 0 });
    if (!(age >= 0)) throw fail("TOO_SMALL", { arg: "T", index: i, value: age, min: 0 });
    if (tx > age) throw fail("EXCEEDS_ARGUMENT", { arg: "recency", index: i, value: tx, otherArg: "T", otherValue: age });
    if (x === 0 && tx !== 0) throw fail("RECENCY_WITHOUT_REPEAT", { arg: "recency", index: i, value: tx, otherArg: "frequency" });
  }
}

/** A frequency: a whole number ≥ 0. */
export function requireFrequency(x: number, index: number): number {
  if (!(x >= 0)) throw fail("TOO_SMALL", { arg: "frequency", index, value: x, min: 0 });
  if (!Number.isInteger(x)) throw fail("NOT_INTEGER", { arg: "frequency", index, value: x });
  return x;
}

/**
 * frequency and monetary value of each customer: parallel, non-empty; frequency a whole number ≥ 0; the
 * monetary value of a customer with repeat purchases > 0 (a mean spend of 0 or below, from refunds, has no
 * place in a Gamma model). A customer without repeat purchases may carry any monetary value (the summary
 * gives 0); it is not used.
 */
export function requireSpendCustomers(frequency: ArrayLike<number>, monetaryValue: ArrayLike<number>): void {
  const n = frequency.length;
  if (monetaryValue.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "monetary_value", length: monetaryValue.length, otherArg: "frequency", otherLength: n });
  }
  if (n === 0) throw fail("EMPTY", { arg: "frequency" });
  for (let i = 0; i < n; i++) {
    const x = requireFrequency(frequency[i] as number, i);
    const m = monetaryValue[i] as number;
    if (x > 0 && !(m > 0)) throw fail("TOO_SMALL", { arg: "monetary_value", index: i, value: m, min: 0, exclusive: true });
  }
}

/**
 * The four BG/NBD parameters r, α, a, b, all > 0. A fifth value is accepted and ignored: CLV.FIT returns
 * the log-likelihood below the parameters, and a user will select all five cells.
 */
export function requireBgnbdParams(params: ArrayLike<number>, arg = "params"): BgnbdParams {
  const [r, alpha, a, b] = requireParams(params, arg, 4, "r, alpha, a, b") as [number, number, number, number];
  return { r, alpha, a, b };
}

/** The three Gamma-Gamma parameters p, q, v, all > 0 (a fourth value, the log-likelihood, is ignored). */
export function requireGammaGammaParams(params: ArrayLike<number>, arg = "spend_params"): GammaGammaParams {
  const [p, q, v] = requireParams(params, arg, 3, "p, q, v") as [number, number, number];
  return { p, q, v };
}

function requireParams(params: ArrayLike<number>, arg: string, expected: number, names: string): number[] {
  if (params.length !== expected && params.length !== expected + 1) {
    throw fail("PARAM_COUNT", { arg, length: params.length, expected, names });
  }
  const values: number[] = [];
  for (let i = 0; i < expected; i++) {
    const value = params[i] as number;
    if (!(value > 0)) throw fail("TOO_SMALL", { arg, index: i, value, min: 0, exclusive: true });
    if (value === Number.POSITIVE_INFINITY) throw fail("NOT_A_NUMBER", { arg, index: i, value: String(value) });
    values.push(value);
  }
  return values;
}
