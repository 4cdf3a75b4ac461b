import { fail } from "../shared/errors";
import { requireNonNegative } from "../shared/checks";
import { MAX_RATES } from "../shared/rates";

/**
 * Observed conversion rates (实际转化率): from the counts of people who reached each stage of a funnel, top
 * stage first, the rate of each step `r_k = c_{k+1} / c_k` — the same double Excel's `=B3/B2` gives, not
 * rounded, so that the rates fed back into {@link funnelPlan} reproduce the counts.
 *
 * Counts are numbers ≥ 0 and need not be whole (a monthly average of 1,666.7 visitors is a count here).
 * A count above the one before it is an input error (COUNT_RISES, naming the stage): people cannot appear
 * half-way down a funnel, and a rate above 100% would mean nothing to FUNNEL.TARGET. A step whose upper
 * count is 0 has no rate (its lower count is 0 too): it is `null`, shown as `#DIV/0!` in that cell only,
 * so the rates of the steps above it still show where the funnel stopped.
 *
 * Round trip: for whole counts c₁ ≥ … ≥ cₙ > 0, `funnelPlan(cₙ, funnelRates(c))` is c exactly — the suffix
 * products telescope to cₙ / c_k up to a few ulps, far inside the 1e-9 tolerance of {@link ceilCount}.
 * O(n).
 *
 * Course example: `funnelRates([2000, 800, 400, 100])` → [0.4, 0.5, 0.25].
 *
 * @param counts people at each stage, top to bottom, each ≥ 0 and not above the one before it; 2 to 1,001
 *   stages (at most {@link MAX_RATES} rates)
 * @returns n − 1 rates in [0, 1], `null` where the stage above holds 0
 */
export function funnelRates(counts: ArrayLike<number>): Array<number | null> {
  const arg = "counts";
  const n = counts.length;
  if (n === 0) throw fail("EMPTY", { arg });
  if (n === 1) throw fail("TOO_FEW_STAGES", { arg });
  if (n > MAX_RATES + 1) throw fail("TOO_MANY_VALUES", { arg, length: n, max: MAX_RATES + 1 });
  const rates = new Array<number | null>(n - 1);
  let previous = requireNonNegative(counts[0] as number, { arg, index: 0 });
  for (let k = 1; k < n; k++) {
    const count = requireNonNegative(counts[k] as number, { arg, index: k });
    if (count > previous) throw fail("COUNT_RISES", { arg, index: k, value: count, previous });
    rates[k - 1] = previous === 0 ? null : count / previous;
    previous = count;
  }
  return rates;
}
