/**
 * The SQL that summarises an order file too big for Excel: run by DuckDB-wasm in the pane, by native DuckDB
 * in the tests, and written out for Spark SQL and Trino in docs/scale.md. Pure: this module only builds text.
 *
 * Three layers, run in this order by the engine:
 * 1. the **source**: the file as a relation whose columns are all VARCHAR and named c0, c1, … by their
 *    position in the file ({@link csvSource} for a CSV, {@link textColumnsSource} for a table inserted from
 *    Arrow, as Parquet files are);
 * 2. the **staging** ({@link stagingSql}, DuckDB-specific): one row per order, numbered by its line in the
 *    file, with the customer id, the order day and month as Excel serials and the amount as a double, read
 *    from the text by the same rules as the core's `serialFromText` and `numberFromText` — or the field that
 *    could not be read;
 * 3. the **summaries** ({@link customerSummarySql}, {@link periodSummarySql}, {@link rejectsSql}): plain
 *    aggregates over the staged rows, every result cast to DOUBLE or VARCHAR so that no BigInt, DECIMAL or
 *    DATE reaches JavaScript.
 *
 * Exactness (the sheet must equal RFM.TABLE and CLV.SUMMARY to the last bit): days are whole numbers and
 * periods the same IEEE divisions as in JavaScript; amounts are the same doubles (a decimal read once,
 * correctly rounded, on both sides); sums are Neumaier's compensated sums in file order, as `rfmTable` and
 * `clvSummary` compute them, when `sums` is "exact" (the default). DuckDB's own `sum` adds plainly and its
 * `fsum` is Kahan's (not Neumaier's) summation, so neither is bit-for-bit the core's; "exact" folds each
 * group's amounts in file order with `list_reduce`, which costs time (docs/scale.md). "plain" uses `sum`:
 * faster, and equal to the core's sum except for the last bits of some totals.
 *
 * File order within a group relies on DuckDB running on one thread (`SET threads = 1`; DuckDB-wasm's eh
 * bundle has one thread anyway): `list()` then appends rows in scan order (`list(… ORDER BY line)` would
 * guarantee it, at about six times the cost). A test checks the property on every run.
 */
import type { ColumnMapping, Delimiter, Dimension, FileSniff, SummaryRequest } from "./contract";
import { DIMENSIONS } from "./contract";
import { MAX_WINDOW_DAYS } from "../rfm/rfm-table";
import { DEFAULT_PERIOD_DAYS } from "../clv/clv-summary";

/** How sums of amounts are computed: Neumaier in file order (equal to the core's), or DuckDB's plain `sum`. */
export type SumMode = "exact" | "plain";

/** The names the statements use; the engine may choose others (e.g. one set per file). */
export interface SqlNames {
  /** The staged orders (a temporary table the engine creates from {@link stagingSql}). */
  readonly staged: string;
  /** DuckDB's CSV reject tables (`store_rejects`): the errors, and the scans they belong to. */
  readonly rejectErrors: string;
  readonly rejectScans: string;
}

export const DEFAULT_NAMES: SqlNames = { staged: "spx_orders", rejectErrors: "spx_reject_errors", rejectScans: "spx_reject_scans" };

/** Why a request cannot be turned into SQL (a programming error of the caller, worded for a developer). */
export class SummarySqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SummarySqlError";
  }
}

// --- Quoting ---------------------------------------------------------------------------------------------

/**
 * A SQL identifier, double-quoted: header names can hold anything (quotes, spaces, Chinese), and a quoted
 * name is never a keyword. NUL cannot be quoted and is refused.
 */
