import { BgnbdParams, requireBgnbdParams, requireCustomers } from "./checks";

/**
 * P(alive | x, t_x, T): the probability that a customer with this history has not dropped out (CLV.ALIVE),
 * BG/NBD (Fader, Hardie & Lee 2005; Hardie's note 021, lifetimes' `conditional_probability_alive`):
 *   P = 1 / (1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + t_x))^{r+x}),
 * exactly 1 for a customer without repeat purchases (the model lets a customer drop out only right after a
 * purchase). Computed as a logistic of u = ln(a/(b+x−1)) + (r+x)·ln(1 + (T − t_x)/(α + t_x)), so large x
 * or T cannot overflow: the result is in [0, 1], never NaN.
 *
 * No checks: {@link bgnbdProbabilityAlive} checks a list of customers.
 */
export function bgnbdCustomerAlive(params: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const u = Math.log(a / (b + x - 1)) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  if (u > 0) {
    const e = Math.exp(-u);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(u));
}

/**
 * P(alive) of each customer (CLV.ALIVE), see {@link bgnbdCustomerAlive}.
 *
 * @param params r, α, a, b (a fifth value, the log-likelihood of CLV.FIT, is ignored)
 */
export function bgnbdProbabilityAlive(params: ArrayLike<number>, frequency: ArrayLike<number>, recency: ArrayLike<number>, T: ArrayLike<number>): Float64Array {
  const model = requireBgnbdParams(params);
  requireCustomers(frequency, recency, T);
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) out[i] = bgnbdCustomerAlive(model, frequency[i] as number, recency[i] as number, T[i] as number);
  return out;
}
