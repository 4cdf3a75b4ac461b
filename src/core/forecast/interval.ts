import { requireWholeNumber } from "../shared/checks";
import { fail } from "../shared/errors";
import { normalQuantile } from "../shared/normal-quantile";
import { cellValues, MAX_SEASON_LENGTH, requireFittable, requireHorizon, requireLength, requireLevel, requirePositiveValues, requireSeasonLength, requireSmoothing } from "./checks";
import { Fit, fitRecursion, GivenSmoothing, recursionFor } from "./fit";
import { forecastFrom, runRecursion, TraceRow } from "./holt-winters";

/**
 * Prediction intervals of the smoothing models exactly as R's `predict.HoltWinters(object, n.ahead,
 * prediction.interval = TRUE, level)` computes them (R's stats/R/HoltWinters.R), approximations included —
 * the point is to give R's numbers (docs/forecasting.md):
 *
 * - σ² = `var(residuals(object))`: the sample variance (denominator n − 1, mean subtracted) of the one-step
 *   residuals y_t − ŷ_t over the fitted period (from t = 2 for SES, 3 for Holt, m + 1 for Holt-Winters);
 * - ψ_j = α(1 + j·β) + [j mod m = 0]·γ(1 − α), with β = 0 without trend and γ = 0 without season (m = 1);
 * - additive models (SES and Holt too): Var(h) = σ²·(1 + Σ_{j=1}^{h−1} ψ_j²);
 * - multiplicative: rel = 1 + ((h − 1) mod m), Var(h) = σ²·Σ_{j=0}^{h−1} (ψ_j·s_rel / d_j)², where R takes
 *   d_j from its coefficient vector (a, b, s_1…s_m) at position 2 + ((rel − j) mod m): s_k for k ≥ 1, but
 *   **the trend b_T when k = 0** (first at h = m, j = 0). That quirk is R's, reproduced on purpose;
 * - the interval is forecast ± z·√Var(h), z = Φ⁻¹((1 + level)/2) (normal-quantile.ts, R's AS 241).
 */

/** The models of FORECAST.INTERVAL: R's HoltWinters with beta = FALSE and gamma = FALSE, gamma = FALSE, or seasonal. */
export const INTERVAL_MODELS = ["ses", "holt", "additive", "multiplicative"] as const;
export type IntervalModel = (typeof INTERVAL_MODELS)[number];

/** The default coverage, R's `level = 0.95`. */
export const DEFAULT_LEVEL = 0.95;

/** What FORECAST.INTERVAL is asked for; omitted smoothing parameters are fitted. */
export interface IntervalRequest extends GivenSmoothing {
  /** Periods per season; omitted or 1 = no season. */
  readonly seasonLength?: number;
  /** Default: "additive" with a season, "holt" without. */
  readonly model?: IntervalModel;
  /** Default {@link DEFAULT_LEVEL}. */
  readonly level?: number;
}

/** Forecasts with their lower and upper bounds, one entry per future period. */
export interface Band {
  readonly lower: number[];
  readonly forecast: number[];
  readonly upper: number[];
}

/** The least history each model needs: start values plus at least two residuals for a variance. */
export function intervalMinimumLength(model: IntervalModel, seasonLength: number): number {
  if (model === "ses") return 3;
  if (model === "holt") return 4;
  return 2 * seasonLength;
}

/**
 * σ = √`var(residuals(object))`: the one-step residuals y_t − ŷ_t of the fitted period, their sample
 * standard deviation with denominator n − 1 (two passes: the mean, then the squared deviations, scaled by
 * the largest so that no square overflows).
 */
export function residualSd(trace: readonly TraceRow[]): number {
  const n = trace.length;
  let sum = 0;
  for (const row of trace) sum += row.y - row.fitted;
  const mean = sum / n;
  let largest = 0;
  for (const row of trace) largest = Math.max(largest, Math.abs(row.y - row.fitted - mean));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let squares = 0;
  for (const row of trace) {
    const d = (row.y - row.fitted - mean) / largest;
    squares += d * d;
  }
  return largest * Math.sqrt(squares / (n - 1));
}

/** R's ψ_j = α(1 + j·β) + [j mod m = 0]·γ(1 − α) (β = 0 without trend, γ = 0 without season). */
export function psiWeight(j: number, alpha: number, beta: number, gamma: number, m: number): number {
  return alpha * (1 + j * beta) + (j % m === 0 ? gamma * (1 - alpha) : 0);
}

/**
 * Var(h)/σ² for h = 1…horizon as R's `vars(h)`. Additive: 1 + Σ_{j=1}^{h−1} ψ_j² (cumulative).
 * Multiplicative: Σ_{j=0}^{h−1} (ψ_j·s_rel/d_j)², summed in R's order j = 0, 1, …; the horizons that share
 * rel = 1 + ((h − 1) mod m) extend one running sum each (the terms depend on h only through rel), so a
 * horizon H costs O(H·m) rather than O(H²).
 */
