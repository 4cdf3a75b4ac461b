import { fail, isCoreError } from "../../core/shared/errors";
import { CellRef, isBlank, toDate, toNumber, toText } from "./cells";

/**
 * Reading range arguments. A range arrives as rows of cells (`any[][]`); a scalar typed into a range
 * argument arrives as `[[value]]`. A "list" is one row or one column.
 */

export type Orientation = "column" | "row";

/** A list argument flattened, with the orientation positions are worded in ("row 17" / "column 3"). */
export interface List {
  readonly arg: string;
  readonly cells: readonly unknown[];
  readonly orientation: Orientation;
  /** For one column of a table argument: its 1-based column, named in messages. */
  readonly column?: number;
}

/** Rows × columns of a range argument; a non-array (a scalar) counts as 1 × 1. */
export function shapeOf(range: unknown): { rows: number; columns: number } {
  if (!Array.isArray(range)) return { rows: 1, columns: 1 };
  const first: unknown = range[0];
  return { rows: range.length, columns: Array.isArray(first) ? first.length : 1 };
}

/** Flatten a one-row or one-column range. A block of several rows and columns is an error. */
export function listOf(arg: string, range: unknown): List {
  if (!Array.isArray(range)) return { arg, cells: [range], orientation: "column" };
  const { rows, columns } = shapeOf(range);
  if (columns === 1 || rows === 0) {
    const cells = new Array<unknown>(rows);
    for (let i = 0; i < rows; i++) {
      const row: unknown = range[i];
      cells[i] = Array.isArray(row) ? row[0] : row;
    }
    return { arg, cells, orientation: "column" };
  }
  if (rows === 1) return { arg, cells: range[0] as unknown[], orientation: "row" };
  throw fail("NOT_A_LIST", { arg, rows, columns });
}

/**
 * Parallel lists (customer, date, amount…): trailing positions blank in every list are dropped, so a
 * user may select B2:B5000 over 3,000 filled rows. A list too short to reach the last filled position is
 * a length mismatch; a list with nothing in it is empty.
 */
export function parallelLists(lists: readonly List[]): { lists: List[]; length: number } {
  let length = 0;
  for (const list of lists) {
    let end = list.cells.length;
    while (end > length && isBlank(list.cells[end - 1])) end--;
    if (end > length) length = end;
  }
  const first = lists[0];
  if (first === undefined || length === 0) throw fail("EMPTY", { arg: first?.arg ?? "" });
  const longest = lists.reduce((a, b) => (b.cells.length > a.cells.length ? b : a), first);
  const trimmed = lists.map((list) => {
    if (list.cells.length < length) {
      throw fail("LENGTH_MISMATCH", {
        arg: list.arg,
        length: list.cells.length,
        otherArg: longest.arg,
        otherLength: longest.cells.length,
      });
    }
    return list.cells.length === length ? list : { ...list, cells: list.cells.slice(0, length) };
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
  const value = list.cells[0];
  try {
    return read(value, at(list, 0));
  } catch (error) {
    const looksLikeHeader =
      list.cells.length > 1 &&
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
  const { cells } = list;
  const out = new Float64Array(cells.length);
  if (cells.length > 0) out[0] = readFirst(list, toNumber);
  for (let i = 1; i < cells.length; i++) {
    const value = cells[i];
    out[i] = typeof value === "number" && Number.isFinite(value) ? value : toNumber(value, at(list, i));
  }
  return out;
}

/** Every cell of a list as an Excel date serial. */
export function datesOf(list: List): Float64Array {
  const { cells } = list;
  const out = new Float64Array(cells.length);
  if (cells.length > 0) out[0] = readFirst(list, toDate);
  for (let i = 1; i < cells.length; i++) out[i] = toDate(cells[i], at(list, i));
  return out;
}

/** Every cell of a list as an id or label (text as written, or a number). */
export function textsOf(list: List): Array<string | number> {
  const { cells } = list;
  const out = new Array<string | number>(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = toText(cells[i], at(list, i));
  return out;
}

/**
 * The columns of a table argument (rows × `columns` cells), each as a list named after the argument with
 * its column number, so that messages read "scores, row 5, column 2".
 */
export function columnsOf(arg: string, range: unknown, columns: number): List[] {
  const rows = Array.isArray(range) ? (range as unknown[][]) : [[range]];
  const shape = shapeOf(rows);
  if (shape.columns !== columns) {
    throw fail("BAD_SHAPE", { arg, expectedColumns: columns, rows: shape.rows, columns: shape.columns });
  }
  const lists: List[] = [];
  for (let c = 0; c < columns; c++) {
    const cells = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) cells[i] = (rows[i] as unknown[])[c];
    lists.push({ arg, cells, orientation: "column", column: c + 1 });
  }
  return lists;
}

/** The single value of a scalar argument given as a range or a value: `[[x]]` → x. */
export function scalarOf(arg: string, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const { rows, columns } = shapeOf(value);
  if (rows === 1 && columns === 1) return (value[0] as unknown[])[0];
  throw fail("BAD_SHAPE", { arg, expectedRows: 1, expectedColumns: 1, rows, columns });
}