export function quoteIdentifier(name: string): string {
  if (name.includes("\0")) throw new SummarySqlError("An identifier cannot hold a NUL character.");
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal: single quotes doubled; backslashes are ordinary characters in standard SQL strings. */
export function quoteLiteral(text: string): string {
  if (text.includes("\0")) throw new SummarySqlError("A string literal cannot hold a NUL character.");
  return `'${text.replace(/'/g, "''")}'`;
}

/** The name of the source column at a 0-based position in the file. */
export function sourceColumn(index: number): string {
  return `c${index}`;
}

// --- Sources ---------------------------------------------------------------------------------------------

/**
 * DuckDB's CSV reader over a registered file, every column VARCHAR and named c0…, nothing auto-detected (the
 * sniff decided the delimiter and the header; the file is UTF-8, GB18030 being transcoded first). Rows the
 * reader cannot split into the sniffed number of columns, or with a quote left open, go to DuckDB's reject
 * tables with their line numbers (`store_rejects`) instead of failing the whole file. Drop those tables
 * first ({@link dropRejectTablesSql}): DuckDB appends to them.
 */
export function csvSource(path: string, sniff: Pick<FileSniff, "delimiter" | "hasHeader" | "headers">, names: SqlNames = DEFAULT_NAMES): string {
  const columns = sniff.headers.map((_, c) => `${quoteLiteral(sourceColumn(c))}: 'VARCHAR'`).join(", ");
  return (
    `read_csv(${quoteLiteral(path)}, auto_detect = false, header = ${sniff.hasHeader}, delim = ${quoteLiteral(sniff.delimiter satisfies Delimiter)}, ` +
    `quote = '"', escape = '"', columns = {${columns}}, store_rejects = true, ` +
    `rejects_table = ${quoteLiteral(names.rejectErrors)}, rejects_scan = ${quoteLiteral(names.rejectScans)})`
  );
}

/** Drops DuckDB's CSV reject tables left by an earlier read (they are appended to, never replaced). */
export function dropRejectTablesSql(names: SqlNames = DEFAULT_NAMES): string[] {
  return [`DROP TABLE IF EXISTS ${quoteIdentifier(names.rejectErrors)}`, `DROP TABLE IF EXISTS ${quoteIdentifier(names.rejectScans)}`];
}

/**
 * A table's columns as text named c0… in their order (for a table inserted from Arrow, as Parquet files are
 * read): typed columns become the text DuckDB writes for them — a DATE `2024-03-01`, a TIMESTAMP
 * `2024-03-01 10:30:00`, a DOUBLE its shortest round-trip digits — which the staging reads back to the same
 * day and the same double. A TIMESTAMP WITH TIME ZONE carries an offset and is rejected row by row.
 */
export function textColumnsSource(table: string, columnCount: number): string {
  if (!Number.isInteger(columnCount) || columnCount < 1) throw new SummarySqlError(`A table needs at least one column (got ${columnCount}).`);
  const aliases = Array.from({ length: columnCount }, (_, c) => sourceColumn(c)).join(", ");
  return `(SELECT CAST(COLUMNS(*) AS VARCHAR) FROM ${quoteIdentifier(table)}) AS spx_text(${aliases})`;
}

// --- Reading text in SQL, as the core reads it ------------------------------------------------------------

/** JavaScript's `\s` and `trim()` set (WhiteSpace and LineTerminator), as an RE2 class body. */
const WS = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";

/** Full-width forms U+FF01–U+FF5E and their ASCII letters, then U+3000 → space, ￥ → ¥, − → -: foldWidth's map. */
const WIDE = Array.from({ length: 0x5e }, (_, k) => String.fromCharCode(0xff01 + k)).join("") + "\u3000\uffe5\u2212";
const NARROW = Array.from({ length: 0x5e }, (_, k) => String.fromCharCode(0x21 + k)).join("") + " \u00a5-";

/** foldWidth in SQL: translate() only when the text holds a character to fold (translate is slow). */
function foldIfNeeded(x: string): string {
  return `CASE WHEN regexp_matches(${x}, '${FOLDED_CHARACTER}') THEN translate(${x}, ${quoteLiteral(WIDE)}, ${quoteLiteral(NARROW)}) ELSE ${x} END`;
}

/** JavaScript's trim() in SQL. */
function trimSql(x: string): string {
  return `regexp_replace(${x}, '^[${WS}]+|[${WS}]+$', '', 'g')`;
}

/** A character foldWidth changes (full-width forms, the ideographic space, ￥, −), as an RE2 class. */
const FOLDED_CHARACTER = "[\\x{FF01}-\\x{FF5E}\\x{3000}\\x{FFE5}\\x{2212}]";
/** Code points of JavaScript's white space (a blank id starts with one of them). */
const WS_CODES = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, ...Array.from({ length: 11 }, (_, k) => 0x2000 + k), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];

/** numberFromText's plain decimal (its PLAIN pattern): read by a cast, without the grammar. */
const PLAIN = "^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?$";
/**
 * The other shapes order exports write (`¥1,234.56`, `-1234.56元`): a sign, ¥, digits grouped by commas in
 * threes, decimals, 元 — the grammar reads them as the same decimal, so dropping ¥, commas and 元 and casting
 * gives the same double, without folding, trimming or capturing.
 */
const MARKED = "^[+-]?¥?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?元?$";
/**
 * numberFromText's GRAMMAR (case-insensitive), with `\s` spelled as JavaScript's class. Groups: open, sign1,
 * currency, sign2, whole, fraction, exponent, percent, magnitude, unit, close.
 */
const GRAMMAR =
  `(?i)^(\\()?[${WS}]*([+-])?[${WS}]*(?:([¥$€£]|RMB|CNY|人民币)[${WS}]*)?([+-])?[${WS}]*(\\d{1,3}(?:,\\d{3})+|\\d*)(?:\\.(\\d*))?(?:e([+-]?\\d+))?` +
  `[${WS}]*(?:(%)|(万|亿)?[${WS}]*(元|RMB|CNY)?)[${WS}]*(\\))?$`;
const GRAMMAR_GROUPS = ["open", "sign1", "currency", "sign2", "whole", "fraction", "exponent", "percent", "magnitude", "unit", "close"];

/**
 * The date form most exports write, yyyy-mm-dd with an optional hh:mm[:ss], all digits in place: read from
 * fixed positions, without folding, trimming or capturing (a tenth of the general path's time). Every text
 * it matches is read by the general path to the same day.
 */
const ISO_DATE = "\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2})?)?";
/** yyyy/m/d alone, the other form exports write: its day comes from DuckDB's date cast ({@link stagingSql}). */
const SLASH_DATE = "\\d{4}/\\d{1,2}/\\d{1,2}";
/** A time after the day: hh:mm[:ss[.fff]]. */
const TIME = (prefix: string) => `(?P<${prefix}h>\\d{1,2}):(?P<${prefix}mi>\\d{2})(?::(?P<${prefix}s>\\d{2}(?:\\.\\d+)?))?`;
/**
 * serialFromText's forms in one expression (one pass per row): yyyymmdd; yyyy-m-d, yyyy/m/d or yyyy.m.d (one
 * separator throughout: RE2 has no back-references, hence three alternatives), then optionally a time after
 * white space or "T"; yyyy年m月d日 (or 号), then optionally a time, directly or after white space or "T".
 */