export function varianceFactors(fit: Fit, horizon: number): number[] {
  const { alpha, beta, gamma } = fit.smoothing;
  const seasonal = fit.recursion.season !== "none";
  const m = seasonal ? fit.recursion.period : 1;
  const b = fit.recursion.trend ? beta : 0;
  const g = seasonal ? gamma : 0;
  const out = new Array<number>(horizon);
  if (fit.recursion.season !== "multiplicative") {
    let sum = 1;
    for (let h = 1; h <= horizon; h++) {
      out[h - 1] = sum;
      const psi = psiWeight(h, alpha, b, g, m);
      sum += psi * psi;
    }
    return out;
  }
  const { seasonals, trend } = fit.state;
  // R's coefficient vector (a, b, s_1…s_m) read at 2 + k, k = (rel − j) mod m: b_T at k = 0.
  const divisor = (k: number): number => (k === 0 ? trend : (seasonals[k - 1] as number));
  const sums = new Array<number>(m + 1).fill(0);
  const reached = new Array<number>(m + 1).fill(0); // next j to add, per rel
  for (let h = 1; h <= horizon; h++) {
    const rel = 1 + ((h - 1) % m);
    const sRel = seasonals[rel - 1] as number;
    let sum = sums[rel] as number;
    for (let j = reached[rel] as number; j < h; j++) {
      const k = (((rel - j) % m) + m) % m;
      const term = (psiWeight(j, alpha, b, g, m) * sRel) / divisor(k);
      sum += term * term;
    }
    sums[rel] = sum;
    reached[rel] = h;
    out[h - 1] = sum;
  }
  return out;
}

/**
 * The forecasts of a fit and R's prediction interval around them, unrounded.
 * @param fit a fitted model (fit.ts) of `values`
 * @param values the history it was fitted to (for the residuals)
 */
export function predictionBand(fit: Fit, values: ArrayLike<number>, horizon: number, level: number): Band {
  const trace: TraceRow[] = [];
  runRecursion(values, fit.recursion, fit.smoothing, trace);
  const sigma = residualSd(trace);
  const z = normalQuantile((1 + level) / 2);
  const forecast = forecastFrom(fit.state, fit.recursion, horizon);
  const factors = varianceFactors(fit, horizon);
  const lower = new Array<number>(horizon);
  const upper = new Array<number>(horizon);
  for (let i = 0; i < horizon; i++) {
    const half = z * sigma * Math.sqrt(factors[i] as number);
    lower[i] = (forecast[i] as number) - half;
    upper[i] = (forecast[i] as number) + half;
  }
  return { lower, forecast, upper };
}

/** The model a request asks for, its season length (1 = none), after checking what goes with what. */
export function resolveIntervalModel(request: IntervalRequest): { model: IntervalModel; m: number } {
  const m = request.seasonLength === undefined ? 1 : requireWholeNumber(request.seasonLength, { arg: "season_length" }, 1, MAX_SEASON_LENGTH);
  const model = request.model ?? (m > 1 ? "additive" : "holt");
  if (model === "additive" || model === "multiplicative") {
    if (request.seasonLength === undefined) throw fail("NEEDED_WITH_OPTION", { arg: "season_length", because: "model", value: model });
    requireSeasonLength(m);
    return { model, m };
  }
  if (m > 1) throw fail("UNUSED_ARGUMENT", { arg: "season_length", because: "model", value: model });
  if (request.gamma !== undefined) throw fail("UNUSED_ARGUMENT", { arg: "gamma", because: "model", value: model });
  if (model === "ses" && request.beta !== undefined) throw fail("UNUSED_ARGUMENT", { arg: "beta", because: "model", value: model });
  return { model, m };
}

/** Fits the requested model (omitted parameters by least one-step SSE) after checking the history. */
export function fitIntervalModel(history: ArrayLike<number>, model: IntervalModel, m: number, given: GivenSmoothing): Fit {
  requireSmoothing(given.alpha, "alpha");
  requireSmoothing(given.beta, "beta");
  requireSmoothing(given.gamma, "gamma");
  requireLength(history, intervalMinimumLength(model, m));
  requireFittable(history);
  if (model === "ses") return fitRecursion(history, recursionFor(history, "ses"), { alpha: given.alpha }, ["alpha"]);
  if (model === "holt") return fitRecursion(history, recursionFor(history, "holt"), { alpha: given.alpha, beta: given.beta }, ["alpha", "beta"]);
  if (model === "multiplicative") requirePositiveValues(history);
  return fitRecursion(history, recursionFor(history, model, m), given, ["alpha", "beta", "gamma"]);
}

/**
 * FORECAST.INTERVAL: forecasts of SES, Holt or Holt-Winters with R's prediction interval, cleaned to
 * Excel's 15 digits. `#NUM!` when a bound overflows (a multiplicative band divides by the trend b_T, R's
 * quirk: a trend of exactly 0 makes it infinite from h = m on).
 */
export function forecastInterval(history: ArrayLike<number>, horizon: number, request: IntervalRequest = {}): Band {
  requireHorizon(horizon);
  const level = requireLevel(request.level ?? DEFAULT_LEVEL);
  const { model, m } = resolveIntervalModel(request);
  const fit = fitIntervalModel(history, model, m, request);
  const band = predictionBand(fit, history, horizon, level);
  return { lower: cellValues(band.lower), forecast: cellValues(band.forecast), upper: cellValues(band.upper) };
}
