/**
 * Lists the manager already keeps in Excel (channels, salespeople with last year's sales, SWOT factors…)
 * read from a selected range into a list editor's rows. Pure: the pane reads the selection through the
 * gateway and hands the values here.
 *
 * - 1 to n columns, in the editor's column order — or in any order when the first row names them (a header
 *   row whose every cell is a column's label, e.g. "Salesperson | Potential | Last year's sales").
 * - A header row is skipped: one that names the columns, or a first row with text where the row below holds
 *   numbers in the number columns.
 * - Numbers go through the fields' own reader (core/shared/number-text.ts), so `1.2万`, `¥1,200` and
 *   `30%` read as they do when typed. A number cell is written as the field would be typed: in a column of
 *   percentages ("Ramp (%)"), cells that all lie within ±1 are fractions (0.375 → "37.5%"), larger ones
 *   percent points (30 → "30").
 * - Blank rows are skipped. A cell of a number column that does not read as one is kept as text (the form
 *   then marks it) and named by its address, so the manager can correct it in the sheet or the form.
 */
import { toExcelPrecision } from "../../core/shared/rounding";
import { cellAddress, formatRange, parseRange } from "../../excel/address";
import type { CellValue, RangeData } from "../../excel/gateway";
import { readNumberField, type NumberKind } from "./form-fields";

/** A column of a list editor, as the reader needs it. */
export interface ReadColumn {
  readonly field: string;
  /** The column's label, matched against a header cell (brackets and spaces ignored: "Weight (%)" ~ "weight"). */
  readonly label: string;
  readonly kind?: "text" | "number" | "select";
  /** How a number field reads its text (default "amount"). */
  readonly numberKind?: NumberKind;
  /** The choices of a select: a cell matches a value or a label. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

/** A cell that was read as text where a number or a choice is wanted. */
export interface UnreadableCell {
  /** "C4", or "Sheet1!C4" when the selection named its sheet. */
  readonly address: string;
  readonly text: string;
}

export type ListRead =
  | {
      readonly ok: true;
      /** One record per non-blank row, every column's field present. */
      readonly rows: Record<string, string>[];
      /** The rows read, header excluded: "Sheet1!A2:C6". */
      readonly address: string;
      /** The header row skipped ("Sheet1!A1:C1"), if there was one. */
      readonly header?: string;
      readonly unreadable: readonly UnreadableCell[];
    }
  | { readonly ok: false; readonly code: "empty"; readonly address: string }
  | { readonly ok: false; readonly code: "tooManyRows"; readonly count: number; readonly max: number }
  | { readonly ok: false; readonly code: "tooManyColumns"; readonly columns: number; readonly max: number };

/** A label or header as compared: lower case, without bracketed parts, spaces and trailing colons. */
export function headerKey(text: string): string {
  return text
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/[\s:：]/g, "")
    .toLowerCase();
}

const isBlank = (cell: CellValue | undefined) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

const cellText = (cell: CellValue | undefined): string => {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return String(toExcelPrecision(cell));
  return cell.trim();
};

const isNumberColumn = (column: ReadColumn | undefined) => column?.kind === "number";

/** The cell reads as a number of the column's kind. */
const readsAsNumber = (cell: CellValue | undefined, column: ReadColumn) =>
  typeof cell === "number" ? Number.isFinite(cell) : readNumberField(cellText(cell), column.numberKind ?? "amount").ok;

/** The column each cell of a header row names, when every non-blank cell names one (each at most once). */
function columnsByHeader(header: readonly CellValue[], columns: readonly ReadColumn[]): (ReadColumn | undefined)[] | undefined {
  const used = new Set<string>();
  const mapped: (ReadColumn | undefined)[] = [];
  let named = 0;
  for (const cell of header) {
    if (isBlank(cell) || typeof cell !== "string") {
      if (!isBlank(cell)) return undefined;
      mapped.push(undefined);
      continue;
    }
    const key = headerKey(cell);
    const column = columns.find((c) => !used.has(c.field) && key !== "" && headerKey(c.label) === key);
    if (column === undefined) return undefined;
    used.add(column.field);
    mapped.push(column);
    named++;
  }
  return named > 0 ? mapped : undefined;
}

/**
 * A first row of text over a row of numbers: a header without the columns' names. In the number columns,
 * the first row holds more words than numbers ("Name | 2024 | Score | Ramp") and the second reads as numbers
 * where the first does not — a typo in a first data row ("n/a" among numbers) does not make it a header.
 */
