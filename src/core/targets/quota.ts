import { fail } from "../shared/errors";
import { requireNonNegative } from "../shared/checks";
import { requireRate } from "../shared/rates";
import { EXCEL_MAX, toExcelPrecision } from "../shared/rounding";
import { compensatedSum, scaledSum } from "../shared/sum";
import { splitTotal, unitsIn } from "./split";

/**
 * Quotas per salesperson (QUOTA.ALLOCATE) and bottom-up reconciliation (QUOTA.RECONCILE).
 *
 * QUOTA.ALLOCATE blends three views of what each person can carry — their share of last period's sales,
 * their share of the territory's potential, and an even share — and scales the blend by a capacity (ramp)
 * factor for new hires:
 *
 *     weightᵢ = (w_h · historyᵢ / Σ history + w_p · potentialᵢ / Σ potential + w_e / n) × capacityᵢ
 *
 * then splits the total by those weights with the largest-remainder method (TARGET.SPLIT), so the quotas
 * add up to the total exactly. A capacity below 1 does not vanish: the units it frees go to the others.
 */

export interface QuotaInput {
  readonly total: number;
  /** Last period's sales per person, ≥ 0 (0 for a new hire). */
  readonly history: ArrayLike<number>;
  /** Territory potential per person, ≥ 0; same length as history. */
  readonly potential?: ArrayLike<number>;
  /** {w_h, w_p, w_e}, each ≥ 0, not all 0. Default {1, 0, 0}, or {0.5, 0.5, 0} with a potential. */
  readonly weights?: readonly [number, number, number];
  /** Ramp factor per person in [0, 1] (one value applies to everyone). Default 1. */
  readonly capacity?: ArrayLike<number>;
  /** Quotas are multiples of it. Default 1. */
  readonly unit?: number;
}

/** The blend weights when none are given. */
export function defaultBlend(hasPotential: boolean): [number, number, number] {
  return hasPotential ? [0.5, 0.5, 0] : [1, 0, 0];
}

/** Each person's share of a list, or zeros when the list's weight is 0 (then it is not needed at all). */
function sharesOf(values: ArrayLike<number>, weight: number, arg: string): Float64Array {
  const n = values.length;
  const shares = new Float64Array(n);
  for (let i = 0; i < n; i++) requireNonNegative(values[i] as number, { arg, index: i });
  if (weight === 0) return shares;
  const { sum: total, scale } = scaledSum(values);
  if (total === 0) throw fail("ALL_ZERO", { arg });
  for (let i = 0; i < n; i++) shares[i] = ((values[i] as number) * scale) / total;
  return shares;
}

/** The blended, capacity-scaled weight of each person (before the split). */
export function quotaWeights(input: QuotaInput): Float64Array {
  const n = input.history.length;
  if (n === 0) throw fail("EMPTY", { arg: "history" });
  const blend = input.weights ?? defaultBlend(input.potential !== undefined);
  blend.forEach((w, i) => requireNonNegative(w, { arg: "weights", index: i }));
  const [wh, wp, we] = blend;
  if (wh + wp + we === 0) throw fail("ALL_ZERO", { arg: "weights" });
  if (input.potential === undefined && wp > 0) throw fail("MISSING_ARGUMENT", { arg: "potential", because: "weights" });
  if (input.potential !== undefined && input.potential.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "potential", length: input.potential.length, otherArg: "history", otherLength: n });
  }
  const capacity = input.capacity;
  if (capacity !== undefined && capacity.length !== 1 && capacity.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "capacity", length: capacity.length, otherArg: "history", otherLength: n });
  }
  if (capacity !== undefined) {
    for (let i = 0; i < capacity.length; i++) requireRate(capacity[i] as number, { arg: "capacity", index: i }, { allowZero: true });
  }

  // Only the blend's proportions matter: it is scaled by a power of two (exact, so ordinary weights give
  // the same quotas to the last bit) to keep weights such as 1e308 or 5e-324 from overflowing or vanishing.
  const scale = 2 ** -Math.max(-1000, Math.min(1000, Math.ceil(Math.log2(Math.max(wh, wp, we)))));
  const [sh, sp, se] = [wh * scale, wp * scale, we * scale];

  const history = sharesOf(input.history, wh, "history");
  const potential = input.potential === undefined ? undefined : sharesOf(input.potential, wp, "potential");
  const weights = new Float64Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const blended = sh * (history[i] as number) + sp * (potential?.[i] ?? 0) + se / n;
    const c = capacity === undefined ? 1 : ((capacity.length === 1 ? capacity[0] : capacity[i]) as number);
    weights[i] = blended * c;
    if (weights[i]! > 0) any = true;
  }
  // Every blended weight is 0 only where capacity is 0 (each blend share above has a positive sum).
  if (!any) throw fail("ALL_ZERO", { arg: capacity === undefined ? "weights" : "capacity" });
  return weights;
}

/** One quota per person, adding up to `total` exactly, in multiples of `unit`. */
export function allocateQuotas(input: QuotaInput): Float64Array {
  const unit = input.unit ?? 1;
  unitsIn(input.total, unit); // a bad total or unit is reported before anything about the people
  return splitTotal(input.total, quotaWeights(input), unit);
}

/**
 * Bottom-up commitments kept, and the gap (total − Σ commitments, negative when the commitments exceed the
 * total) spread over the people by `weights` with the largest-remainder method; the result adds up to
 * `total`. The gap must be a whole number of units.
 */
export function reconcileQuotas(total: number, commitments: ArrayLike<number>, weights: ArrayLike<number>, unit = 1): Float64Array {
  const n = commitments.length;
  if (n === 0) throw fail("EMPTY", { arg: "commitments" });
  if (weights.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "weights", length: weights.length, otherArg: "commitments", otherLength: n });
  }
  if (!Number.isFinite(total)) throw fail("NOT_A_NUMBER", { arg: "total", value: String(total) });
  // Commitments (or the gap) beyond the largest number a cell holds leave nothing to reconcile: #NUM!.
  const committed = compensatedSum(commitments);
  if (!(Math.abs(committed) <= EXCEL_MAX)) throw fail("RESULT_OUT_OF_RANGE", { arg: "commitments" }, "num");
  const gap = toExcelPrecision(total - committed);
  if (!(Math.abs(gap) <= EXCEL_MAX)) throw fail("RESULT_OUT_OF_RANGE", { arg: "total" }, "num");
  const spread = splitTotal(gap, weights, unit, { total: "total − SUM(commitments)", weights: "weights", unit: "unit" });
  const wholeNumbers = Number.isInteger(unit) && Number.isInteger(total);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = (commitments[i] as number) + (spread[i] as number);
    out[i] = wholeNumbers && Number.isInteger(commitments[i]) ? value : toExcelPrecision(value);
  }
  return out;
}
