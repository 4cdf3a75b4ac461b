import { requireNonNegative, requirePositive } from "../shared/checks";
import { fail } from "../shared/errors";
import { inCellRange, toExcelPrecision } from "../shared/rounding";

/** Attainment above this share of the target earns nothing more, unless told otherwise (120%). */
export const DEFAULT_SCORE_CAP = 1.2;
/** The largest cap accepted (1000%); a larger one is a typo. */
export const MAX_SCORE_CAP = 10;

export interface KpiScoreOptions {
  /** Highest attainment a KPI can score, in [1, 10]; default 1.2. */
  readonly cap?: number;
  /** Per KPI: true when less is better (CAC, response time, return rate). Default: all false. */
  readonly lowerIsBetter?: ArrayLike<boolean>;
}

/**
 * The weighted attainment of a KPI scorecard (绩效考核得分):
 * `Σ wᵢ·min(attᵢ, cap) / Σ wᵢ` with attainment attᵢ = aᵢ/tᵢ, or tᵢ/aᵢ for a lower-is-better KPI.
 * A fraction: 1 = every target exactly met. O(n).
 *
 * Edge cases, decided:
 * - targets must be > 0 (a KPI without a positive target cannot be scored): TOO_SMALL naming the row;
 * - weights must be ≥ 0 and need not sum to 1; a zero weight leaves the KPI out; all zero is
 *   DIVISION_BY_ZERO (`#DIV/0!`);
 * - a higher-is-better actual may be negative (a loss against a profit target scores below 0);
 * - a lower-is-better actual must be ≥ 0; an actual of 0 (no complaints, no returns) beats any target
 *   and scores the cap;
 * - cap in [1, 10] (1 = no credit above target); 100–1000 was typed as a percentage (RATE_AS_PERCENT).
 * The score therefore lies between the lowest capped attainment and the cap.
 *
 * Example: actuals {1.1M, 95, 180}, targets {1M, 100, 200} (the last is a CAC, lower is better),
 * weights {50, 30, 20} → (50·1.1 + 30·0.95 + 20·1.111…) / 100 = 1.05722222222222.
 */
export function kpiScore(
  actuals: ArrayLike<number>,
  targets: ArrayLike<number>,
  weights: ArrayLike<number>,
  options: KpiScoreOptions = {},
): number {
  const n = actuals.length;
  requireSameLength(targets, "targets", n);
  requireSameLength(weights, "weights", n);
  const lowerIsBetter = options.lowerIsBetter;
  if (lowerIsBetter !== undefined) requireSameLength(lowerIsBetter, "lower_is_better", n);
  if (n === 0) throw fail("EMPTY", { arg: "actuals" });
  const cap = requireCap(options.cap ?? DEFAULT_SCORE_CAP);

  let maxWeight = 0;
  for (let i = 0; i < n; i++) {
    requirePositive(targets[i] as number, { arg: "targets", index: i });
    maxWeight = Math.max(maxWeight, requireNonNegative(weights[i] as number, { arg: "weights", index: i }));
    if (lowerIsBetter?.[i] === true) requireNonNegative(actuals[i] as number, { arg: "actuals", index: i });
  }
  if (maxWeight === 0) throw fail("DIVISION_BY_ZERO", { arg: "weights" }, "div0");

  // Weights scaled by the largest keep Σ w and Σ w·att finite for any finite input.
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = (weights[i] as number) / maxWeight;
    if (w === 0) continue;
    const a = actuals[i] as number;
    const t = targets[i] as number;
    const attainment = lowerIsBetter?.[i] === true ? (a === 0 ? cap : t / a) : a / t;
    weighted += w * Math.min(attainment, cap);
    total += w;
  }
  return toExcelPrecision(inCellRange(weighted / total, { arg: "actuals" }));
}

function requireSameLength(values: ArrayLike<unknown>, arg: string, n: number): void {
  if (values.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg, length: values.length, otherArg: "actuals", otherLength: n });
  }
}

function requireCap(cap: number): number {
  const where = { arg: "cap" };
  if (!(cap >= 1)) throw fail("TOO_SMALL", { ...where, value: cap, min: 1 });
  if (cap > MAX_SCORE_CAP) {
    if (cap >= 100 && cap <= 100 * MAX_SCORE_CAP) throw fail("RATE_AS_PERCENT", { ...where, value: cap });
    throw fail("TOO_LARGE", { ...where, value: cap, max: MAX_SCORE_CAP });
  }
  return cap;
}