const ANY_DATE =
  `^(?:(?P<cy>\\d{4})(?P<cm>\\d{2})(?P<cd>\\d{2})` +
  `|(?P<wy>\\d{4})(?:-(?P<m1>\\d{1,2})-(?P<d1>\\d{1,2})|/(?P<m2>\\d{1,2})/(?P<d2>\\d{1,2})|\\.(?P<m3>\\d{1,2})\\.(?P<d3>\\d{1,2}))(?:(?:[${WS}]+|T)${TIME("w")})?` +
  `|(?P<zy>\\d{4})[${WS}]*年[${WS}]*(?P<zm>\\d{1,2})[${WS}]*月[${WS}]*(?P<zd>\\d{1,2})[${WS}]*[日号](?:(?:[${WS}]+|T)?${TIME("z")})?)$`;
const ANY_DATE_GROUPS = ["cy", "cm", "cd", "wy", "m1", "d1", "m2", "d2", "m3", "d3", "wh", "wmi", "ws", "zy", "zm", "zd", "zh", "zmi", "zs"];

/** The regexp_extract of `pattern` with named groups: a STRUCT of texts, "" for a group that took no part. */
function extract(text: string, pattern: string, groups: readonly string[]): string {
  return `regexp_extract(${text}, ${quoteLiteral(pattern)}, [${groups.map(quoteLiteral).join(", ")}])`;
}

/**
 * Whether year/month/day (INTEGER expressions) is a day serialFromYmd accepts: 1900–9999, a month, a day the
 * month has (1900-02-29 included: Excel's fictitious leap day).
 */
