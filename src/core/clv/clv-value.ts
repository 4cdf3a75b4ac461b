import { requirePositive, requireWholeNumber } from "../shared/checks";
import { fail } from "../shared/errors";
import { requireRate } from "../shared/rates";
import { bgnbdCustomerAlive } from "./bgnbd-alive";
import { bgnbdPurchasesIfAlive, PatternCache } from "./bgnbd-purchases";
import { requireBgnbdParams, requireCustomers, requireGammaGammaParams, requireSpendCustomers } from "./checks";
import { gammaGammaCustomerSpend } from "./gamma-gamma";

/** Months of value when none are given. */
export const DEFAULT_CLV_MONTHS = 12;
/** Discount rate per month when none is given (lifetimes' default). */
export const DEFAULT_CLV_MONTHLY_DISCOUNT = 0.01;
/** Periods per month when none are given: lifetimes' factor for weekly data (30 for daily data). */
export const DEFAULT_PERIODS_PER_MONTH = 4.345;
/** The longest horizon accepted, in months (100 years). */
export const MAX_CLV_MONTHS = 1200;

export interface ClvValueOptions {
  /** Months of value, a whole number in [1, 1200]; default 12. */
  readonly months?: number;
  /** Discount rate per month, in [0, 1]; default 0.01. */
  readonly discount?: number;
  /** Model periods per month (4.345 for weeks, 30 for days); default 4.345. */
  readonly periodsPerMonth?: number;
}

/**
 * The discounted value of each customer over the next `months` (CLV.VALUE): lifetimes 0.11
 * `GammaGammaFitter.customer_lifetime_value(BetaGeoFitter, …, time=months, discount_rate, freq)`,
 *   value = Σ_{i=1}^{months} (E[Y(i·k)] − E[Y((i−1)·k)]) · E(M | x, m) / (1 + discount)^i,
 * with E[Y(t)] the BG/NBD expected purchases in the next t periods (equation 10 of Fader, Hardie & Lee
 * 2005, {@link bgnbdCustomerPurchases}), E(M | x, m) the Gamma-Gamma expected spend per purchase
 * ({@link gammaGammaCustomerSpend}; the population mean for a customer without repeat purchases), and
 * k = `periodsPerMonth`. Each E[Y(i·k)] is computed once and differenced with the previous month's; the
 * discounted sum of a customer alive now depends on x and T only and is computed once per distinct pair.
 *
 * @param bgnbd r, α, a, b (a fifth value, the log-likelihood of CLV.FIT, is ignored)
 * @param spend p, q, v (a fourth value, the log-likelihood of CLV.SPEND.FIT, is ignored)
 */
export function clvValue(
  bgnbd: ArrayLike<number>,
  spend: ArrayLike<number>,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
  monetaryValue: ArrayLike<number>,
  options: ClvValueOptions = {},
): Float64Array {
  const purchases = requireBgnbdParams(bgnbd, "params");
  const spending = requireGammaGammaParams(spend, "spend_params");
  requireCustomers(frequency, recency, T);
  requireSpendCustomers(frequency, monetaryValue);
  const months = requireWholeNumber(options.months ?? DEFAULT_CLV_MONTHS, { arg: "months" }, 1, MAX_CLV_MONTHS);
  const discount = requireRate(options.discount ?? DEFAULT_CLV_MONTHLY_DISCOUNT, { arg: "discount" }, { allowZero: true });
  const k = requirePositive(options.periodsPerMonth ?? DEFAULT_PERIODS_PER_MONTH, { arg: "periods_per_month" });

  const factors = new Float64Array(months + 1);
  for (let i = 1; i <= months; i++) factors[i] = 1 / (1 + discount) ** i;
  const { r, alpha, a, b } = purchases;
  // Σ_i (E_i − E_{i−1})·factor_i of a customer alive now, E_i = bgnbdPurchasesIfAlive(…, i·k): it depends
  // on x and T only, so it is summed once per distinct pair; P(alive) and the spend multiply it.
  const discountedIfAlive = (x: number, age: number): number | undefined => {
    let previous = 0;
    let sum = 0;
    for (let i = 1; i <= months; i++) {
      const expected = bgnbdPurchasesIfAlive(r + x, alpha + age, a, b + x, i * k);
      if (expected === undefined) return undefined;
      sum += (expected - previous) * (factors[i] as number);
      previous = expected;
    }
    return sum;
  };
  const cache = new PatternCache<number | undefined>();
  const out = new Float64Array(frequency.length);
  for (let c = 0; c < out.length; c++) {
    const x = frequency[c] as number;
    const age = T[c] as number;
    const spendPerPurchase = gammaGammaCustomerSpend(spending, x, monetaryValue[c] as number);
    const alive = bgnbdCustomerAlive(purchases, x, recency[c] as number, age);
    if (alive === 0) continue;
    const discounted = cache.get(x, age, () => discountedIfAlive(x, age));
    if (discounted === undefined) throw fail("NOT_CONVERGED", { arg: "T", index: c });
    out[c] = alive * discounted * spendPerPurchase;
  }
  return out;
}
