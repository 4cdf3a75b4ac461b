import type { SeasonalModel } from "./checks";

/**
 * The Holt-Winters recursion exactly as R's `stats::HoltWinters` (its C routine `C_HoltWinters`), in the
 * same order of operations so that results agree with R to rounding (see docs/forecasting.md):
 *
 *   ŷ_t = l_{t−1} + b_{t−1} (+ or ×) s_{t−m}
 *   l_t = α(y_t (− or ÷) s_{t−m}) + (1−α)(l_{t−1} + b_{t−1})
 *   b_t = β(l_t − l_{t−1}) + (1−β) b_{t−1}
 *   s_t = γ(y_t (− or ÷) l_t) + (1−γ) s_{t−m}        ← the *new* level (R/NIST form)
 *
 * Simple exponential smoothing is the same recursion without trend and season, Holt's method without
 * season.
 */

/** What the recursion carries and where it starts. */
export interface Recursion {
  /** "none" for SES and Holt. */
  readonly season: SeasonalModel | "none";
  readonly trend: boolean;
  /** Periods per season (ignored without a season). */
  readonly period: number;
  /** 0-based index of the first value forecast one step ahead (R's `start.time` − 1). */
  readonly start: number;
  readonly level0: number;
  readonly trend0: number;
  /** m start seasonals, oldest first (empty without a season). */
  readonly seasonals0: readonly number[];
}

export interface Smoothing {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
}

/** One step of the recursion as R's `fitted()` shows it: the prior states that made the forecast. */
export interface TraceRow {
  /** 0-based index of the value. */
  readonly index: number;
  readonly y: number;
  readonly fitted: number;
  readonly level: number;
  readonly trend: number;
  readonly season: number;
}

/** The states after the last value: R's coefficients a, b, s1…sm. */
export interface FinalState {
  readonly sse: number;
  readonly level: number;
  readonly trend: number;
  /** The m latest seasonals, s1 first: s1 is the season of the first forecast period. */
  readonly seasonals: number[];
}

/**
 * Runs the recursion over `values`; returns the sum of squared one-step errors and the final states.
 * When `trace` is given, each step's row is appended to it. NaN or ±Infinity may come out of a
 * multiplicative fit that divides by a level crossing 0: callers check.
 */
export function runRecursion(values: ArrayLike<number>, r: Recursion, p: Smoothing, trace?: TraceRow[]): FinalState {
  const { alpha, beta, gamma } = p;
  const m = r.period;
  const seasonal = r.season !== "none";
  const additive = r.season !== "multiplicative";
  // The season ring buffer: slot (i − start) mod m holds s_{t−m} when forecasting x[i].
  const seasons = seasonal ? Float64Array.from(r.seasonals0) : new Float64Array(0);
  let level = r.level0;
  let trend = r.trend ? r.trend0 : 0;
  let sse = 0;
  let slot = 0;
  const n = values.length;
  for (let i = r.start; i < n; i++) {
    const x = values[i] as number;
    const stmp = seasonal ? (seasons[slot] as number) : additive ? 0 : 1;
    let xhat = level + (r.trend ? trend : 0);
    if (additive) xhat += stmp;
    else xhat *= stmp;
    const res = x - xhat;
    sse += res * res;
    if (trace !== undefined) trace.push({ index: i, y: x, fitted: xhat, level, trend, season: stmp });

    const newLevel = additive ? alpha * (x - stmp) + (1 - alpha) * (level + trend) : alpha * (x / stmp) + (1 - alpha) * (level + trend);
    if (r.trend) trend = beta * (newLevel - level) + (1 - beta) * trend;
    level = newLevel;
    if (seasonal) {
      seasons[slot] = additive ? gamma * (x - level) + (1 - gamma) * stmp : gamma * (x / level) + (1 - gamma) * stmp;
      slot = slot + 1 === m ? 0 : slot + 1;
    }
  }
  const seasonals: number[] = [];
  if (seasonal) for (let k = 0; k < m; k++) seasonals.push(seasons[(slot + k) % m] as number);
  return { sse, level, trend, seasonals };
}

/**
 * The sum of squared one-step errors only, for the optimiser: the same arithmetic as {@link runRecursion}
 * without allocating (`seasons` is scratch space of at least m cells).
 */
export function recursionSse(values: ArrayLike<number>, r: Recursion, alpha: number, beta: number, gamma: number, seasons: Float64Array): number {
  const m = r.period;
  const seasonal = r.season !== "none";
  const additive = r.season !== "multiplicative";
  const withTrend = r.trend;
  if (seasonal) for (let k = 0; k < m; k++) seasons[k] = r.seasonals0[k] as number;
  let level = r.level0;
  let trend = withTrend ? r.trend0 : 0;
  let sse = 0;
  let slot = 0;
  const n = values.length;
  for (let i = r.start; i < n; i++) {
    const x = values[i] as number;
    const stmp = seasonal ? (seasons[slot] as number) : additive ? 0 : 1;
    const base = level + trend;
    const xhat = additive ? base + stmp : base * stmp;
    const res = x - xhat;
    sse += res * res;
    const newLevel = additive ? alpha * (x - stmp) + (1 - alpha) * base : alpha * (x / stmp) + (1 - alpha) * base;
    if (withTrend) trend = beta * (newLevel - level) + (1 - beta) * trend;
    level = newLevel;
    if (seasonal) {
      seasons[slot] = additive ? gamma * (x - level) + (1 - gamma) * stmp : gamma * (x / level) + (1 - gamma) * stmp;
      slot = slot + 1 === m ? 0 : slot + 1;
    }
  }
  return sse;
}

/**
 * R's `predict.HoltWinters`: ŷ_{T+h} = a + h·b (+ or ×) s_{1+((h−1) mod m)}.
 */
export function forecastFrom(state: FinalState, r: Pick<Recursion, "season" | "trend">, horizon: number): number[] {
  const out = new Array<number>(horizon);
  const m = state.seasonals.length;
  for (let h = 1; h <= horizon; h++) {
    let fit = state.level;
    if (r.trend) fit += h * state.trend;
    if (r.season === "additive") fit += state.seasonals[(h - 1) % m] as number;
    else if (r.season === "multiplicative") fit *= state.seasonals[(h - 1) % m] as number;
    out[h - 1] = fit;
  }
  return out;
}
