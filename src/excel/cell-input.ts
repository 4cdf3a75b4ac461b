/**
 * How the gateways turn cell specs into what the workbook receives, and put back what they read: text
 * that Excel would read as something else goes behind an apostrophe, which Excel keeps as a prefix.
 */
import type { CellSpec } from "./gateway";

/** A cell as Office.js receives it in `range.formulas`: a formula, a constant, "'text", or null (leave as is). */
export type CellInputValue = string | number | boolean | null;

/**
 * The text Office.js must receive for a cell so that it lands as intended: formulas as they are; text
 * that Excel would read as something else (see {@link needsTextPrefix}) behind an apostrophe, so the cell
 * shows the text exactly.
 */
export function cellInput(cell: CellSpec): CellInputValue {
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

/**
 * What to write to put a cell back as it was, from its `formulas` and `values` read before a write.
 * `range.formulas` drops the apostrophe of text kept behind one ("'=note", "'001" read as "=note", "001"),
 * so writing it back as read would make a formula or a number of the user's text. A cell whose formula
 * reads the same as its value is a constant: text goes back through {@link cellInput}; a formula, a
 * number, a logical value or "" (empty: cleared) goes back as read.
 */
export function restoreInput(formula: unknown, value: unknown): string | number | boolean {
  if (typeof formula === "string" && formula !== "" && formula === value) return cellInput({ value: formula }) as string;
  return formula as string | number | boolean;
}

/** The widest row of a grid of specs. */
export function gridWidth(rows: readonly (readonly CellSpec[])[]): number {
  return rows.reduce((width, row) => Math.max(width, row.length), 0);
}

/** A row padded to `width` as Office.js inputs (null: leave the cell as it is). */
export function inputRow(row: readonly CellSpec[] | undefined, width: number): CellInputValue[] {
  return Array.from({ length: width }, (_, c) => cellInput(row?.[c] ?? null));
}
