import { fail, isCoreError } from "../../core/shared/errors";
import { isValidSerial } from "../../core/shared/excel-date";
import { CellRef, isBlank, toDate, toFlag, toNumber, toText } from "./cells";

/**
 * Reading range arguments. A range arrives as rows of cells (`any[][]`); a scalar typed into a range
 * argument arrives as `[[value]]`. A "list" is one row or one column.
 */

export type Orientation = "column" | "row";

/**
 * A list argument: one row or one column of a range, read in place (no copy of a million cells), with the
 * orientation positions are worded in ("row 17" / "column 3").
 */
export class List {
  /**
   * @param source the range's rows (column orientation) or its single row's cells (row orientation)
   * @param offset the column read in each row (column orientation)
   * @param length how many cells belong to the list (trailing blanks may be cut off)
   * @param column for one column of a table argument: its 1-based column, named in messages
   */
  constructor(
    readonly arg: string,
    readonly orientation: Orientation,
    private readonly source: readonly unknown[],
    private readonly offset: number,
    readonly length: number,
    readonly column?: number,
  ) {}

  /** The cell at a 0-based position. */
  at(index: number): unknown {
    if (this.orientation === "row") return this.source[index];
    const row = this.source[index];
    // Excel passes every row as an array; a value standing in for a row (a caller's 1-D list) is a one-cell row.
    return Array.isArray(row) ? (row[this.offset] as unknown) : this.offset === 0 ? row : undefined;
  }

  /** The same list cut to its first `length` cells. */
  truncate(length: number): List {
    return new List(this.arg, this.orientation, this.source, this.offset, length, this.column);
  }

  /** The cells as an array (a copy; the readers below do not need one). */
  get cells(): unknown[] {
    const out = new Array<unknown>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }
}

/** Rows × columns of a range argument; a non-array (a scalar) counts as 1 × 1. */
export function shapeOf(range: unknown): { rows: number; columns: number } {
  if (!Array.isArray(range)) return { rows: 1, columns: 1 };
  const first: unknown = range[0];
  return { rows: range.length, columns: Array.isArray(first) ? first.length : 1 };
}

/**
 * Rows of a range argument (a scalar becomes [[value]]). A row that is not an array is left as it is —
 * {@link List.at} reads it as a one-cell row — rather than checked here: that check alone visited every
 * row of a million-row column once more.
 */
function rowsOf(range: unknown): readonly unknown[] {
  return Array.isArray(range) ? range : [[range]];
}

/** A one-row or one-column range as a list. A block of several rows and columns is an error. */
export function listOf(arg: string, range: unknown): List {
  const rows = rowsOf(range);
  const { rows: height, columns } = shapeOf(rows);
  if (columns === 1 || height === 0) return new List(arg, "column", rows, 0, height);
  if (height === 1) return new List(arg, "row", rows[0] as unknown[], 0, columns); // an array: columns > 1
  throw fail("NOT_A_LIST", { arg, rows: height, columns });
}

/**
 * Parallel lists (customer, date, amount…): trailing positions blank in every list are dropped, so a
 * user may select B2:B5000 over 3,000 filled rows. A list too short to reach the last filled position is
 * a length mismatch; a list with nothing in it is empty.
 */
export function parallelLists(lists: readonly List[]): { lists: List[]; length: number } {
  let length = 0;
  for (const list of lists) {
    let end = list.length;
    while (end > length && isBlank(list.at(end - 1))) end--;
    if (end > length) length = end;
  }
  const first = lists[0];
  if (first === undefined || length === 0) throw fail("EMPTY", { arg: first?.arg ?? "" });
  const longest = lists.reduce((a, b) => (b.length > a.length ? b : a), first);
  const trimmed = lists.map((list) => {
    if (list.length < length) {
      throw fail("LENGTH_MISMATCH", {
        arg: list.arg,
        length: list.length,
        otherArg: longest.arg,
        otherLength: longest.length,
      });
    }
    return list.length === length ? list : list.truncate(length);
  });
  return { lists: trimmed, length };
}

function at(list: List, index: number): CellRef {
  return list.column === undefined ? { arg: list.arg, index } : { arg: list.arg, index, column: list.column };
}

/**
 * Read the first cell with `read`, reporting text without a digit above more data ("amount", "订单日期")
 * as a header row rather than as a bad value.
 */
