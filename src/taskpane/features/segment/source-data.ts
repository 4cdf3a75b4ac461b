/**
 * Reads the columns the user chose out of the range read from the workbook, cell by cell with the rules every
 * SALES function reads cells with (core: serialFromCell for dates, numberFromText for amounts, customerKey for
 * ids), so that what the pane counts and what the formulas will compute agree: how many order rows, how many
 * customers, which cells cannot be read (their addresses), and the columns' ranges for the formulas.
 */
import { customerKey, type CustomerId } from "../../../core/rfm/customer-key";
import { serialFromCell } from "../../../core/shared/excel-date";
import { numberFromText } from "../../../core/shared/number-text";
import { EXCEL_MAX } from "../../../core/shared/rounding";
import { cellAddress, columnLetters, parseRange, quoteSheet, type RangeRef } from "../../../excel/address";
import type { CellValue } from "../../../excel/gateway";
import { rolesOf, type ColumnMap, type DataKind, type Role } from "./columns";

/** Why a cell cannot be read. */
export type CellProblemReason = "blank" | "notDate" | "notNumber" | "negative";

export interface CellProblem {
  /** "Orders!B17". */
  readonly address: string;
  readonly role: Role;
  readonly reason: CellProblemReason;
  /** The cell as read, for the message ("2024年2月30日"); "" when blank. */
  readonly text: string;
}

/** Order rows as the core reads them (rows whose cells could not all be read are left out). */
export interface OrderColumns {
  readonly kind: "orders";
  readonly ids: CustomerId[];
  readonly dates: Float64Array;
  readonly amounts: Float64Array;
  /** The latest order date (a serial, its day), the default analysis date. */
  readonly latest: number;
}

/** One row per customer of an R/F/M table. */
export interface RfmColumns {
  readonly kind: "rfm";
  readonly ids: CustomerId[];
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
}

export interface SourceReading {
  readonly kind: DataKind;
  /** Data rows: below the header row, down to the last row that holds anything in the chosen columns. */
  readonly rows: number;
  /** Distinct customers (ids compared as RFM.TABLE compares them). */
  readonly customers: number;
  /** The first MAX_LISTED_PROBLEMS cells that cannot be read, in reading order, and how many there are. */
  readonly problems: readonly CellProblem[];
  readonly problemCount: number;
  /** The readable rows, for the pane's own calculations (preview, values-only sheet). */
  readonly data: OrderColumns | RfmColumns;
  /**
   * Each role's column in the workbook, from the first data row to the end of the range read (so that rows
   * typed below the data later are counted too): "'Orders'!$B$2:$B$4907" (the sheet always quoted).
   */
  readonly ranges: Readonly<Partial<Record<Role, string>>>;
}

/** Cells that cannot be read are listed up to this many (the count says how many in all). */
export const MAX_LISTED_PROBLEMS = 5;

const isBlankCell = (value: CellValue | undefined) => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** A cell as text for a message, cut at 40 characters. */
const shown = (value: CellValue | undefined): string => {
  const text = value === null || value === undefined ? "" : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/** A number as the SALES functions read one from a cell, or undefined. */
export function numberFromCell(value: CellValue | undefined): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const number = numberFromText(value);
  return number !== undefined && Math.abs(number) <= EXCEL_MAX ? number : undefined;
}

/** The range's absolute column for a role: "'Orders'!$B$2:$B$4907" (the sheet always quoted). */
function columnRange(ref: RangeRef & { sheet: string }, column: number, firstRow: number): string {
  const letters = columnLetters(ref.column + column);
  // The sheet always quoted: Excel reads 订单!A1 as well, but the workbench's engine reads a sheet's name unquoted only in ASCII.
  return `'${ref.sheet.replace(/'/g, "''")}'!$${letters}$${ref.row + firstRow + 1}:$${letters}$${ref.row + ref.rows}`;
}

/**
 * Reads the chosen columns of `values` (the range at `address`, as read). Every role of `kind` must have a
 * column in `columns` (the page asks for the missing ones first).
 */
export function readSource(values: readonly (readonly CellValue[])[], address: string, kind: DataKind, columns: ColumnMap, hasHeader: boolean): SourceReading {
  const parsed = parseRange(address);
  if (parsed === undefined || parsed.sheet === undefined) throw new Error(`readSource: not a range with its sheet: ${address}`);
  const ref = { ...parsed, sheet: parsed.sheet };
  const roles = rolesOf(kind);
  const chosen = roles.map((role) => {
    const column = columns[role];
    if (column === undefined) throw new Error(`readSource: no column for ${role}`);
    return [role, column] as const;
  });
  const first = hasHeader ? 1 : 0;
  let end = values.length;
  while (end > first && chosen.every(([, column]) => isBlankCell(values[end - 1]?.[column]))) end--;

  const problems: CellProblem[] = [];
  let problemCount = 0;
  const problem = (row: number, column: number, role: Role, reason: CellProblemReason) => {
    problemCount++;
    if (problems.length < MAX_LISTED_PROBLEMS) {
      problems.push({ address: `${quoteSheet(ref.sheet)}!${cellAddress(ref.row + row, ref.column + column)}`, role, reason, text: shown(values[row]?.[column]) });
    }
  };

  const ids: CustomerId[] = [];
  const keys = new Set<CustomerId>();
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  for (let row = first; row < end; row++) {
    const cells = values[row] ?? [];
    let readable = true;
    const read = (role: Role, column: number): number | CustomerId | undefined => {
      const value = cells[column];
      if (isBlankCell(value)) {
        problem(row, column, role, "blank");
        return undefined;
      }
      if (role === "customer") return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : (value as CustomerId);
      const number = role === "date" ? serialFromCell(value) : numberFromCell(value);
      if (number === undefined) {
        problem(row, column, role, role === "date" ? "notDate" : "notNumber");
        return undefined;
      }
      if ((role === "recency" || role === "frequency") && number < 0) {
        problem(row, column, role, "negative");
        return undefined;
      }
      return number;
    };
    const got = chosen.map(([role, column]) => {
      const value = read(role, column);
      if (value === undefined) readable = false;
      return value;
    });
    if (!readable) continue;
    const [id, ...numbers] = got as [CustomerId, number, number, number?];
    ids.push(id);
    keys.add(customerKey(id));
    a.push(numbers[0]);
    b.push(numbers[1]);
    if (kind === "rfm") c.push(numbers[2] as number);
  }

  const ranges: Partial<Record<Role, string>> = {};
  for (const [role, column] of chosen) ranges[role] = columnRange(ref, column, first);
  let data: OrderColumns | RfmColumns;
  if (kind === "orders") {
    const dates = Float64Array.from(a);
    let latest = -Infinity;
    for (const date of dates) latest = Math.max(latest, Math.floor(date));
    data = { kind, ids, dates, amounts: Float64Array.from(b), latest };
  } else {
    data = { kind, ids, recency: Float64Array.from(a), frequency: Float64Array.from(b), monetary: Float64Array.from(c) };
  }
  return { kind, rows: Math.max(0, end - first), customers: keys.size, problems, problemCount, data, ranges };
}
