/**
 * What the first bytes of an order file say, read in plain TypeScript before any WebAssembly is loaded: the
 * encoding (UTF-8 or GB18030, which Chinese Excel and WPS write by default), the delimiter, whether the first
 * row is a header, the first rows as text and what each column holds. The pane shows this as the preview and
 * the column mapping; the engine reads the whole file with the same settings.
 *
 * Pure: only the language and TextDecoder (which Node 20 and every webview have, with "gb18030").
 */
import { dayFromText } from "../shared/excel-date";
import { foldWidth, numberFromText } from "../shared/number-text";
import type { ColumnType, Delimiter, FileSniff, TextEncoding } from "./contract";

/**
 * The one platform API the sniffer uses. The core's typecheck has no DOM or Node types (src/core/tsconfig.json),
 * so it is declared here, as narrowly as it is used; Node 20, browsers and webviews all provide it, with the
 * "gb18030" label (WHATWG Encoding).
 */
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

/** Data rows shown in the preview (and typed). */
export const PREVIEW_ROWS = 20;
/** How much of a file the caller is expected to pass: enough for a header and 20 rows of any export. */
export const SNIFF_BYTES = 256 * 1024;

/** Why a file cannot be sniffed as a CSV; the pane words each in both languages. */
export type SniffProblem =
  /** No bytes, or nothing but a BOM and blank lines. */
  | "empty"
  /** A UTF-16 file (Excel's "Unicode text"): DuckDB reads UTF-8 only and we transcode GB18030 only. */
  | "utf16"
  /** NUL bytes in the text: a binary file (xlsx, zip, image), not a CSV. */
  | "binary";

export class SniffError extends Error {
  constructor(readonly problem: SniffProblem) {
    super(`Cannot read this file as CSV: ${problem}`);
    this.name = "SniffError";
  }
}