function readFirst<T>(list: List, read: (value: unknown, where: CellRef) => T): T {
  const value = list.at(0);
  try {
    return read(value, at(list, 0));
  } catch (error) {
    const looksLikeHeader =
      list.length > 1 &&
      typeof value === "string" &&
      !/\d/.test(value) &&
      isCoreError(error) &&
      (error.code === "NOT_A_NUMBER" || error.code === "NOT_A_DATE");
    if (looksLikeHeader) throw fail("HEADER_ROW", { ...at(list, 0), value: value.trim() });
    throw error;
  }
}

/** Every cell of a list as a number (see cells.ts for what counts as a number). */
export function numbersOf(list: List): Float64Array {
  const n = list.length;
  const out = new Float64Array(n);
  if (n > 0) out[0] = readFirst(list, toNumber);
  for (let i = 1; i < n; i++) {
    const value = list.at(i);
    out[i] = typeof value === "number" && Number.isFinite(value) ? value : toNumber(value, at(list, i));
  }
  return out;
}

/** Every cell of a list as TRUE/FALSE (see {@link toFlag}: a blank cell is FALSE). */
export function flagsOf(list: List): boolean[] {
  const out = new Array<boolean>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = toFlag(list.at(i), at(list, i));
  return out;
}

/** Every cell of a list as an Excel date serial. */
export function datesOf(list: List): Float64Array {
  const n = list.length;
  const out = new Float64Array(n);
  if (n > 0) out[0] = readFirst(list, toDate);
  for (let i = 1; i < n; i++) {
    const value = list.at(i);
    // Fast path: a date cell is a serial already (what toDate returns for it, without building a CellRef).
    out[i] = typeof value === "number" && isValidSerial(value) ? value : toDate(value, at(list, i));
  }
  return out;
}

/** Every cell of a list as an id or label (text as written, or a number). */
export function textsOf(list: List): Array<string | number> {
  const n = list.length;
  const out = new Array<string | number>(n);
  for (let i = 0; i < n; i++) {
    const value = list.at(i);
    out[i] = typeof value === "string" && startsWithNonSpace(value) ? value : toText(value, at(list, i));
  }
  return out;
}

/**
 * True when a text surely is not blank because its first character is no white space — checked without
 * `trim()`, which scans the text (ids of a million orders). False sends the text to the full check.
 * White space as `trim()` knows it: tab to carriage return, space, U+00A0, U+1680, U+2000–U+3000 (the ones
 * in that block included), U+FEFF.
 */
function startsWithNonSpace(text: string): boolean {
  const c = text.charCodeAt(0); // NaN for "", which fails every test below
  return (c > 32 && c < 0xa0) || (c > 0xa0 && c < 0x1680) || (c > 0x3000 && c !== 0xfeff);
}

/**
 * The columns of a table argument (rows × `columns` cells), each as a list named after the argument with
 * its column number, so that messages read "scores, row 5, column 2".
 */
export function columnsOf(arg: string, range: unknown, columns: number): List[] {
  const rows = rowsOf(range);
  const shape = shapeOf(rows);
  if (shape.columns !== columns) {
    throw fail("BAD_SHAPE", { arg, expectedColumns: columns, rows: shape.rows, columns: shape.columns });
  }
  return Array.from({ length: columns }, (_, c) => new List(arg, "column", rows, c, rows.length, c + 1));
}

/** A list argument on its own, trailing blanks dropped; a list of nothing but blanks is EMPTY. */
export function trimmedList(list: List): List {
  return parallelLists([list]).lists[0] as List;
}

/**
 * A list result shaped like its main list input: a column ([[a], [b], …]) or a row ([[a, b, …]]), so
 * that rates typed across a row give counts across a row.
 */
export function listResult<T>(values: readonly T[], orientation: Orientation): T[][] {
  return orientation === "row" ? [[...values]] : values.map((value) => [value]);
}

/** A required number given as a value or a one-cell range: `[[x]]` → x, read as cells.ts reads numbers. */
export function numberOf(arg: string, value: unknown): number {
  return toNumber(scalarOf(arg, value), { arg });
}

/** The single value of a scalar argument given as a range or a value: `[[x]]` → x. */
export function scalarOf(arg: string, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const { rows, columns } = shapeOf(value);
  if (rows === 1 && columns === 1) return (value[0] as unknown[])[0];
  throw fail("BAD_SHAPE", { arg, expectedRows: 1, expectedColumns: 1, rows, columns });
}
