/**
 * The Forecast wizard's history, read from a range: one series, or many side by side (products or regions
 * in columns), with an optional column of periods on the left and an optional header row on top. Numbers
 * are read as the SALES functions read cells ("1.2万", "¥1,200", full-width digits). Periods are dates
 * (Excel serials or text such as "2024年3月1日"), months ("2024-03", "2024年3月") or quarters ("2024Q1",
 * "2024年第1季度"); consecutive months give a season length of 12, consecutive quarters 4.
 */
import { foldWidth, numberFromText } from "../../../core/shared/number-text";
import { isValidSerial, serialFromText, ymdFromSerial } from "../../../core/shared/excel-date";
import { cellAddress, parseRange, type RangeRef } from "../../../excel/address";
import type { CellValue, RangeData } from "../../../excel/gateway";

/** At most this many series (each is fitted several times in the pane). */
export const MAX_SERIES = 12;
/** At most this many periods of history (the sheet holds them all; the fits stay quick). */
export const MAX_PERIODS = 600;
/** The fewest periods a forecast with a band can use (Holt's interval needs 4). */
export const MIN_PERIODS = 4;

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

/** A period as read: a month or quarter counted from year 0, or none. */
export type Period = { readonly kind: "month" | "quarter"; readonly index: number } | undefined;

export interface History {
  readonly ok: true;
  /** The range read, as the gateway gave it. */
  readonly address: string;
  /** The periods' labels as read ("" when there is no period column). */
  readonly labels: readonly string[];
  readonly periods: readonly Period[];
  readonly series: readonly Series[];
  /** 12 for consecutive months, 4 for consecutive quarters; undefined when the periods say nothing. */
  readonly detectedSeason: number | undefined;
}

export type HistoryReadCode =
  /** Nothing but blanks. */
  | "empty"
  /** `cells`: blanks or text among the numbers ("B4, C7 “n/a”"). */
  | "cells"
  /** `count` periods, fewer than `needed`. */
  | "tooShort"
  /** `count` periods, more than `max`. */
  | "tooLong"
  /** `count` series, more than `max`. */
  | "tooManySeries";

export interface HistoryReadProblem {
  readonly ok: false;
  readonly code: HistoryReadCode;
  readonly params: Readonly<Record<string, string | number>>;
}

const isBlank = (cell: CellValue | undefined) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

const numberOf = (cell: CellValue | undefined): number | undefined => {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "string") return numberFromText(cell);
  return undefined;
};

const MONTH_TEXT = /^(\d{4})\s*(?:[-/.年]\s*)(\d{1,2})\s*月?$/;
const QUARTER_TEXT = /^(\d{4})\s*(?:年\s*第?\s*([1-4一二三四])\s*季度?|[-\s]?[Qq]([1-4]))$/;
const CHINESE_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** A period label read: a month, a quarter, or a date (its month); undefined when it is none of them. */
export function readPeriod(cell: CellValue | undefined): Period {
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || !isValidSerial(cell) || cell < 3_000) return undefined; // small numbers are values, not dates
    const { year, month } = ymdFromSerial(cell);
    return { kind: "month", index: year * 12 + month - 1 };
  }
  if (typeof cell !== "string") return undefined;
  const text = foldWidth(cell).trim();
  const quarter = QUARTER_TEXT.exec(text);
  if (quarter !== null) {
    const q = quarter[2] !== undefined ? (CHINESE_DIGIT[quarter[2]] ?? Number(quarter[2])) : Number(quarter[3]);
    return { kind: "quarter", index: Number(quarter[1]) * 4 + q - 1 };
  }
  const month = MONTH_TEXT.exec(text);
  if (month !== null) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? { kind: "month", index: Number(month[1]) * 12 + m - 1 } : undefined;
  }
  const serial = serialFromText(text);
  if (serial === undefined) return undefined;
  const { year, month: mm } = ymdFromSerial(Math.floor(serial));
  return { kind: "month", index: year * 12 + mm - 1 };
}

/** Consecutive steps of `step` from the first period, all of one kind. */
function steps(periods: readonly Period[], step: number): boolean {
  const first = periods[0];
  if (first === undefined || periods.length < 2) return false;
  return periods.every((p, i) => p !== undefined && p.kind === first.kind && p.index === first.index + i * step);
}

/**
 * The periods as months or quarters, and the season they give: 12 when every period is the month after
 * the one before, 4 for quarters (or dates three months apart, read as quarters); else no season.
 */
export function normalizePeriods(periods: readonly Period[]): { periods: readonly Period[]; season: number | undefined } {
  const kind = periods[0]?.kind;
  if (steps(periods, 1)) return { periods, season: kind === "month" ? 12 : 4 };
  if (kind === "month" && steps(periods, 3)) return { periods: periods.map((p) => (p === undefined ? p : { kind: "quarter", index: Math.floor(p.index / 3) })), season: 4 };
  return { periods, season: undefined };
}