const DELIMITERS: readonly Delimiter[] = [",", "\t", ";"];
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** True when the bytes start with Parquet's magic number "PAR1". */
export function isParquet(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

/** Length of the UTF-8 byte order mark at the start of `head` (3), or 0. */
export function utf8BomLength(head: Uint8Array): number {
  return head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
}

/**
 * The encoding of a CSV from its first bytes: UTF-8 with a BOM, or when the bytes decode as UTF-8 without
 * error (a character cut at the very end of a truncated head is forgiven); GB18030 otherwise. GB18030 is a
 * superset of GBK and GB2312, so files written by Chinese Excel and WPS are read whichever they declare.
 * Pure ASCII is UTF-8 (both readings agree).
 */
export function detectEncoding(head: Uint8Array, truncated: boolean): TextEncoding {
  if (utf8BomLength(head) > 0) return "utf-8";
  const bytes = truncated ? head.subarray(0, head.length - cutUtf8Tail(head)) : head;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

/**
 * How many bytes at the end of `bytes` are the start of a UTF-8 character cut off (0–3): a lead byte and
 * fewer continuation bytes than it announces.
 */
function cutUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/** Records parsed from CSV text: each a list of fields, and whether the last one reached its line end. */
export interface ParsedCsv {
  readonly records: string[][];
  /** False when the text ended inside a record (no line break after it, or inside quotes). */
  readonly lastComplete: boolean;
}

/**
 * A small RFC 4180 reader: fields separated by `delimiter`, records by CRLF, LF or a lone CR; a field that
 * starts with a quote runs to the next single quote, `""` inside it being one quote, and may hold delimiters
 * and line breaks. Lenient where files are sloppy, as DuckDB's reader is with `quote='"'`: a quote inside an
 * unquoted field is an ordinary character, and text after a closing quote is kept. Blank lines are skipped.
 * Stops after `maxRecords` records.
 */
export function parseCsv(text: string, delimiter: Delimiter, maxRecords = Infinity): ParsedCsv {
  const records: string[][] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  while (i < n && records.length < maxRecords) {
    const fields: string[] = [];
    let field = "";
    let ended = false; // the record reached a line break
    let blank = true;
    for (;;) {
      if (i >= n) break;
      let c = text.charCodeAt(i);
      if (c === QUOTE && field === "") {
        blank = false;
        // A quoted field: up to the quote that is not doubled.
        let closed = false;
        let start = ++i;
        while (i < n) {
          if (text.charCodeAt(i) !== QUOTE) {
            i++;
            continue;
          }
          if (text.charCodeAt(i + 1) === QUOTE) {
            field += text.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          field += text.slice(start, i);
          i++;
          closed = true;
          break;
        }
        if (!closed) {
          field += text.slice(start, n);
          fields.push(field);
          return { records: [...records, fields], lastComplete: false };
        }
        if (i >= n) break;
        c = text.charCodeAt(i);
      }
      if (c === d) {
        fields.push(field);
        field = "";
        blank = false;
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        ended = true;
        break;
      }
      // An unquoted run up to the next delimiter or line break.
      let end = i;
      while (end < n) {
        const e = text.charCodeAt(end);
        if (e === d || e === LF || e === CR) break;
        end++;
      }
      field += text.slice(i, end);
      if (end > i) blank = false;
      i = end;
    }
    fields.push(field);
    if (blank && fields.length === 1 && field === "") {
      if (!ended) return { records, lastComplete: true };
      continue; // a blank line
    }
    records.push(fields);
    if (!ended) return { records, lastComplete: false };
  }
  return { records, lastComplete: true };
}

/** Records looked at to choose the delimiter. */
const DELIMITER_SAMPLE = 50;

/**
 * The delimiter whose field count is the same on the most sampled records (quotes respected), among those
 * that split the first record at all; comma on a tie (then tab, then semicolon) and when none splits.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const { records, lastComplete } = parseCsv(text, delimiter, DELIMITER_SAMPLE + 1);
    const sample = lastComplete || records.length <= 1 ? records.slice(0, DELIMITER_SAMPLE) : records.slice(0, -1).slice(0, DELIMITER_SAMPLE);
    const width = sample[0]?.length ?? 0;
    if (width < 2) continue;
    const consistent = sample.filter((r) => r.length === width).length / sample.length;
    // Consistency first, then more columns: "a;b,c" rows split by both are read by the one that splits more.
    const score = consistent * 1000 + Math.min(width, 999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** What a cell holds, read as the SQL reads it (dayFromText for dates, numberFromText for numbers). */
function cellType(cell: string): ColumnType {
  if (cell.trim() === "") return "empty";
  if (dayFromText(cell) !== undefined) return "date";
  const number = numberFromText(cell.trim());
  return number !== undefined && Number.isFinite(number) ? "number" : "text";
}

/**
 * A column's type over the preview: "date" when every non-empty cell is a date, "number" when every one is a
 * number, "empty" when none has anything, else "text". A yyyymmdd column (20240301) is "date".
 */
export function columnType(cells: readonly string[]): ColumnType {
  let type: ColumnType = "empty";
  for (const cell of cells) {
    const t = cellType(cell);
    if (t === "empty") continue;
    if (type === "empty") type = t;
    else if (t !== type) return "text";
  }
  return type;
}

/**
 * Words that name an order export's columns, normalised as {@link normaliseHeader} does: a first row holding
 * one of them (or containing one of the stems) is a header row even when the rows below are all text.
 */
const HEADER_WORDS = [
  "客户", "会员", "用户", "买家", "顾客", "日期", "时间", "下单", "金额", "实付", "销售额", "营业额", "订单", "渠道", "区域", "地区", "销售员", "业务员", "产品", "品类",
  "customer", "client", "member", "buyer", "user", "date", "time", "amount", "revenue", "sales", "total", "order", "channel", "region", "product", "person", "rep", "id",
];

/** A header as compared: full-width folded, lower case, spaces and separators removed. */
function normaliseHeader(header: string): string {
  return foldWidth(header).toLowerCase().replace(/[\s_\-·.:：/()（）]+/g, "");
}

/**
 * Whether the first record is a header: each of its cells is text (not blank, not a date, not a number), and
 * either some column below it holds dates or numbers where it holds text, or one of its cells names a column
 * (客户ID, 下单日期, amount…). A file of text columns only, none named, is read as having no header — the
 * pane lets the user say otherwise.
 */
export function detectHeader(first: readonly string[], below: readonly (readonly string[])[]): boolean {
  if (first.some((cell) => cellType(cell) !== "text")) return false;
  if (first.some((cell) => HEADER_WORDS.some((word) => normaliseHeader(cell).includes(word)))) return true;
  return first.some((_, c) => {
    const type = columnType(below.map((row) => row[c] ?? ""));
    return type === "date" || type === "number";
  });
}

/** The most common number of fields among `rows`; the earliest such row's on a tie. */
function commonWidth(rows: readonly (readonly string[])[]): number {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let best = rows[0]?.length ?? 0;
  for (const [width, count] of counts) if (count > (counts.get(best) ?? 0)) best = width;
  return best;
}

/** The names of columns without a header row: "Column 1", "Column 2", … (the pane translates them), from column `from`. */
export function generatedHeaders(width: number, from = 0): string[] {
  return Array.from({ length: Math.max(0, width - from) }, (_, k) => `Column ${from + k + 1}`);
}

/** The three choices a sniff makes, which the user may override on the Import page. */
export interface SniffChoices {
  readonly encoding: TextEncoding;
  readonly delimiter: Delimiter;
  readonly hasHeader: boolean;
}

/** Refuses what is not a CSV the engine can read: UTF-16 (by its BOM) and binary files (NUL bytes). */
function checkText(head: Uint8Array): void {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) throw new SniffError("utf16");
  if (head.includes(0)) throw new SniffError("binary");
}

/** The head as text: the BOM skipped, a UTF-8 character cut at the end of a truncated head left out. */
function decodeHead(head: Uint8Array, truncated: boolean, encoding: TextEncoding): string {
  // A GB18030 character cut at the end decodes to U+FFFD inside the cut last record, which is left out.
  const body = encoding === "utf-8" ? head.subarray(utf8BomLength(head)) : head;
  return new TextDecoder(encoding).decode(encoding === "utf-8" && truncated ? body.subarray(0, body.length - cutUtf8Tail(body)) : body);
}

/** The first records of the text (a header and the preview's rows, and one more to check the header). */
function headRecords(text: string, delimiter: Delimiter, truncated: boolean): string[][] {
  const parsed = parseCsv(text, delimiter, PREVIEW_ROWS + 2);
  // A record the head cuts off (no line break after it, or inside quotes) is left out, unless the head is
  // the whole file: then it is the last record of a file without a final line break.
  const records = truncated && !parsed.lastComplete ? parsed.records.slice(0, -1) : parsed.records;
  if (records.length === 0) throw new SniffError("empty");
  return records;
}

/**
 * The sniff of parsed records with the choices made. The preview's rows have the file's width — the
 * header's, else the most common among the rows (a row with a stray extra field must not widen the file:
 * DuckDB's reader, told that width, would then reject every other row). Shorter rows are padded with "",
 * longer ones cut; DuckDB's reader rejects both kinds and the summary lists them with their lines.
 */
function sniffOf(records: readonly string[][], choices: SniffChoices, bytes: number): FileSniff {
  const first = records[0] as string[];
  const data = (choices.hasHeader ? records.slice(1) : records).slice(0, PREVIEW_ROWS);
  const width = choices.hasHeader ? first.length : commonWidth(records.slice(0, PREVIEW_ROWS));
  const headers = choices.hasHeader ? first : generatedHeaders(width);
  const preview = data.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
  const types = headers.map((_, c) => columnType(preview.map((row) => row[c] as string)));
  return { format: "csv", encoding: choices.encoding, delimiter: choices.delimiter, hasHeader: choices.hasHeader, headers, preview, types, bytes };
}

/**
 * Sniffs a CSV file from its first bytes: guesses the encoding, the delimiter and the header row.
 *
 * @param head the file's first bytes (the caller passes up to {@link SNIFF_BYTES}); when it is shorter than
 *   the file, its last line and last character may be cut: both are left out.
 * @param bytes the whole file's size in bytes
 * @throws SniffError "empty" for a file with no record, "utf16" for a UTF-16 file, "binary" for NUL bytes
 */
export function sniffCsv(head: Uint8Array, bytes: number): FileSniff {
  checkText(head);
  const truncated = head.length < bytes;
  const encoding = detectEncoding(head, truncated);
  const text = decodeHead(head, truncated, encoding);
  const delimiter = detectDelimiter(text);
  const records = headRecords(text, delimiter, truncated);
  const hasHeader = detectHeader(records[0] as string[], records.slice(1, PREVIEW_ROWS + 1));
  return sniffOf(records, { encoding, delimiter, hasHeader }, bytes);
}

/**
 * The same sniff with the user's choices instead of the guesses (the Import page lets the user change the
 * encoding, the delimiter and the header row): the same reading, preview and types.
 */
export function sniffCsvAs(head: Uint8Array, bytes: number, choices: SniffChoices): FileSniff {
  checkText(head);
  const truncated = head.length < bytes;
  return sniffOf(headRecords(decodeHead(head, truncated, choices.encoding), choices.delimiter, truncated), choices, bytes);
}

/**
 * Where a chunk of CSV bytes may be cut so that each piece holds whole records: the offsets just after each
 * line break that is not inside a quoted field, given whether the chunk starts inside quotes, and whether it
 * ends inside quotes (to pass to the next chunk). For transcoding a GB18030 file in pieces at record
 * boundaries.
 *
 * Safe on raw bytes in UTF-8 and GB18030 alike: neither encoding uses the bytes of `"`, CR or LF inside a
 * multi-byte character (GB18030's second bytes are 0x30–0x39 and 0x40–0xFE). Quotes are counted as toggles,
 * so a doubled quote `""` leaves the state as it was, even split across two chunks. Limit: a stray quote in
 * an unquoted field (`12" pizza`) flips the state as it would for a quoted field; the cuts after it are then
 * wrong until the next stray quote. Cutting there still transcodes every byte (a cut only chooses where one
 * piece ends), so the text is right; only a consumer that needs whole records per piece is misled.
 */
export function lineCutPoints(chunk: Uint8Array, startsInQuotes = false): { readonly cuts: number[]; readonly endsInQuotes: boolean } {
  const cuts: number[] = [];
  let inQuotes = startsInQuotes;
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (b === LF && !inQuotes) cuts.push(i + 1);
  }
  return { cuts, endsInQuotes: inQuotes };
}

/**
 * The last place {@link lineCutPoints} would cut `chunk` (−1 when there is none), and whether the chunk ends
 * inside quotes: one pass without building the list, for large chunks.
 */
export function lastLineCut(chunk: Uint8Array, startsInQuotes = false): { readonly cut: number; readonly endsInQuotes: boolean } {
  let cut = -1;
  let inQuotes = startsInQuotes;
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (b === LF && !inQuotes) cut = i + 1;
  }
  return { cut, endsInQuotes: inQuotes };
}
