import { fail } from "../../core/shared/errors";
import { serialFromCell } from "../../core/shared/excel-date";
import { numberFromText } from "../../core/shared/number-text";
import { EXCEL_MAX } from "../../core/shared/rounding";

/**
 * Reading single cell values the way every SALES function does. The rules, decided once (the text readers
 * are the core's, shared with the task pane: core/shared/number-text.ts and excel-date.ts):
 *
 * - Blank: `null`, `undefined`, `""` or text of spaces only.
 * - Numbers: a number; or text that spells one: `1234.5`, `1,234.5` (correct thousands groups), `1e3`,
 *   `-1,200`, `(1,200)` (= −1200), `12%` (= 0.12), money `¥1,200` / `￥1200.50` / `RMB 1200` / `1200元`,
 *   Chinese magnitudes `1.2万` (12,000) / `3亿` / `1.2万元`, full-width `１２００`. Text beyond the largest
 *   number a cell holds is an error that says so. TRUE/FALSE are not numbers.
 * - Dates: an Excel serial (1900-01-01 … 9999-12-31, time of day allowed: the calculations count whole
 *   days), a whole number yyyymmdd (20240331, as exports store dates; far above any serial), or text
 *   `2024-03-31`, `2024/3/31`, `2024.3.31`, `2024年3月31日` / `2024年3月31号` (optionally with a time, which is
 *   dropped) or `20240331`; plain numeric text is read as a serial.
 * - An Excel error value in a cell (#N/A, #REF!…) is reported with its position, never passed on as data.
 * - Flags (a TRUE/FALSE per row): TRUE/FALSE, a number as Excel counts it (0 is FALSE, any other TRUE),
 *   the text "TRUE"/"FALSE" in any case; a blank cell is FALSE.
 */

/** True for an empty cell as Excel passes it. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  if (value.length === 0) return true;
  return value.trim().length === 0;
}

/** The Excel error code (#N/A…) a cell holds, or `undefined`. */
export function excelErrorOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" ? code : "#VALUE!";
}

/** Where a cell sits, for messages. */
export interface CellRef {
  readonly arg: string;
  readonly index?: number;
  readonly row?: number;
  readonly column?: number;
}

function shown(value: unknown): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** A required number, or a clear error naming the cell. */
export function toNumber(value: unknown, where: CellRef): number {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    throw fail("NOT_A_NUMBER", { ...where, value: shown(value) });
  }
  if (typeof value === "string") {
    if (isBlank(value)) throw fail("BLANK", where);
    const parsed = numberFromText(value);
    if (parsed === undefined) throw fail("NOT_A_NUMBER", { ...where, value: shown(value) });
    if (!(Math.abs(parsed) <= EXCEL_MAX)) throw fail("NUMBER_TOO_LARGE", { ...where, value: shown(value.trim()), max: EXCEL_MAX });
    return parsed;
  }
  if (typeof value === "boolean") throw fail("BOOLEAN_NOT_NUMBER", { ...where, value: value ? "TRUE" : "FALSE" });
  if (value === null || value === undefined) throw fail("BLANK", where);
  throw fail("ERROR_IN_INPUT", { ...where, value: excelErrorOf(value) ?? shown(value) });
}

/** A TRUE/FALSE cell of a flag list (rules above), or a clear error naming the cell. */
export function toFlag(value: unknown, where: CellRef): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value !== 0;
  if (isBlank(value)) return false;
  if (typeof value === "string") {
    const text = value.trim().toUpperCase();
    if (text === "TRUE") return true;
    if (text === "FALSE") return false;
    throw fail("UNKNOWN_OPTION", { ...where, value: shown(value), choices: ["TRUE", "FALSE"] });
  }
  return toNumber(value, where) !== 0; // error values (#N/A…) get their own message
}

/** A required date as an Excel serial (read by the core's serialFromCell), or a clear error naming the cell. */
export function toDate(value: unknown, where: CellRef): number {
  const serial = serialFromCell(value);
  if (serial !== undefined) return serial;
  if (typeof value === "number" || (typeof value === "string" && !isBlank(value))) throw fail("NOT_A_DATE", { ...where, value: shown(value) });
  return toNumber(value, where); // blanks, booleans and error values get their own messages
}

/** A required id or label: text (as written) or a number. */
export function toText(value: unknown, where: CellRef): string | number {
  if (typeof value === "string") {
    if (isBlank(value)) throw fail("BLANK", where);
    return value;
  }
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return toNumber(value, where);
}
