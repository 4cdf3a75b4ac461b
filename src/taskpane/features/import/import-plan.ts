/**
 * The sheets an import writes: one row per customer (an Excel table with the columns of RFM.TABLE and
 * CLV.SUMMARY, named ranges for the columns the functions take) and one row per month × dimension (the
 * Progress wizard's actuals). Values, not formulas: the orders behind them are not in the workbook. A note
 * beside each table says where the figures came from. Pure.
 */
import type { Dimension } from "../../../core/import/contract";
import { isoFromSerial } from "../../../core/shared/excel-date";
import { columnLetters } from "../../../excel/address";
import type { CellSpec, NameSpec, NumberFormatSpec, SheetPlan } from "../../../excel/gateway";
import type { ImportStrings } from "../../../i18n/import";
import type { Language } from "../../../i18n/language";
import type { CustomerSummary, PeriodSummary, SummaryResult } from "./engine-contract";

/** Excel's rows per sheet. */
export const SHEET_ROWS = 1_048_576;
/** Data rows a table can hold under its header row. */
export const MAX_TABLE_ROWS = SHEET_ROWS - 1;

export const DATE_FORMAT = "yyyy-mm-dd";
export const MONTH_FORMAT = "yyyy-mm";
export const COUNT_FORMAT = "#,##0";
export const AMOUNT_FORMAT = "#,##0.00";
export const PERIODS_FORMAT = "0.00";

/** Where the summary came from, for the note beside the table. */
export interface ImportSource {
  readonly fileName: string;
  readonly windowDays?: number;
  readonly periodDays?: number;
  readonly dimension?: Dimension;
}

/** A number as a cell; the engine's figures are finite, and a plan never writes NaN or Infinity. */
function numberCell(value: number | undefined, what: string): CellSpec {
  if (value === undefined || !Number.isFinite(value)) throw new Error(`${what} is not a finite number (${String(value)})`);
  return { value };
}

const text = (value: string): CellSpec => ({ value });

function locale(language: Language): string {
  return language === "zh" ? "zh-CN" : "en-US";
}

export function formatCount(n: number, language: Language): string {
  return n.toLocaleString(locale(language));
}

export function dimensionName(dimension: Dimension, s: ImportStrings): string {
  return { person: s.dimensionPerson, channel: s.dimensionChannel, region: s.dimensionRegion, product: s.dimensionProduct }[dimension];
}

/** The note's lines, placed in a column right of the table (one blank column between). */
function noteRows(lines: readonly string[], s: ImportStrings): string[] {
  return [s.noteTitle, ...lines];
}

/** Puts the note into column `column` of the first rows, padding them. */
function withNote(rows: CellSpec[][], lines: readonly string[], column: number): void {
  lines.forEach((line, r) => {
    while (rows.length <= r) rows.push([]);
    const row = rows[r]!;
    while (row.length < column) row.push(null);
    row[column] = text(line);
  });
}

function sourceLines(result: SummaryResult, source: ImportSource, language: Language, s: ImportStrings): string[] {
  return [s.noteFile(source.fileName), s.noteRows(formatCount(result.rows, language), formatCount(result.rejectedCount, language)), s.noteAnalysis(isoFromSerial(result.analysisDate))];
}

/** The customer sheet's columns, in order: header key, the summary's column, its number format, its name. */
const CUSTOMER_COLUMNS = [
  { header: "hCustomer", name: "Customer" },
  { header: "hFirstOrder", key: "firstOrder", format: DATE_FORMAT, name: "FirstOrder" },
  { header: "hLastOrder", key: "lastOrder", format: DATE_FORMAT, name: "LastOrder" },
  { header: "hOrders", key: "orders", format: COUNT_FORMAT, name: "Orders" },
  { header: "hAmount", key: "amount", format: AMOUNT_FORMAT, name: "Amount" },
  { header: "hRecency", key: "recencyDays", format: COUNT_FORMAT, name: "Recency" },
  { header: "hFrequency", key: "windowOrders", format: COUNT_FORMAT, name: "Frequency" },
  { header: "hMonetary", key: "windowAmount", format: AMOUNT_FORMAT, name: "Monetary" },
  { header: "hClvFrequency", key: "clvFrequency", format: COUNT_FORMAT, name: "CLV_Frequency" },
  { header: "hClvRecency", key: "clvRecency", format: PERIODS_FORMAT, name: "CLV_Recency" },
  { header: "hClvT", key: "clvT", format: PERIODS_FORMAT, name: "CLV_T" },
  { header: "hClvMonetary", key: "clvMonetary", format: AMOUNT_FORMAT, name: "CLV_Monetary" },
] as const satisfies readonly { header: keyof ImportStrings; key?: keyof CustomerSummary; format?: string; name: string }[];

/** The customer sheet's column names, in order (for tests and for the Segment page). */
export const CUSTOMER_COLUMN_NAMES = CUSTOMER_COLUMNS.map((column) => column.name);

