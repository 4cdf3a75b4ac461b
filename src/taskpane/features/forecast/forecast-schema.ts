/**
 * What each step of the Forecast wizard accepts. Field checks are zod schemas over the form's text; the
 * history and the methods are checked by the core the sheet's formulas run (forecast-model.ts), so the
 * form refuses exactly what would show an error — or a forecast below 0 — in the sheet. Issue messages
 * are codes (the page words them); paths name the field ("range", "season", "method.total"…).
 */
import { z } from "zod";
import { MAX_SEASON_LENGTH } from "../../../core/forecast/checks";
import type { RangeData } from "../../../excel/gateway";
import { validateWith, type Validation } from "../../components/validation";
import type { Language } from "../../../i18n/language";
import { periodLabel, readHistory, type History, type Period, type Series } from "./forecast-history";
import {
  backtestWritable,
  bestMethod,
  checkChoice,
  isWritable,
  LEVELS,
  MAX_HORIZON,
  totalSeries,
  type BacktestResult,
  type ChoiceProblem,
  type Level,
  type WritableMethod,
} from "./forecast-model";
import type { ForecastInput } from "./forecast-plan";

/** The form's text, as kept in the draft store. */
export type ForecastFields = {
  readonly range: string;
  readonly season: string;
  readonly horizon: string;
  /** Empty: one season (3 periods without a season). */
  readonly holdout: string;
  readonly level: string;
  /** The series whose backtest is shown: its index, or "total". */
  readonly view: string;
};

export const EMPTY_FIELDS: ForecastFields = { range: "", season: "12", horizon: "12", holdout: "", level: "0.8", view: "0" };

/** The key of a series' chosen method: its index, or "total". */
export type SeriesKey = string;
export const TOTAL_KEY = "total";

export type ForecastErrorCode =
  | "required"
  | "whole"
  | "notRead"
  | "empty"
  | "cells"
  | "tooShort"
  | "tooLong"
  | "tooManySeries"
  | "holdout"
  | "noMethod"
  | "methodShort"
  | "methodPositive"
  | "methodNegative"
  | "methodOverflow";

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: "required" })
    .transform((text, ctx) => {
      const value = Number(text);
      if (!Number.isInteger(value) || value < min || value > max) {
        ctx.addIssue({ code: "custom", message: "whole", params: { min, max } });
        return z.NEVER;
      }
      return value;
    });

const settingsSchema = z.object({ season: whole(1, MAX_SEASON_LENGTH), horizon: whole(1, MAX_HORIZON) });

export interface HistoryStep {
  readonly history: History;
  readonly season: number;
  readonly horizon: number;
}

const fail = <T>(path: string, code: ForecastErrorCode, params: Record<string, unknown> = {}): Validation<T, ForecastErrorCode> => ({
  ok: false,
  errors: { [path]: code },
  params: { [path]: params },
});

/** Step 1: a range read into series, a season length and a horizon. */
export function validateHistory(fields: ForecastFields, data: RangeData | undefined, unnamed: (n: number) => string): Validation<HistoryStep, ForecastErrorCode> {
  const settings = validateWith<typeof settingsSchema, ForecastErrorCode>(settingsSchema, fields);
  let history: History | undefined;
  const errors: Record<string, ForecastErrorCode> = settings.ok ? {} : { ...settings.errors };
  const params: Record<string, Readonly<Record<string, unknown>>> = settings.ok ? {} : { ...settings.params };
  if (data === undefined) errors.range = "notRead";
  else {
    const read = readHistory(data, unnamed);
    if (read.ok) history = read;
    else {
      errors.range = read.code;
      params.range = read.params;
    }
  }
  if (!settings.ok || history === undefined) return { ok: false, errors, params };
  return { ok: true, data: { history, season: settings.data.season, horizon: settings.data.horizon } };
}

/** The periods held out: the field, or one season (3 without a season). */
export function holdoutOf(holdout: string, season: number): number | undefined {
  const text = holdout.trim();
  if (text === "") return season > 1 ? season : 3;
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 ? value : undefined;
}

/** Every series to forecast, with its key: one series alone, or each series and their total. */
export function forecastSeries(history: History, totalName: string): { key: SeriesKey; series: Series }[] {
  const each = history.series.map((series, i) => ({ key: String(i), series }));
  return history.series.length > 1 ? [...each, { key: TOTAL_KEY, series: totalSeries(history.series, totalName) }] : each;
}