function validYmdSql(y: string, m: string, d: string): string {
  const leap = `(${y} % 4 = 0 AND (${y} % 100 <> 0 OR ${y} % 400 = 0 OR ${y} = 1900))`;
  const monthDays = `CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return `(${y} BETWEEN 1900 AND 9999 AND ${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${monthDays})`;
}

/**
 * The Excel serial from a valid year/month/day and its plain day count from 1899-12-30 (`count`, NULL for
 * 1900-02-29, which the calendar lacks): serials before 1900-03-01 are one day off a plain count, and the
 * fictitious 1900-02-29 is 60 — as serialFromYmd.
 */
function serialSql(m: string, d: string, count: string): string {
  return `CASE WHEN ${m} = 2 AND ${d} = 29 AND ${count} IS NULL THEN 60 WHEN ${count} <= 60 THEN ${count} - 1 ELSE ${count} END`;
}

/**
 * The staging query: one row per data row of the source, in file order.
 *
 * Columns: `line` (BIGINT: the row's number in the file, the header being line 1 — see {@link rejectsSql}
 * for rows DuckDB's reader rejected), `customer_id`, `order_day` and `order_month` (INTEGER Excel serials of
 * the day and of the 1st of its month), `amount` (DOUBLE), one VARCHAR per mapped dimension
 * (`dim_person`, …; a missing value is ""), and `problem` — NULL for a row that reads, else the first field
 * that does not ("customer", "date", "amount") — with `problem_text`, that field's text cut to 80 characters.
 *
 * Reading, as the core does: the id is the text as written (an empty or blank id is a problem); the date is
 * `dayFromText` (full-width folded, trimmed; yyyy-m-d, yyyy/m/d, yyyy.m.d, yyyy年m月d日 or 号, yyyymmdd; a time
 * after it checked and dropped; nonexistent days and years outside 1900–9999 are problems; plain numbers
 * such as 45352 are not read as serials); the amount is `numberFromText`, and a value beyond the double
 * range is a problem.
 *
 * @param source the source relation's SQL (columns c0… as VARCHAR), e.g. {@link csvSource}
 * @param headerLines lines before the first data row (1 with a header row, else 0)
 */
export function stagingSql(source: string, mapping: ColumnMapping, headerLines: number, columnCount: number): string {
  checkMapping(mapping, columnCount);
  const col = (index: number) => quoteIdentifier(sourceColumn(index));
  const dims = DIMENSIONS.filter((dim) => mapping.dimensions[dim] !== undefined);
  const dimColumns = dims.map((dim) => `, coalesce(${col(mapping.dimensions[dim] as number)}, '') AS ${dimensionColumn(dim)}`).join("");
  const dimPass = dims.map((dim) => `, ${dimensionColumn(dim)}`).join("");

  // Layer by layer, so that each expression runs once per row. The forms exports write (an ISO date,
  // yyyy/m/d, a plain decimal, -¥1,234.56, 1234.56元) take fast paths on the raw text; only the others are
  // folded, trimmed and captured — CASE evaluates a branch for the rows that take it only.
  const read = `SELECT row_number() OVER () + ${headerLines} AS line, ${col(mapping.customer)} AS raw_customer, ${col(mapping.date)} AS raw_date, ${col(mapping.amount)} AS raw_amount${dimColumns} FROM ${source}`;
  const fast =
    `SELECT *, coalesce(regexp_full_match(raw_date, ${quoteLiteral(ISO_DATE)}), false) AS date_iso, ` +
    `coalesce(regexp_full_match(raw_amount, ${quoteLiteral(PLAIN)}), false) AS amount_plain FROM spx_read`;
  const marked =
    `SELECT *, CASE WHEN date_iso THEN false ELSE coalesce(regexp_full_match(raw_date, ${quoteLiteral(SLASH_DATE)}), false) END AS date_slash, ` +
    `CASE WHEN amount_plain THEN false ELSE coalesce(regexp_full_match(raw_amount, ${quoteLiteral(MARKED)}), false) END AS amount_marked FROM spx_fast0`;
  // The day of an ISO or yyyy/m/d date from DuckDB's cast, which checks the calendar as serialFromYmd does
  // from 1900-03-01 on (the same year, month and day, so the same day count). A day it refuses (2023-02-29,
  // Excel's 1900-02-29) or an earlier one takes the general path, which reads or rejects it as the core does.
  const cast =
    `SELECT *, coalesce(date_cast >= DATE '1900-03-01', false) AS date_quick FROM ` +
    `(SELECT *, TRY_CAST(CASE WHEN date_iso THEN left(raw_date, 10) WHEN date_slash THEN raw_date END AS DATE) AS date_cast FROM spx_fast)`;
  const folded =
    `SELECT *, CASE WHEN NOT (date_iso OR date_quick) THEN ${foldIfNeeded("raw_date")} END AS date_folded, CASE WHEN NOT (amount_plain OR amount_marked) THEN ${foldIfNeeded("raw_amount")} END AS amount_folded FROM spx_cast`;
  const trimmed = `SELECT *, ${trimSql("date_folded")} AS date_text, ${trimSql("amount_folded")} AS amount_text FROM spx_folded`;
  const matched =
    `SELECT *, CASE WHEN date_text IS NOT NULL THEN ${extract("date_text", ANY_DATE, ANY_DATE_GROUPS)} END AS dm, ` +
    `CASE WHEN amount_text IS NOT NULL THEN ${extract("amount_text", GRAMMAR, GRAMMAR_GROUPS)} END AS am FROM spx_trimmed`;
  // The date's parts: at fixed places for an ISO date, else from whichever form matched ("" when none).
  const either = (...groups: string[]) => `coalesce(${groups.map((g) => `nullif(dm.${g}, '')`).join(", ")})`;
  const isoPart = (from: number, length: number, minimum = 0) =>
    minimum === 0 ? `substr(raw_date, ${from}, ${length})` : `CASE WHEN length(raw_date) > ${minimum} THEN substr(raw_date, ${from}, ${length}) END`;
  const part = (iso: string, general: string, type = "INTEGER") => `TRY_CAST(CASE WHEN date_iso THEN ${iso} ELSE ${general} END AS ${type})`;
  // A cast day needs no year and month; its day of the month gives the month's 1st.
  const ymd = (iso: string, general: string) => `CASE WHEN NOT date_quick THEN ${part(iso, general)} END`;
  const parts =
    `SELECT *, ${ymd(isoPart(1, 4), either("cy", "wy", "zy"))} AS yy, ${ymd(isoPart(6, 2), either("cm", "m1", "m2", "m3", "zm"))} AS mm, ` +
    `CASE WHEN date_quick THEN CAST(day(date_cast) AS INTEGER) ELSE ${part(isoPart(9, 2), either("cd", "d1", "d2", "d3", "zd"))} END AS dd, ${part(isoPart(12, 2, 10), either("wh", "zh"))} AS hh, ` +
    `${part(isoPart(15, 2, 10), either("wmi", "zmi"))} AS mi, ${part(isoPart(18, 2, 16), either("ws", "zs"), "DOUBLE")} AS ss FROM spx_matched`;
  const counted =
    `SELECT *, date_quick OR ${validYmdSql("yy", "mm", "dd")} AS ymd_valid, CASE WHEN date_quick THEN CAST(date_cast - DATE '1899-12-30' AS INTEGER) ` +
    `WHEN ${validYmdSql("yy", "mm", "dd")} AND NOT (yy = 1900 AND mm = 2 AND dd = 29) ` +
    `THEN CAST(date_diff('day', DATE '1899-12-30', make_date(yy, mm, dd)) AS INTEGER) END AS day_count FROM spx_parts`;
  const days =
    `SELECT *, CASE WHEN ymd_valid THEN ${serialSql("mm", "dd", "day_count")} END AS day0, ` +
    `CASE WHEN hh IS NULL THEN 0.0 WHEN hh <= 23 AND mi <= 59 AND coalesce(ss, 0.0) < 60.0 THEN (CAST(hh * 3600 AS DOUBLE) + CAST(mi * 60 AS DOUBLE) + coalesce(ss, 0.0)) / 86400.0 END AS time_fraction ` +
    `FROM spx_counted`;
  const amount = amountSql();
  // The serial's day: serialFromText adds the time as a fraction and dayFromText floors it, which can round
  // up to the next day a moment before midnight (23:59:59.9999999); the same double arithmetic here.
  const values =
    `SELECT *, CASE WHEN hh IS NULL THEN day0 ELSE CAST(floor(CAST(day0 AS DOUBLE) + time_fraction) AS INTEGER) END AS day1, ${amount} AS amount1 FROM spx_days`;
  // Blank: empty, or white space only (checked by a regular expression only when it starts with a space).
  const blank = (x: string) => `(${x} IS NULL OR ${x} = '' OR (unicode(${x}) IN (${WS_CODES.join(", ")}) AND regexp_full_match(${x}, '[${WS}]*')))`;
  const problem =
    `CASE WHEN ${blank("raw_customer")} THEN 'customer' WHEN day1 IS NULL THEN 'date' WHEN amount1 IS NULL OR NOT isfinite(amount1) THEN 'amount' END`;
  const staged =
    `SELECT line, raw_customer AS customer_id, day1 AS order_day, CASE WHEN day1 = day0 THEN day0 - dd + 1 ELSE ${monthOfSerialSql("day1")} END AS order_month, ` +
    `amount1 AS amount${dimPass}, problem, CASE problem WHEN 'customer' THEN left(coalesce(raw_customer, ''), 80) WHEN 'date' THEN left(coalesce(raw_date, ''), 80) ` +
    `WHEN 'amount' THEN left(coalesce(raw_amount, ''), 80) END AS problem_text FROM (SELECT *, ${problem} AS problem FROM spx_values)`;
  return (
    `WITH spx_read AS (${read}), spx_fast0 AS (${fast}), spx_fast AS (${marked}), spx_cast AS (${cast}), spx_folded AS (${folded}), spx_trimmed AS (${trimmed}), spx_matched AS (${matched}), ` +
    `spx_parts AS (${parts}), spx_counted AS (${counted}), spx_days AS (${days}), spx_values AS (${values}) ${staged}`
  );
}

/**
 * The serial of the 1st of the month of a serial, through DuckDB's calendar, Excel's serials before
 * 1900-03-01 set apart. Needed only for the rare day a time of day rounds into the next (23:59:59.9999999),
 * possibly in the next month; otherwise the 1st is day − (day of month − 1), which holds across Excel's
 * fictitious 1900-02-29 too (serials 32–60 are February 1900).
 */
function monthOfSerialSql(day: string): string {
  const date = `(DATE '1899-12-30' + ${day})`;
  return `CASE WHEN ${day} < 61 THEN (CASE WHEN ${day} < 32 THEN 1 ELSE 32 END) ELSE CAST(date_diff('day', DATE '1899-12-30', date_trunc('month', ${date})) AS INTEGER) END`;
}

/**
 * numberFromText in SQL: a plain decimal is cast directly (DuckDB's cast, like JavaScript's Number, rounds a
 * decimal to the nearest double); otherwise the grammar's parts give the digits and the decimal exponent
 * (magnitude 万/亿 and percent moving the point), and the decimal `digits e exponent` is cast once — the
 * same correctly rounded double numberFromText gives. NULL when the text is not a number.
 */
function amountSql(): string {
  const plain = `TRY_CAST(raw_amount AS DOUBLE) + 0.0`; // + 0.0: -0 reads as 0, as Number(text) + 0 does
  const g = (name: string) => `am.${name}`;
  const has = (name: string) => `${g(name)} <> ''`;
  const digits = `replace(${g("whole")}, ',', '') || ${g("fraction")}`;
  const exponent =
    `coalesce(TRY_CAST(nullif(${g("exponent")}, '') AS BIGINT), 0) - length(${g("fraction")}) ` +
    `+ CASE ${g("magnitude")} WHEN '万' THEN 4 WHEN '亿' THEN 8 ELSE 0 END - CASE WHEN ${has("percent")} THEN 2 ELSE 0 END`;
  const negative = `(${has("open")} OR ${g("sign1")} = '-' OR ${g("sign2")} = '-')`;
  const valid =
    `am.whole IS NOT NULL AND (${has("whole")} OR ${has("fraction")}) AND (${has("open")}) = (${has("close")}) AND NOT (${has("sign1")} AND ${has("sign2")}) ` +
    `AND NOT (${has("open")} AND (${has("sign1")} OR ${has("sign2")})) AND NOT (${has("percent")} AND (${has("currency")} OR ${has("magnitude")} OR ${has("unit")}))`;
  // decimalValue: all-zero digits are 0 whatever the sign.
  const grammar =
    `CASE WHEN ${valid} THEN (CASE WHEN ltrim(${digits}, '0') = '' THEN 0.0 ` +
    `ELSE TRY_CAST((CASE WHEN ${negative} THEN '-' ELSE '' END) || ${digits} || 'e' || CAST(${exponent} AS VARCHAR) AS DOUBLE) + 0.0 END) END`;
  const marked = `TRY_CAST(replace(replace(replace(raw_amount, ',', ''), '¥', ''), '元', '') AS DOUBLE) + 0.0`;
  return `CASE WHEN amount_plain THEN ${plain} WHEN amount_marked THEN ${marked} ELSE ${grammar} END`;
}

/** The staged column of a dimension. */
export function dimensionColumn(dimension: Dimension): string {
  return `dim_${dimension}`;
}

function checkMapping(mapping: ColumnMapping, columnCount: number): void {
  const check = (role: string, index: number | undefined) => {
    if (index === undefined) return;
    if (!Number.isInteger(index) || index < 0 || index >= columnCount) {
      throw new SummarySqlError(`The ${role} column is ${index}, but the file has columns 0 to ${columnCount - 1}.`);
    }
  };
  check("customer", mapping.customer);
  check("date", mapping.date);
  check("amount", mapping.amount);
  for (const dim of DIMENSIONS) check(dim, mapping.dimensions[dim]);
}

/** `CREATE OR REPLACE TEMP TABLE <staged> AS <staging>`: the file is read once, every summary reads the table. */
export function createStagedSql(staging: string, names: SqlNames = DEFAULT_NAMES): string {
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(names.staged)} AS ${staging}`;
}

// --- Summaries ---------------------------------------------------------------------------------------------

/**
 * The analysis day when the request gives none: the latest day among the rows that read (a DOUBLE, NULL when
 * no row reads). With a request's date, its day is `Math.floor(analysisDate)` and this query is not needed.
 */
export function latestDaySql(names: SqlNames = DEFAULT_NAMES): string {
  return `SELECT CAST(max(order_day) AS DOUBLE) AS latest_day, CAST(count(*) AS DOUBLE) AS rows FROM ${quoteIdentifier(names.staged)} WHERE problem IS NULL`;
}

/** Rows that count: read, and not after the analysis day (those are rejected rows, see {@link rejectsSql}). */
function countedRows(names: SqlNames, analysisDay: number): string {
  return `SELECT * FROM ${quoteIdentifier(names.staged)} WHERE problem IS NULL AND order_day <= ${wholeNumber(analysisDay, "analysis day")}`;
}

/**
 * Neumaier's compensated sum of a list of {@link AMOUNT_ELEMENT}s in list order, as compensatedSum and
 * rfmTable compute it: the low-order bits each addition loses are kept, to be added back at the end
 * ({@link foldedSql}). Starting from 0 is the same as starting from the first amount (0 + a = a exactly).
 *
 * list_reduce's accumulator must have the elements' type, STRUCT(a DOUBLE, b DOUBLE): in the elements a is
 * the amount and b the order day; in the accumulator a is the running sum and b the compensation. (A third
 * field for the compensation would make every element a third larger, and list() about twice as slow.)
 */
function neumaierSql(list: string): string {
  const step =
    `lambda acc, x: {a: acc.a + x.a, b: acc.b + CASE WHEN abs(acc.a) >= abs(x.a) THEN (acc.a - (acc.a + x.a)) + x.a ELSE (x.a - (acc.a + x.a)) + acc.a END}`;
  return `list_reduce(${list}, ${step}, {a: CAST(0 AS DOUBLE), b: CAST(0 AS DOUBLE)})`;
}

/**
 * The value of a fold {@link neumaierSql} left in a column: the sum plus its compensation. The fold is kept
 * in a column of its own layer so that it runs once (DuckDB would evaluate a repeated expression twice).
 */
function foldedSql(column: string): string {
  return `(${column}.a + ${column}.b)`;
}

/** The list element {@link neumaierSql} folds: the amount and the order day (a whole number as a DOUBLE). */
const AMOUNT_ELEMENT = "{a: amount, b: CAST(order_day AS DOUBLE)}";

/**
 * One row per customer, in order of first appearance in the file: the columns of {@link CustomerSummary}
 * (engine-contract.ts) — id, first_order, last_order, orders, amount, window_orders, window_amount,
 * recency_days, clv_frequency, clv_recency, clv_t, clv_monetary — all DOUBLE but the id (VARCHAR).
 *
 * RFM.TABLE's conventions: recency = analysis day − last order day; window orders and amount count the
 * orders with day > analysis day − window (all orders without a window). CLV.SUMMARY's: purchase days are
 * distinct order days; frequency = days − 1; recency and T in periods (days / period, one IEEE division);
 * monetary value = the repeat days' amounts (every order not on the first day) summed, / frequency; 0
 * without repeat days.
 */
export function customerSummarySql(request: Pick<SummaryRequest, "windowDays" | "periodDays">, analysisDay: number, sums: SumMode = "exact", names: SqlNames = DEFAULT_NAMES): string {
  const day = wholeNumber(analysisDay, "analysis day");
  if (request.windowDays !== undefined && !(Number.isInteger(request.windowDays) && request.windowDays >= 1 && request.windowDays <= MAX_WINDOW_DAYS)) {
    throw new SummarySqlError(`The window is ${request.windowDays} days; RFM.TABLE takes a whole number from 1 to ${MAX_WINDOW_DAYS}.`);
  }
  const windowStart = request.windowDays === undefined ? undefined : day - request.windowDays;
  const period = request.periodDays ?? DEFAULT_PERIOD_DAYS;
  if (!(Number.isFinite(period) && period > 0)) throw new SummarySqlError(`The period is ${period} days; it must be a positive number.`);
  const inWindow = windowStart === undefined ? "TRUE" : `order_day > ${windowStart}`;
  const p = doubleLiteral(period);

  const exact = sums === "exact";
  // Plain sums always: Neumaier's sum of one or two amounts is their plain sum (a + b rounded, the lost bits
  // e = a + b − fl(a + b) added back give fl(a + b) again), so the lists are folded for 3 amounts or more
  // only — most customers of a shop have one or two orders. arg_max gives the later day's amount of a
  // customer with two orders on two days: its repeat spend.
  const aggregates =
    `sum(amount) AS amount_sum, sum(amount) FILTER (WHERE ${inWindow}) AS window_sum` +
    (exact ? `, arg_max(amount, order_day) AS last_amount, list(${AMOUNT_ELEMENT}) AS amounts` : "");
  const grouped =
    `SELECT customer_id, min(line) AS first_line, min(order_day) AS first_day, max(order_day) AS last_day, count(*) AS orders, ` +
    `count(*) FILTER (WHERE ${inWindow}) AS window_orders, ${exact ? "" : "count(DISTINCT order_day) AS days, "}${aggregates} ` +
    `FROM (${countedRows(names, analysisDay)}) GROUP BY customer_id`;
  // Each fold runs once, in its own layer, and only where a plain sum would not do: three amounts or more;
  // the window's amounts are all the customer's when every order lies inside it.
  const windowFold = windowStart === undefined ? "" : `, CASE WHEN window_orders > 2 AND window_orders < orders THEN ${neumaierSql(`list_filter(amounts, lambda x: x.b > ${windowStart})`)} END AS fold_window`;
  // Purchase days: counted from the list (count(DISTINCT) in the aggregate costs more), and without it for
  // one or two orders.
  const days =
    `SELECT *, CASE WHEN first_day = last_day THEN 1 WHEN orders = 2 THEN 2 ELSE len(list_distinct(list_transform(amounts, lambda x: x.b))) END AS days FROM spx_customers`;
  const folds =
    `SELECT *, CASE WHEN orders > 2 THEN ${neumaierSql("amounts")} END AS fold_all${windowFold}, ` +
    `CASE WHEN orders > 2 AND days > 1 THEN ${neumaierSql("list_filter(amounts, lambda x: x.b <> first_day)")} END AS fold_repeat FROM spx_days`;
  const amountAll = exact ? `CASE WHEN orders <= 2 THEN amount_sum ELSE ${foldedSql("fold_all")} END` : "amount_sum";
  const amountWindow = !exact
    ? "coalesce(window_sum, 0)"
    : windowStart === undefined
      ? amountAll
      : `CASE WHEN window_orders <= 2 THEN coalesce(window_sum, 0) WHEN window_orders = orders THEN ${foldedSql("fold_all")} ELSE ${foldedSql("fold_window")} END`;
  const repeatSum = exact ? `CASE WHEN orders <= 2 THEN last_amount ELSE ${foldedSql("fold_repeat")} END` : "repeat_sum";
  const customers = exact ? `spx_folds` : `(SELECT g.*, r.repeat_sum FROM spx_customers g LEFT JOIN spx_repeat r USING (customer_id))`;
  const more = exact
    ? `, spx_days AS (${days}), spx_folds AS (${folds})`
    : `, spx_repeat AS (SELECT o.customer_id, sum(o.amount) AS repeat_sum FROM (${countedRows(names, analysisDay)}) o JOIN spx_customers g ON o.customer_id = g.customer_id AND o.order_day <> g.first_day GROUP BY o.customer_id)`;
  return (
    `WITH spx_customers AS (${grouped})${more} SELECT CAST(customer_id AS VARCHAR) AS id, CAST(first_day AS DOUBLE) AS first_order, CAST(last_day AS DOUBLE) AS last_order, ` +
    `CAST(orders AS DOUBLE) AS orders, CAST(${amountAll} AS DOUBLE) AS amount, CAST(window_orders AS DOUBLE) AS window_orders, CAST(${amountWindow} AS DOUBLE) AS window_amount, ` +
    `CAST(${day} - last_day AS DOUBLE) AS recency_days, CAST(days - 1 AS DOUBLE) AS clv_frequency, CAST(last_day - first_day AS DOUBLE) / ${p} AS clv_recency, ` +
    `CAST(${day} - first_day AS DOUBLE) / ${p} AS clv_t, CASE WHEN days > 1 THEN CAST(${repeatSum} AS DOUBLE) / CAST(days - 1 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END AS clv_monetary ` +
    `FROM ${customers} ORDER BY first_line`
  );
}

/**
 * One row per month × dimension value (the Progress wizard's actuals), months in order and values in order
 * of first appearance within a month: period_start (the serial of the 1st), dimension ("" without one),
 * orders and amount — DOUBLE but the dimension (VARCHAR).
 */
export function periodSummarySql(request: Pick<SummaryRequest, "periods">, analysisDay: number, sums: SumMode = "exact", names: SqlNames = DEFAULT_NAMES): string {
  const dimension = request.periods?.dimension;
  const value = dimension === undefined ? "''" : dimensionColumn(dimension);
  const exact = sums === "exact";
  const grouped =
    `SELECT order_month, ${value} AS dimension, min(line) AS first_line, count(*) AS orders, sum(amount) AS amount_sum` +
    (exact ? `, list(${AMOUNT_ELEMENT}) AS amounts` : "") +
    ` FROM (${countedRows(names, analysisDay)}) GROUP BY order_month, ${value}`;
  const amount = exact ? `CASE WHEN orders <= 2 THEN amount_sum ELSE ${foldedSql("fold")} END` : "amount_sum";
  return (
    `WITH spx_periods AS (${grouped}), spx_folds AS (SELECT *${exact ? `, CASE WHEN orders > 2 THEN ${neumaierSql("amounts")} END AS fold` : ""} FROM spx_periods) ` +
    `SELECT CAST(order_month AS DOUBLE) AS period_start, CAST(dimension AS VARCHAR) AS dimension, CAST(orders AS DOUBLE) AS orders, CAST(${amount} AS DOUBLE) AS amount ` +
    `FROM spx_folds ORDER BY order_month, first_line`
  );
}

/**
 * The rejected rows: `count` gives `rejected` (DOUBLE) and `data_rows` (every data row the file holds,
 * rejected ones included); `first` lists the first `limit` in file order as line (DOUBLE), field (VARCHAR:
 * customer, date, amount, or row for a row DuckDB's CSV reader could not split) and text (at most 80
 * characters).
 *
 * Rejected: a row whose customer, date or amount does not read; a row dated after the analysis day (field
 * date: RFM.TABLE would refuse the whole range, the import counts and lists it); a row the CSV reader
 * rejected (a wrong number of columns, a quote left open), from DuckDB's reject table when `readerRejects`.
 *
 * Line numbers: DuckDB numbers the lines it rejects itself, counting the header and blank lines. The staged
 * rows are numbered by `row_number()` (a streaming window in DuckDB, in scan order), which skips the rows
 * the reader rejected; each listed row's number is moved past the reader's rejected lines before it, so both
 * kinds agree. A record whose quoted field holds a line break counts as one line, as it does for DuckDB; a
 * blank line inside the data is not counted for the staged rows after it (text editors would count it).
 */
export function rejectsSql(analysisDay: number, readerRejects: boolean, limit = 5, names: SqlNames = DEFAULT_NAMES): { readonly count: string; readonly first: string } {
  const day = wholeNumber(analysisDay, "analysis day");
  if (!Number.isInteger(limit) || limit < 0) throw new SummarySqlError(`The limit is ${limit}; it must be a whole number ≥ 0.`);
  const staged = quoteIdentifier(names.staged);
  const isRejected = `(problem IS NOT NULL OR order_day > ${day})`;
  // A row after the analysis day read well: the staging keeps its day, not its text (10 million date texts
  // would double the table), so it is listed with the day as an ISO date.
  const stagedFirst =
    `SELECT line, coalesce(problem, 'date') AS field, coalesce(problem_text, strftime(DATE '1899-12-30' + order_day, '%Y-%m-%d')) AS text FROM ${staged} WHERE ${isRejected}`;
  if (!readerRejects) {
    return {
      count: `SELECT CAST(count(*) FILTER (WHERE ${isRejected}) AS DOUBLE) AS rejected, CAST(count(*) AS DOUBLE) AS data_rows FROM ${staged}`,
      first: `SELECT CAST(line AS DOUBLE) AS line, field, text FROM (${stagedFirst}) ORDER BY line LIMIT ${limit}`,
    };
  }
  const errors = quoteIdentifier(names.rejectErrors);
  // One row per rejected line (DuckDB may report several errors for one line).
  // In a file with CRLF line breaks DuckDB's csv_line keeps the LF before the line: trimmed off.
  const reader = `SELECT line, 'row' AS field, left(trim(coalesce(any_value(csv_line ORDER BY byte_position), ''), chr(13) || chr(10)), 80) AS text FROM ${errors} GROUP BY line`;
  const readerCount = `(SELECT count(DISTINCT line) FROM ${errors})`;
  // A staged row numbered n (header lines included) lies after every reader-rejected line L_j whose rank j
  // among them satisfies L_j − j < n: its line is n plus their number.
  const shifted =
    `SELECT s.line + (SELECT count(*) FROM (SELECT line - row_number() OVER (ORDER BY line) AS gap FROM (SELECT DISTINCT line FROM ${errors})) r WHERE r.gap < s.line) AS line, s.field, s.text ` +
    `FROM (SELECT * FROM (${stagedFirst}) ORDER BY line LIMIT ${limit}) s`;
  return {
    count: `SELECT CAST(count(*) FILTER (WHERE ${isRejected}) + ${readerCount} AS DOUBLE) AS rejected, CAST(count(*) + ${readerCount} AS DOUBLE) AS data_rows FROM ${staged}`,
    first: `SELECT CAST(line AS DOUBLE) AS line, field, text FROM (${shifted} UNION ALL ${reader}) ORDER BY line LIMIT ${limit}`,
  };
}

/** A whole number for a SQL literal (days, windows): anything else is a caller's mistake. */
function wholeNumber(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new SummarySqlError(`The ${what} must be a whole number (got ${value}).`);
  return value;
}

/** A double as a SQL literal that DuckDB reads back to the same double (shortest round-trip digits). */
function doubleLiteral(value: number): string {
  return `CAST(${quoteLiteral(String(value))} AS DOUBLE)`;
}

// --- The whole run ------------------------------------------------------------------------------------------

/** Where the orders come from: a CSV file DuckDB reads (registered under `path`), or a table already loaded. */
export type SummarySource =
  | { readonly kind: "csv"; readonly path: string; readonly sniff: Pick<FileSniff, "delimiter" | "hasHeader" | "headers"> }
  | { readonly kind: "table"; readonly table: string; readonly columnCount: number };

/** The statements of one summary, in the order the engine runs them. */
export interface SummaryPlan {
  /** Session settings (one thread: file order within groups) and the reject tables of an earlier read dropped. */
  readonly setup: readonly string[];
  /** Reads the file once into the staged table: the long step. */
  readonly stage: string;
  /** One row: latest_day (the analysis day when the request gives none; NULL when no row reads) and rows. */
  readonly latestDay: string;
  /** The analysis day of the request (floor of its date), or undefined: run {@link latestDay}. */
  readonly requestedDay: number | undefined;
  /** The per-customer summary, when the request asks for it. */
  customers(analysisDay: number): string | undefined;
  /** The period summary, when the request asks for it. */
  periods(analysisDay: number): string | undefined;
  rejects(analysisDay: number): { readonly count: string; readonly first: string };
  /** Frees the staged rows and the reject tables. */
  readonly cleanup: readonly string[];
}

/** Columns in the source: the sniffed headers of a CSV, the table's count otherwise. */
function columnCountOf(source: SummarySource): number {
  return source.kind === "csv" ? source.sniff.headers.length : source.columnCount;
}

/**
 * Every statement a summary needs, checked against the source's columns (a mapping to a column the file
 * does not have throws {@link SummarySqlError} before anything runs).
 */
export function summaryPlan(source: SummarySource, request: SummaryRequest, options: { readonly sums?: SumMode; readonly names?: SqlNames; readonly listedRejects?: number } = {}): SummaryPlan {
  const sums = options.sums ?? "exact";
  const names = options.names ?? DEFAULT_NAMES;
  const csv = source.kind === "csv";
  const relation = csv ? csvSource(source.path, source.sniff, names) : textColumnsSource(source.table, source.columnCount);
  const headerLines = csv && source.sniff.hasHeader ? 1 : 0;
  const staging = stagingSql(relation, request.mapping, headerLines, columnCountOf(source));
  if (request.analysisDate !== undefined && !Number.isFinite(request.analysisDate)) throw new SummarySqlError(`The analysis date must be a number (got ${request.analysisDate}).`);
  if (request.customers) customerSummarySql(request, 0, sums, names); // checks the window and the period now
  const dimension = request.periods?.dimension;
  if (dimension !== undefined && request.mapping.dimensions[dimension] === undefined) {
    throw new SummarySqlError(`The period summary is by ${dimension}, but no column is mapped to it.`);
  }
  return {
    setup: ["SET threads = 1", "SET preserve_insertion_order = true", ...(csv ? dropRejectTablesSql(names) : [])],
    stage: createStagedSql(staging, names),
    latestDay: latestDaySql(names),
    requestedDay: request.analysisDate === undefined ? undefined : Math.floor(request.analysisDate),
    customers: (day) => (request.customers ? customerSummarySql(request, day, sums, names) : undefined),
    periods: (day) => (request.periods === undefined ? undefined : periodSummarySql(request, day, sums, names)),
    rejects: (day) => rejectsSql(day, csv, options.listedRejects ?? 5, names),
    cleanup: [`DROP TABLE IF EXISTS ${quoteIdentifier(names.staged)}`, ...(csv ? dropRejectTablesSql(names) : [])],
  };
}
