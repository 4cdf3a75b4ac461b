/**
 * The workbook operations the task pane needs, as a small interface. The Office.js implementation
 * (office-gateway.ts) is the one place that calls `Excel.run`; tests and the browser outside Excel use the
 * in-memory one (memory-gateway.ts). Components receive a gateway as a prop and never touch Excel.
 *
 * Safety rules live here, not in each feature:
 * - a new sheet never replaces an existing one (`createSheet` picks a free name);
 * - `writeRange` never overwrites a non-empty cell unless called again with `overwrite: true`;
 * - every write is all or nothing: a failure removes the new sheet, or restores the cells it replaced;
 * - text that Excel would read as a formula is written as text (`cellInput`).
 */
import { MAX_COLUMNS, MAX_ROWS, parseRange, type RangeRef } from "./address";

/** One cell to write: a constant (text stays text, even if it starts with "="), or a formula. */
export type CellSpec = { readonly value: string | number | boolean } | { readonly formula: string } | null;

/** A cell as read back: `null` for an empty cell. */
export type CellValue = string | number | boolean | null;

/** An Excel table over part of the new sheet. Names are unique in the workbook: when taken, "name_2"… */
export interface TableSpec {
  readonly name: string;
  /** On the new sheet, header row included, e.g. "A4:D9". */
  readonly address: string;
  readonly hasHeaders: boolean;
}

/** A number format ("0%", "0.00", "#,##0") for a rectangle of the new sheet, e.g. a column "B5:B9". */
export interface NumberFormatSpec {
  readonly address: string;
  readonly format: string;
}

export type ChartKind = "column" | "bar" | "line" | "pie" | "scatter";

/** A native chart on the new sheet. For a scatter, the first source column is X, the next ones Y. */
export interface ChartSpec {
  readonly kind: ChartKind;
  /** On the new sheet, headers included, e.g. "B4:C9". */
  readonly source: string;
  readonly title: string;
  /** Top-left and bottom-right cells the chart covers, e.g. "F2" and "M18". */
  readonly from: string;
  readonly to: string;
  /** Axis titles (not for pie charts). */
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
}

/** A name scoped to the new sheet (so a second copy of the sheet can reuse it), e.g. "Threshold" → "B1". */
export interface NameSpec {
  readonly name: string;
  readonly address: string;
}

/** A new sheet: cells from A1, row by row (`null` leaves a cell empty, e.g. under a spilling formula). */
export interface SheetPlan {
  /** Preferred name; when taken, the gateway picks "name (2)", "name (3)"… */
  readonly name: string;
  readonly rows: readonly (readonly CellSpec[])[];
  /** Rows (1-based) to show in bold, e.g. a header row. */
  readonly boldRows?: readonly number[];
  readonly tables?: readonly TableSpec[];
  readonly numberFormats?: readonly NumberFormatSpec[];
  readonly charts?: readonly ChartSpec[];
  readonly names?: readonly NameSpec[];
}

/** Values read from the workbook, with the address Excel gives the range ("Sheet1!B2:B40"). */
export interface RangeData {
  readonly address: string;
  readonly values: readonly (readonly CellValue[])[];
}

/** A write into an existing sheet: `rows` from the top-left cell of `address`; `null` leaves a cell as it is. */
export interface RangeWrite {
  /** "Sheet1!D2" (or a range: only its top-left cell counts); without a sheet, the active sheet. */
  readonly address: string;
  readonly rows: readonly (readonly CellSpec[])[];
  /** The user confirmed replacing the non-empty cells a previous call listed. */
  readonly overwrite?: boolean;
}

export type RangeWriteResult =
  | { readonly kind: "written"; readonly address: string }
  /** Nothing was written: these target cells are not empty ("Sheet1!D2"…). Ask, then call again with `overwrite: true`. */
  | { readonly kind: "needsConfirmation"; readonly address: string; readonly occupied: readonly string[] };

export type GatewayErrorCode = "UNAVAILABLE" | "WRITE_FAILED" | "READ_FAILED" | "BAD_ADDRESS";

/** A failed workbook operation. The workbook is left as it was before the operation. */
export class GatewayError extends Error {
  readonly code: GatewayErrorCode;
  readonly detail: string;

  constructor(code: GatewayErrorCode, detail = "") {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.name = "GatewayError";
    this.code = code;
    this.detail = detail;
  }
}

export interface WorkbookGateway {
  /** False outside Excel (a plain browser): writes would fail, so the UI disables them. */
  readonly available: boolean;
  /**
   * Adds a sheet and writes the plan into it (cells, formats, tables, charts, names) — never into an
   * existing sheet. All or nothing: on failure the new sheet is removed and a GatewayError is thrown.
   * Resolves to the name the sheet got.
   */
  createSheet(plan: SheetPlan): Promise<string>;
  /** The values of a range, e.g. "Sheet1!B2:B40" (BAD_ADDRESS for a malformed address or unknown sheet). */
  readRange(address: string): Promise<RangeData>;
  /** The current selection's address and values. */
  readSelection(): Promise<RangeData>;
  /**
   * Writes into an existing sheet. When a target cell (a non-null spec) is not empty and `overwrite` is not
   * true, writes nothing and lists the occupied cells. All or nothing: on failure the previous contents of
   * the target rectangle are restored and a GatewayError is thrown.
   */
  writeRange(request: RangeWrite): Promise<RangeWriteResult>;
}

/** Excel's limit on a sheet name: 31 characters, none of : \ / ? * [ ]. */
export const MAX_SHEET_NAME = 31;

/** At most this many rows per write (and read) request, one `sync` each. */
export const WRITE_BLOCK_ROWS = 5000;

/**
 * Estimated payload per write request: Excel on the web caps a request at 5 MB, so a block of long texts
 * gets fewer rows (see rowBlocks).
 */