function looksLikeHeader(values: readonly (readonly CellValue[])[], mapping: readonly (ReadColumn | undefined)[]): boolean {
  const [first, second] = values;
  if (first === undefined || second === undefined) return false;
  let words = 0;
  let numbers = 0;
  let below = 0;
  for (let c = 0; c < mapping.length; c++) {
    const column = mapping[c];
    if (!isNumberColumn(column) || isBlank(first[c])) continue;
    if (readsAsNumber(first[c], column!)) numbers++;
    else {
      words++;
      if (!isBlank(second[c]) && readsAsNumber(second[c], column!)) below++;
    }
  }
  return words > numbers && below > 0;
}

/** The option a cell names (its value or its label, compared as headers are), if any. */
function optionOf(text: string, column: ReadColumn): string | undefined {
  const key = headerKey(text);
  const options = column.options ?? [];
  return (
    options.find((o) => o.value.toLowerCase() === text.toLowerCase())?.value ??
    options.find((o) => headerKey(o.label) === key || o.label.toLowerCase() === text.toLowerCase())?.value
  );
}

/**
 * The rows of `data` (a selection as the gateway read it) for a list with these columns; `blank` is a new
 * row's fields (a select's default, a ramp of 100) for the columns the selection does not cover.
 */
export function rowsFromRange(data: RangeData, columns: readonly ReadColumn[], blank: Readonly<Record<string, string>>, maxRows: number): ListRead {
  const ref = parseRange(data.address);
  const width = data.values.reduce((w, row) => Math.max(w, row.length), 0);
  const filled = data.values.some((row) => row.some((cell) => !isBlank(cell)));
  if (!filled) return { ok: false, code: "empty", address: data.address };
  if (width > columns.length) return { ok: false, code: "tooManyColumns", columns: width, max: columns.length };

  const byHeader = columnsByHeader(data.values[0] ?? [], columns);
  const mapping = byHeader ?? columns.slice(0, width);
  const header = byHeader !== undefined || looksLikeHeader(data.values, mapping);
  const body = data.values.slice(header ? 1 : 0);
  const firstRow = header ? 1 : 0;

  const where = (r: number, c: number) => (ref === undefined ? `R${r + 1}C${c + 1}` : cellAddress(ref.row + r, ref.column + c));

  // A column of percentages whose number cells all lie within ±1 holds fractions (37.5% as 0.375).
  const fractions = mapping.map((column, c) => {
    if (column?.numberKind !== "percent") return false;
    const numbers = body.map((row) => row[c]).filter((cell): cell is number => typeof cell === "number");
    return numbers.length > 0 && numbers.every((n) => Math.abs(n) <= 1);
  });

  const rows: Record<string, string>[] = [];
  const unreadable: UnreadableCell[] = [];
  let lastFilled = -1;
  body.forEach((row, r) => {
    if (row.every(isBlank)) return;
    lastFilled = r;
    const out: Record<string, string> = { ...Object.fromEntries(columns.map((column) => [column.field, blank[column.field] ?? ""])) };
    mapping.forEach((column, c) => {
      if (column === undefined) return;
      const cell = row[c];
      if (isBlank(cell)) {
        out[column.field] = column.kind === "select" ? (blank[column.field] ?? "") : "";
        return;
      }
      const text = typeof cell === "number" && fractions[c] ? `${toExcelPrecision(cell * 100)}%` : cellText(cell);
      if (column.kind === "select") {
        const value = optionOf(text, column);
        if (value === undefined) unreadable.push({ address: where(firstRow + r, c), text });
        out[column.field] = value ?? blank[column.field] ?? "";
        return;
      }
      if (column.kind === "number" && !readsAsNumber(cell, column)) unreadable.push({ address: where(firstRow + r, c), text });
      out[column.field] = text;
    });
    rows.push(out);
  });
  if (rows.length > maxRows) return { ok: false, code: "tooManyRows", count: rows.length, max: maxRows };

  const span = (from: number, count: number) =>
    ref === undefined ? data.address : formatRange({ sheet: ref.sheet, row: ref.row + from, column: ref.column, rows: count, columns: ref.columns });
  return {
    ok: true,
    rows,
    address: span(firstRow, lastFilled + 1),
    ...(header ? { header: span(0, 1) } : {}),
    unreadable,
  };
}
