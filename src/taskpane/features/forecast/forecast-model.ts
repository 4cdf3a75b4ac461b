/**
 * What the Forecast wizard computes in the pane, with the core the SALES functions run: the backtest of
 * each series (FORECAST.BACKTEST's rows), and — before writing — the forecast and its 80% and 95% bands
 * of the chosen method on the whole history, so that a choice whose formula would show an error, or
 * whose forecast falls below 0, is refused naming the series and the period.
 */
import { backtest, type BacktestMethod, type BacktestRow } from "../../../core/forecast/backtest";
import { forecastInterval, type Band, type IntervalModel } from "../../../core/forecast/interval";
import { linearForecastInterval } from "../../../core/forecast/linear";
import { isCoreError } from "../../../core/shared/errors";
import type { Series } from "./forecast-history";

/** The methods the sheet can write with a band: every backtest method but the moving average (no interval). */
export const WRITABLE_METHODS = ["ses", "holt", "hw-additive", "hw-multiplicative", "linear"] as const;
export type WritableMethod = (typeof WRITABLE_METHODS)[number];

export const isWritable = (method: string): method is WritableMethod => (WRITABLE_METHODS as readonly string[]).includes(method);

/** The two bands the sheet writes. */
export const LEVELS = [0.8, 0.95] as const;
export type Level = (typeof LEVELS)[number];

/** At most this many periods ahead. */
export const MAX_HORIZON = 120;

/** FORECAST.INTERVAL's model for a smoothing method. */
export const INTERVAL_MODEL: Readonly<Record<Exclude<WritableMethod, "linear">, IntervalModel>> = {
  ses: "ses",
  holt: "holt",
  "hw-additive": "additive",
  "hw-multiplicative": "multiplicative",
};

/** The season length a method's formula is given: 1 for SES and Holt, which have none. */
export const seasonFor = (method: WritableMethod, m: number) => (method === "ses" || method === "holt" ? 1 : m);

/** The band of `method` on `values`, as the sheet's formula computes it (cleaned to 15 digits). */
export function bandOf(method: WritableMethod, values: readonly number[], horizon: number, m: number, level: number): Band {
  if (method === "linear") return linearForecastInterval(values, horizon, m, level);
  return forecastInterval(values, horizon, { seasonLength: seasonFor(method, m), model: INTERVAL_MODEL[method], level });
}

/** The series' sum, period by period (the total block's history). */
export function totalSeries(series: readonly Series[], name: string): Series {
  const length = series[0]?.values.length ?? 0;
  const values = Array.from({ length }, (_, i) => series.reduce((sum, s) => sum + (s.values[i] as number), 0));
  return { name, values };
}

export type BacktestResult = { readonly ok: true; readonly rows: readonly BacktestRow[] } | { readonly ok: false; readonly needed: number };

/** FORECAST.BACKTEST's rows for the methods the sheet can write, best RMSE first; `needed`: the history a holdout needs. */
export function backtestWritable(values: readonly number[], holdout: number, m: number): BacktestResult {
  try {
    const rows = backtest(values, holdout, m).filter((row) => isWritable(row.method));
    return { ok: true, rows };
  } catch (error) {
    if (isCoreError(error) && error.code === "HOLDOUT_TOO_LONG") return { ok: false, needed: (error.details as { needed: number }).needed };
    throw error;
  }
}

/** The best method a backtest found (a number RMSE first), or the first that can run on the whole history. */
export function bestMethod(rows: readonly BacktestRow[]): WritableMethod | undefined {
  const best = rows.find((row) => typeof row.metrics.rmse === "number");
  return best !== undefined && isWritable(best.method) ? best.method : undefined;
}

export type ChoiceProblem =
  /** The method needs `needed` values; the series has `count`. */
  | { readonly code: "tooShort"; readonly needed: number; readonly count: number }
  /** Holt-Winters multiplicative: the value at `index` (0-based) is not above 0. */
  | { readonly code: "notPositive"; readonly index: number }
  /** The forecast at period `period` (1-based) is below 0 (`value`). */
  | { readonly code: "negative"; readonly period: number; readonly value: number }
  /** A bound does not fit in a cell (the formula would show #NUM!). */
  | { readonly code: "overflow" };

export interface Bands {
  readonly 0.8: Band;
  readonly 0.95: Band;
}

/** The bands of the chosen method, or why the sheet would show an error or a negative forecast. */
export function checkChoice(method: WritableMethod, values: readonly number[], horizon: number, m: number): { ok: true; bands: Bands } | { ok: false; problem: ChoiceProblem } {
  let bands: Bands;
  try {
    bands = { 0.8: bandOf(method, values, horizon, m, 0.8), 0.95: bandOf(method, values, horizon, m, 0.95) };
  } catch (error) {
    if (!isCoreError(error)) throw error;
    const details = error.details as { needed?: number; length?: number; index?: number };
    if (error.code === "TOO_FEW_VALUES") return { ok: false, problem: { code: "tooShort", needed: details.needed ?? 0, count: details.length ?? values.length } };
    if (error.code === "TOO_SMALL" && details.index !== undefined) return { ok: false, problem: { code: "notPositive", index: details.index } };
    return { ok: false, problem: { code: "overflow" } };
  }
  for (const band of [bands[0.8], bands[0.95]]) {
    if (![...band.lower, ...band.forecast, ...band.upper].every(Number.isFinite)) return { ok: false, problem: { code: "overflow" } };
  }
  const negative = bands[0.95].forecast.findIndex((x) => x < 0);
  if (negative >= 0) return { ok: false, problem: { code: "negative", period: negative + 1, value: bands[0.95].forecast[negative] as number } };
  return { ok: true, bands };
}

export type { BacktestMethod, BacktestRow };