export const WRITE_BLOCK_BYTES = 4_000_000;

/** Cells per read request: a response is capped at 5 MB too, so wide ranges are read in shorter blocks. */
export const READ_BLOCK_CELLS = 200_000;

/** At most this many occupied cells are listed in a confirmation (the count is what matters beyond). */
export const MAX_LISTED_OCCUPIED = 50;

/** `preferred`, or "preferred (2)", "preferred (3)"… — the first not in `taken` (case-insensitive). */
export function freeSheetName(preferred: string, taken: readonly string[]): string {
  const base = preferred.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, MAX_SHEET_NAME) || "Sheet";
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * A valid, free table name: Excel wants a letter or "_" first, then letters, digits, "_" or "."; table
 * names are unique across the workbook (case-insensitive), so a taken name becomes "name_2", "name_3"…
 */
export function freeTableName(preferred: string, taken: readonly string[]): string {
  let base = preferred.replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  base = base.slice(0, 200);
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The text Office.js must receive for a cell so that it lands as intended: formulas as they are; text
 * that Excel would read as something else (see {@link needsTextPrefix}) behind an apostrophe, which Excel
 * stores as a prefix, so the cell shows the text exactly.
 */
export function cellInput(cell: CellSpec): string | number | boolean | null {
  if (cell === null) return null;
  if ("formula" in cell) return cell.formula;
  const { value } = cell;
  if (typeof value === "string" && needsTextPrefix(value)) return `'${value}`;
  return value;
}

/**
 * Whether Excel could read typed text as something else: a formula ("=…", "+…", "-…", "@…"), a number,
 * percentage, fraction, date or time ("1,234", "50%", "1/2", "3-4", "1月", "12:30" — every one of them has a
 * digit), or a logical value ("TRUE"). Such text is written behind an apostrophe so it stays the text the
 * user typed; other text (names, labels without digits) is written as it is.
 */
export function needsTextPrefix(text: string): boolean {
  return /^[=+\-@]/.test(text) || /[0-9０-９]/.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

/** A parsed address, or a BAD_ADDRESS error naming it. */
export function requireRange(address: string): RangeRef {
  const ref = parseRange(address);
  if (ref === undefined) throw new GatewayError("BAD_ADDRESS", address);
  return ref;
}

/** A parsed address on the new sheet (no sheet part allowed: the plan does not know the final name). */
export function requireLocalRange(address: string): RangeRef {
  const ref = requireRange(address);
  if (ref.sheet !== undefined) throw new GatewayError("BAD_ADDRESS", address);
  return ref;
}

/** The widest row of a grid of specs. */
export function gridWidth(rows: readonly (readonly CellSpec[])[]): number {
  return rows.reduce((width, row) => Math.max(width, row.length), 0);
}

/** Row `r` padded to `width` as Office.js inputs. */
export function inputRow(row: readonly CellSpec[] | undefined, width: number): (string | number | boolean | null)[] {
  return Array.from({ length: width }, (_, c) => cellInput(row?.[c] ?? null));
}

/**
 * The target cells (non-null specs) that are not empty in `previous` (formulas as Office.js returns them:
 * "" for empty), as A1 addresses on `sheet`.
 */
export function occupiedTargets(
  rows: readonly (readonly CellSpec[])[],
  previous: readonly (readonly unknown[])[],
  origin: { readonly sheet: string; readonly row: number; readonly column: number },
  formatCell: (sheet: string, row: number, column: number) => string,
): string[] {
  const occupied: string[] = [];
  rows.forEach((row, r) =>
    row.forEach((spec, c) => {
      const before = previous[r]?.[c];
      if (spec !== null && before !== "" && before !== null && before !== undefined) {
        occupied.push(formatCell(origin.sheet, origin.row + r, origin.column + c));
      }
    }),
  );
  return occupied;
}

/**
 * Splits `count` rows into [start, end) blocks of at most `maxRows` rows whose estimated size stays within
 * `maxBytes` (a single row over the budget still goes, alone).
 */
export function rowBlocks(count: number, rowBytes: (row: number) => number, maxRows = WRITE_BLOCK_ROWS, maxBytes = WRITE_BLOCK_BYTES): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (let row = 0; row < count; row++) {
    const size = rowBytes(row);
    if (row > start && (row - start >= maxRows || bytes + size > maxBytes)) {
      blocks.push([start, row]);
      start = row;
      bytes = 0;
    }
    bytes += size;
  }
  if (count > start) blocks.push([start, count]);
  return blocks;
}

/** A cell's size in a JSON request, generously (UTF-8 of CJK text is 3 bytes a character). */
function inputBytes(input: unknown): number {
  if (typeof input === "string") return input.length * 3 + 3;
  if (typeof input === "number") return 24;
  return 6;
}

/** Estimated request bytes of a row of inputs (as Office.js receives or returns them). */
export function inputRowBytes(row: readonly unknown[] | undefined, width: number): number {
  let bytes = 2;
  for (let c = 0; c < width; c++) bytes += inputBytes(row?.[c] ?? null);
  return bytes;
}

/** Rows per read request for a range this wide. */
export function readBlockRows(columns: number): number {
  return Math.max(1, Math.min(WRITE_BLOCK_ROWS, Math.floor(READ_BLOCK_CELLS / Math.max(columns, 1))));
}

/** BAD_ADDRESS when `rows` × `columns` from `ref`'s top-left cell would leave Excel's grid. */
export function requireOnGrid(ref: RangeRef, rows: number, columns: number, address: string): void {
  if (ref.row + rows > MAX_ROWS || ref.column + columns > MAX_COLUMNS) throw new GatewayError("BAD_ADDRESS", address);
}