export interface Backtests {
  readonly holdout: number;
  readonly results: Readonly<Record<SeriesKey, BacktestResult>>;
}

/** The backtest of every series (the pane's heavy step: run once per history, season and holdout). */
export function runBacktests(step: HistoryStep, holdoutText: string, totalName: string): Backtests | undefined {
  const holdout = holdoutOf(holdoutText, step.season);
  if (holdout === undefined) return undefined;
  const results: Record<SeriesKey, BacktestResult> = {};
  for (const { key, series } of forecastSeries(step.history, totalName)) results[key] = backtestWritable(series.values, holdout, step.season);
  return { holdout, results };
}

/** The method used for a series: the one chosen, else the backtest's best. */
export function methodFor(key: SeriesKey, chosen: Readonly<Record<string, string>>, backtests: Backtests | undefined): WritableMethod | undefined {
  const picked = chosen[key];
  const result = backtests?.results[key];
  const offered = result?.ok === true ? result.rows.map((row) => row.method) : [];
  if (picked !== undefined && isWritable(picked) && offered.includes(picked)) return picked;
  return result?.ok === true ? bestMethod(result.rows) : undefined;
}

const PROBLEM_CODE: Readonly<Record<ChoiceProblem["code"], ForecastErrorCode>> = {
  tooShort: "methodShort",
  notPositive: "methodPositive",
  negative: "methodNegative",
  overflow: "methodOverflow",
};

/** Step 2: a holdout the backtest accepts, and for every series a method whose sheet shows no error and no negative forecast. */
export function validateBacktest(
  step: HistoryStep,
  fields: ForecastFields,
  backtests: Backtests | undefined,
  chosen: Readonly<Record<string, string>>,
  totalName: string,
  language: Language,
): Validation<ForecastInput, ForecastErrorCode> {
  if (backtests === undefined) return fail("holdout", "whole", { min: 1, max: step.history.labels.length - 2 });
  const all = forecastSeries(step.history, totalName);
  const methods: Record<SeriesKey, WritableMethod> = {};
  for (const { key, series } of all) {
    const result = backtests.results[key]!;
    if (!result.ok) return fail("holdout", "holdout", { needed: result.needed });
    const method = methodFor(key, chosen, backtests);
    if (method === undefined) return fail(`method.${key}`, "noMethod", { series: series.name });
    const check = checkChoice(method, series.values, step.horizon, step.season);
    if (!check.ok) {
      const p = check.problem;
      const extra = p.code === "tooShort" ? { needed: p.needed, count: p.count } : p.code === "notPositive" ? { period: p.index + 1 } : p.code === "negative" ? { period: p.period } : {};
      return fail(`method.${key}`, PROBLEM_CODE[p.code], { series: series.name, ...extra });
    }
    methods[key] = method;
  }
  const level: Level = LEVELS.find((x) => String(x) === fields.level) ?? 0.8;
  return {
    ok: true,
    data: {
      source: step.history.address,
      ...sheetLabels(step.history, step.horizon, language),
      series: step.history.series.map((series, i) => ({ name: series.name, values: series.values, method: methods[String(i)]! })),
      totalMethod: step.history.series.length > 1 ? methods[TOTAL_KEY] : undefined,
      season: step.season,
      horizon: step.horizon,
      level,
    },
  };
}

/**
 * The periods' labels in the sheet: months and quarters (dates included) in the pane's language, and the
 * periods after them; else the labels as read (1, 2… without a period column) and +1, +2… ahead.
 */
export function sheetLabels(history: History, horizon: number, language: Language): { labels: string[]; futureLabels: string[] } {
  const next = history.detectedSeason === undefined ? undefined : nextPeriods(history.periods, horizon);
  if (next === undefined) {
    return { labels: history.labels.map((label, k) => label || String(k + 1)), futureLabels: Array.from({ length: horizon }, (_, k) => `+${k + 1}`) };
  }
  return { labels: history.periods.map((p) => periodLabel(p!, language)), futureLabels: next.map((p) => periodLabel(p, language)) };
}

/** The periods after the last one read, as months or quarters; undefined when the history has no periods. */
export function nextPeriods(periods: readonly Period[], horizon: number): NonNullable<Period>[] | undefined {
  const last = periods[periods.length - 1];
  if (last === undefined || periods.some((p) => p === undefined)) return undefined;
  return Array.from({ length: horizon }, (_, k) => ({ kind: last.kind, index: last.index + k + 1 }));
}
