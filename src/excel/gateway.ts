/**
 * The workbook operations the task pane needs, as a small interface. The Office.js implementation
 * (office-gateway.ts) is the one place that calls `Excel.run`; tests and the browser outside Excel use the
 * in-memory one (memory-gateway.ts). Components receive a gateway as a prop and never touch Excel.
 */

/** One cell to write: a constant (text stays text, even if it starts with "="), or a formula. */
export type CellSpec = { readonly value: string | number | boolean } | { readonly formula: string } | null;

/** A new sheet: cells from A1, row by row (`null` leaves a cell empty, e.g. under a spilling formula). */
export interface SheetPlan {
  /** Preferred name; when taken, the gateway picks "name (2)", "name (3)"… */
  readonly name: string;
  readonly rows: readonly (readonly CellSpec[])[];
  /** Rows (1-based) to show in bold, e.g. a header row. */
  readonly boldRows?: readonly number[];
}

export type GatewayErrorCode = "UNAVAILABLE" | "WRITE_FAILED";

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
   * Adds a sheet and writes the plan into it — never into an existing sheet, so no user cell is ever
   * overwritten. All or nothing: on failure the new sheet is removed and a GatewayError is thrown.
   * Resolves to the name the sheet got.
   */
  createSheet(plan: SheetPlan): Promise<string>;
}

/** Excel's limit on a sheet name: 31 characters, none of : \ / ? * [ ]. */
export const MAX_SHEET_NAME = 31;

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
 * The text Office.js must receive for a cell so that it lands as intended: formulas as they are; text
 * that Excel would read as a formula or a number-like entry ("=…", "+…", "-…", "@…") behind an apostrophe,
 * which Excel stores as a prefix, so the cell shows the text exactly.
 */
export function cellInput(cell: CellSpec): string | number | boolean | null {
  if (cell === null) return null;
  if ("formula" in cell) return cell.formula;
  const { value } = cell;
  if (typeof value === "string" && /^[=+\-@]/.test(value)) return `'${value}`;
  return value;
}