function columnDecorations(columns: readonly { readonly format?: string; readonly name: string }[], rows: number): { numberFormats: NumberFormatSpec[]; names: NameSpec[] } {
  const numberFormats: NumberFormatSpec[] = [];
  const names: NameSpec[] = [];
  columns.forEach((column, c) => {
    const letter = columnLetters(c);
    const range = `${letter}2:${letter}${rows + 1}`;
    if (column.format !== undefined) numberFormats.push({ address: range, format: column.format });
    names.push({ name: column.name, address: range });
  });
  return { numberFormats, names };
}

/** The per-customer sheet: header row 1, one row per customer from row 2, the note beside. */
export function customerSheetPlan(result: SummaryResult, source: ImportSource, language: Language, s: ImportStrings): SheetPlan {
  const customers = result.customers;
  if (customers === undefined) throw new Error("the result has no customer summary");
  const n = customers.ids.length;
  if (n === 0 || n > MAX_TABLE_ROWS) throw new Error(`${n} customers do not make a table`);
  const rows: CellSpec[][] = [CUSTOMER_COLUMNS.map((column) => text(s[column.header]))];
  for (let i = 0; i < n; i++) {
    const id = customers.ids[i];
    if (typeof id !== "string") throw new Error(`customer ${i + 1} has no id`);
    rows.push(CUSTOMER_COLUMNS.map((column) => ("key" in column ? numberCell((customers[column.key] as Float64Array)[i], `${column.name} of customer ${i + 1}`) : text(id))));
  }
  const lines = [
    ...sourceLines(result, source, language, s),
    s.noteWindow(source.windowDays === undefined ? "" : formatCount(source.windowDays, language)),
    s.notePeriod(String(source.periodDays ?? 7)),
    s.noteFormulas,
  ];
  withNote(rows, noteRows(lines, s), CUSTOMER_COLUMNS.length + 1);
  const last = columnLetters(CUSTOMER_COLUMNS.length - 1);
  return {
    name: s.customerSheet,
    rows,
    boldRows: [1],
    tables: [{ name: s.customerTable, address: `A1:${last}${n + 1}`, hasHeaders: true }],
    ...columnDecorations(CUSTOMER_COLUMNS, n),
  };
}

/** The per-month sheet: the month's first day (shown yyyy-mm), the dimension when there is one, orders, amount. */
export function periodSheetPlan(result: SummaryResult, source: ImportSource, language: Language, s: ImportStrings): SheetPlan {
  const periods: PeriodSummary | undefined = result.periods;
  if (periods === undefined) throw new Error("the result has no period summary");
  const n = periods.periodStart.length;
  if (n === 0 || n > MAX_TABLE_ROWS) throw new Error(`${n} periods do not make a table`);
  const dimension = source.dimension;
  const columns = [
    { header: s.hPeriod, format: MONTH_FORMAT, name: "Period" },
    ...(dimension === undefined ? [] : [{ header: dimensionName(dimension, s), name: "Dimension" }]),
    { header: s.hOrders, format: COUNT_FORMAT, name: "Orders" },
    { header: s.hAmount, format: AMOUNT_FORMAT, name: "Amount" },
  ];
  const rows: CellSpec[][] = [columns.map((column) => text(column.header))];
  for (let i = 0; i < n; i++) {
    const row: CellSpec[] = [numberCell(periods.periodStart[i], `period ${i + 1}`)];
    if (dimension !== undefined) {
      const value = periods.dimension[i];
      if (typeof value !== "string") throw new Error(`period row ${i + 1} has no ${dimension}`);
      row.push(text(value));
    }
    row.push(numberCell(periods.orders[i], `orders of period row ${i + 1}`), numberCell(periods.amount[i], `amount of period row ${i + 1}`));
    rows.push(row);
  }
  const lines = [...sourceLines(result, source, language, s), dimension === undefined ? s.noteMonthOnly : s.noteDimension(dimensionName(dimension, s))];
  withNote(rows, noteRows(lines, s), columns.length + 1);
  return {
    name: s.periodSheet,
    rows,
    boldRows: [1],
    tables: [{ name: s.periodTable, address: `A1:${columnLetters(columns.length - 1)}${n + 1}`, hasHeaders: true }],
    ...columnDecorations(columns, n),
  };
}

/** Rows a result would write past a sheet's capacity: the first summary that does not fit, or undefined. */
export function overCapacity(result: SummaryResult): { readonly what: "customers" | "periods"; readonly count: number } | undefined {
  const customers = result.customers?.ids.length ?? 0;
  if (customers > MAX_TABLE_ROWS) return { what: "customers", count: customers };
  const periods = result.periods?.periodStart.length ?? 0;
  if (periods > MAX_TABLE_ROWS) return { what: "periods", count: periods };
  return undefined;
}

/** The sheets a result writes, customers first. */
export function importPlans(result: SummaryResult, source: ImportSource, language: Language, s: ImportStrings): SheetPlan[] {
  const plans: SheetPlan[] = [];
  if (result.customers !== undefined && result.customers.ids.length > 0) plans.push(customerSheetPlan(result, source, language, s));
  if (result.periods !== undefined && result.periods.periodStart.length > 0) plans.push(periodSheetPlan(result, source, language, s));
  return plans;
}