/** A period's label in the pane's language: "2025-01" / "2025年1月", "2025 Q1" / "2025年第1季度". */
export function periodLabel(period: NonNullable<Period>, language: "zh" | "en"): string {
  if (period.kind === "month") {
    const year = Math.floor(period.index / 12);
    const month = (period.index % 12) + 1;
    return language === "zh" ? `${year}年${month}月` : `${year}-${String(month).padStart(2, "0")}`;
  }
  const year = Math.floor(period.index / 4);
  const q = (period.index % 4) + 1;
  return language === "zh" ? `${year}年第${q}季度` : `${year} Q${q}`;
}

const textOf = (cell: CellValue | undefined) => (typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell ?? ""));

const refOf = (data: RangeData): RangeRef => parseRange(data.address) ?? { sheet: undefined, row: 0, column: 0, rows: data.values.length, columns: data.values[0]?.length ?? 0 };

/**
 * The series of a range. A first column whose cells are periods (or text that is not a number) is the
 * period column; a first row with a text that is not a number among the series' cells is the header (the
 * series' names). A single row is one series across. Trailing blank rows are ignored; a blank or a word
 * among the numbers is refused, naming the cells (at most 5).
 */
export function readHistory(data: RangeData, unnamed: (n: number) => string): History | HistoryReadProblem {
  const ref = refOf(data);
  let rows = data.values.map((row) => [...row]);
  if (rows.length === 1 && (rows[0]?.length ?? 0) > 1) {
    // One row across: turn it into one column (the addresses follow the original cells).
    const single = rows[0]!;
    return readColumns(
      single.map((cell) => [cell]),
      (r) => cellAddress(ref.row, ref.column + r),
      data.address,
      unnamed,
    );
  }
  while (rows.length > 0 && rows[rows.length - 1]!.every(isBlank)) rows.pop();
  if (rows.length === 0) return { ok: false, code: "empty", params: { address: data.address } };
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  rows = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  return readColumns(rows, (r, c = 0) => cellAddress(ref.row + r, ref.column + c), data.address, unnamed);
}

function readColumns(
  rows: readonly (readonly CellValue[])[],
  at: (row: number, column?: number) => string,
  address: string,
  unnamed: (n: number) => string,
): History | HistoryReadProblem {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  if (!rows.some((row) => row.some((cell) => !isBlank(cell)))) return { ok: false, code: "empty", params: { address } };
  // The header: a first row with a word (not a number, not a period) in it.
  const first = rows[0] ?? [];
  const hasHeader = rows.length > 1 && first.some((cell) => typeof cell === "string" && cell.trim() !== "" && numberOf(cell) === undefined && readPeriod(cell) === undefined);
  const body = rows.slice(hasHeader ? 1 : 0);
  const top = hasHeader ? 1 : 0;
  // The period column: more than one column, and the first column's cells are periods or words.
  const firstColumn = body.map((row) => row[0]);
  const read = normalizePeriods(firstColumn.map(readPeriod));
  // Text that is not a number (periods, names), or numbers that are dates a month or a quarter apart (Excel
  // dates); a first column of other numbers is a series.
  const words = firstColumn.every((cell) => isBlank(cell) || (typeof cell === "string" && numberOf(cell) === undefined));
  const dates = firstColumn.every((cell) => typeof cell === "number") && read.season !== undefined;
  const hasPeriods = width > 1 && (words || dates) && firstColumn.some((cell) => !isBlank(cell));
  const left = hasPeriods ? 1 : 0;
  const count = width - left;
  if (count > MAX_SERIES) return { ok: false, code: "tooManySeries", params: { count, max: MAX_SERIES } };
  if (body.length > MAX_PERIODS) return { ok: false, code: "tooLong", params: { count: body.length, max: MAX_PERIODS } };

  const bad: string[] = [];
  const series: Series[] = [];
  for (let c = left; c < width; c++) {
    const values: number[] = [];
    body.forEach((row, r) => {
      const cell = row[c];
      const value = numberOf(cell);
      if (value === undefined) bad.push(isBlank(cell) ? at(top + r, c) : `${at(top + r, c)} “${textOf(cell)}”`);
      else values.push(value);
    });
    const header = hasHeader ? first[c] : undefined;
    const name = header === undefined || isBlank(header) ? unnamed(c - left + 1) : textOf(header).trim();
    series.push({ name, values });
  }
  if (bad.length > 0) return { ok: false, code: "cells", params: { cells: `${bad.slice(0, 5).join(", ")}${bad.length > 5 ? ", …" : ""}` } };
  if (body.length < MIN_PERIODS) return { ok: false, code: "tooShort", params: { count: body.length, needed: MIN_PERIODS } };
  const labels = hasPeriods ? firstColumn.map((cell) => (isBlank(cell) ? "" : textOf(cell).trim())) : body.map(() => "");
  const periods = hasPeriods ? read.periods : body.map(() => undefined);
  return { ok: true, address, labels, periods, series, detectedSeason: hasPeriods ? read.season : undefined };
}
