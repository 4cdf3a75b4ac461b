/**
 * The contract between the task pane and a workbook: the operations the pane needs, their types and the
 * typed error they throw. Components receive a WorkbookGateway as a prop and never touch Excel.
 *
 * Implementations: office-gateway.ts (Office.js, the one place that calls `Excel.run`), memory-gateway.ts
 * (in memory, for tests only: never in dist/) and src/workbench/hyperformula-gateway.ts (the workbench's
 * calculating workbook); outside-excel-gateway.ts is what the pane gets outside Excel (every operation
 * fails with UNAVAILABLE). Their shared helpers are cell-input.ts, blocks.ts, free-names.ts and
 * write-checks.ts; test/excel/gateway-contract.ts runs one suite against all three.
 *
 * Every implementation keeps these rules, so that no page has to:
 * - a new sheet never replaces an existing one (`createSheet` picks a free name);
 * - `writeRange` and `replaceSheet` never overwrite a non-empty cell unless called again with
 *   `overwrite: true`;
 * - every write is all or nothing: a failure removes the new sheet (with its tables, charts and names),
 *   or restores the cells (and, for `replaceSheet`, the formats, tables and names) it replaced, and the
 *   workbook is as it was;
 * - user text that Excel would turn into a formula, number, date or logical value stays the text typed;
 * - requests stay within Excel's size limits (row blocks, one `sync` each);
 * - a long write reports its progress block by block and can be cancelled between blocks: a cancelled write
 *   is undone exactly as a failed one, and rejects with CANCELLED.
 */

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

export type ChartKind = "column" | "bar" | "line" | "pie" | "scatter" | "funnel";

/**
 * A native chart on the new sheet. For a scatter, the first source column is X, the next ones Y. A funnel
 * takes the stage names and one column of counts, top stage first: Excel's funnel chart where the host has
 * it (ExcelApi 1.9), else a bar chart with the first stage on top.
 */
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

/**
 * A conditional format on the new sheet: cells of `address` whose `formula` is true (written for the
 * top-left cell, relative references moving as Excel's do) show `fill` and `font` colours ("#RRGGBB").
 */
export interface ConditionalFormatSpec {
  readonly address: string;
  readonly formula: string;
  readonly fill: string;
  readonly font?: string;
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
  readonly conditionalFormats?: readonly ConditionalFormatSpec[];
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

/**
 * An update of a sheet an earlier write made: everything on it is replaced by the plan (see
 * WorkbookGateway.replaceSheet). The plan's own `name` is not used: the sheet keeps its name.
 */
export interface SheetReplace {
  /** The existing sheet, by name (compared without regard to case, as Excel does). */
  readonly sheet: string;
  readonly plan: SheetPlan;
  /** The user confirmed replacing the non-empty cells a previous call listed. */
  readonly overwrite?: boolean;
}

export type SheetReplaceResult =
  | { readonly kind: "written"; readonly sheet: string }
  /**
   * Nothing was written: the sheet has non-empty cells (the first MAX_LISTED_OCCUPIED of them, row by row,
   * and how many there are in all). Ask, then call again with `overwrite: true`.
   */
  | { readonly kind: "needsConfirmation"; readonly sheet: string; readonly occupied: readonly string[]; readonly count: number }
  /** No sheet of that name (deleted or renamed since): nothing was written. */
  | { readonly kind: "missing" };

/**
 * How far a write got: `done` of `total` steps, in a unit each implementation states (row blocks for
 * Office.js and the in-memory workbook; the workbench counts its blocks of constants, then of formulas).
 * done/total is the share written; `done` = `total` once the cells are in (tables, charts… follow at once).
 */
export interface WriteProgress {
  readonly done: number;
  readonly total: number;
}

/** What a caller may pass to a write that can be long (a sheet of a million rows). */
export interface WriteOptions {
  /** Called after each step of the write (a row block), with how far it got. */
  readonly onProgress?: (progress: WriteProgress) => void;
  /**
   * Aborting it stops the write before its next step: everything it did is undone, as after a failure, and
   * it rejects with CANCELLED. Aborted before the write starts, nothing is touched.
   */
  readonly signal?: AbortSignal;
}

/** A range the workbook names: an Excel table (its whole range, header row included) or a defined name. */
export interface DataSource {
  readonly kind: "table" | "name";
  /** As Excel shows it: "Orders", or a sheet-scoped name as "Sheet1!Orders". */
  readonly name: string;
  /** The range, e.g. "'Order export'!A1:C4907". */
  readonly address: string;
}

export type GatewayErrorCode = "UNAVAILABLE" | "WRITE_FAILED" | "READ_FAILED" | "BAD_ADDRESS" | "CANCELLED";

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

const GATEWAY_ERROR_CODES: ReadonlySet<string> = new Set<GatewayErrorCode>(["UNAVAILABLE", "WRITE_FAILED", "READ_FAILED", "BAD_ADDRESS", "CANCELLED"]);

/**
 * Whether `error` is a GatewayError — also one made by another bundle's copy of the class (the workbench's
 * gateway is its own bundle, so `instanceof` alone would read its CANCELLED as an unknown failure).
 */
export function isGatewayError(error: unknown): error is GatewayError {
  if (error instanceof GatewayError) return true;
  if (!(error instanceof Error) || error.name !== "GatewayError") return false;
  const { code, detail } = error as Partial<GatewayError>;
  return typeof code === "string" && GATEWAY_ERROR_CODES.has(code) && typeof detail === "string";
}

export interface WorkbookGateway {
  /** False outside Excel (a plain browser): writes would fail, so the UI disables them. */
  readonly available: boolean;
  /**
   * Whether formulas spill (dynamic arrays: Excel 365 and 2021). Without them FILTER does not exist and a
   * function's array result shows one cell; a page then writes values instead.
   */
  readonly dynamicArrays: boolean;
  /**
   * Adds a sheet and writes the plan into it (cells, formats, tables, charts, names) — never into an
   * existing sheet. All or nothing: on failure (or a cancel, see WriteOptions) the new sheet is removed and
   * a GatewayError is thrown. Resolves to the name the sheet got.
   */
  createSheet(plan: SheetPlan, options?: WriteOptions): Promise<string>;
  /** The values of a range, e.g. "Sheet1!B2:B40" (BAD_ADDRESS for a malformed address or unknown sheet). */
  readRange(address: string): Promise<RangeData>;
  /** The current selection's address and values. */
  readSelection(): Promise<RangeData>;
  /** The workbook's tables and the defined names that refer to one range, to read with readRange. */
  listDataSources(): Promise<readonly DataSource[]>;
  /**
   * Writes into an existing sheet. When a target cell (a non-null spec) is not empty and `overwrite` is not
   * true, writes nothing and lists the occupied cells. All or nothing: on failure the previous contents of
   * the target rectangle are restored and a GatewayError is thrown.
   */
  writeRange(request: RangeWrite): Promise<RangeWriteResult>;
  /**
   * Replaces everything on an existing sheet by a plan: its cells (from A1 to its last used cell; what the
   * plan leaves empty ends empty), number formats, bold rows, tables, charts, conditional formats and sheet-scoped names. The
   * sheet keeps its name, position and identity, so formulas elsewhere that refer to its cells go on
   * referring to the same cells. When the sheet has a non-empty cell and `overwrite` is not true, writes
   * nothing and lists them; `missing` when there is no such sheet. All or nothing: on failure (or a cancel)
   * the sheet is as it was (cells, formats, tables, charts, names) and a GatewayError is thrown. Activates
   * the sheet.
   */
  replaceSheet(request: SheetReplace, options?: WriteOptions): Promise<SheetReplaceResult>;
  /** Makes a sheet the active one (the user sees it); `missing` when there is no sheet of that name. */
  activateSheet(name: string): Promise<"activated" | "missing">;
  /**
   * Removes a sheet and everything on it (cells, tables, charts, names): for a page that writes several new
   * sheets in one action and, when a later one fails or is cancelled, takes back the ones already written, so
   * that the workbook is as it was. When the sheet is the active one, the sheet that was active when
   * `createSheet` added it is active again (if it still exists). `missing` when there is no sheet of that name.
   */
  deleteSheet(name: string): Promise<"deleted" | "missing">;
}

/** At most this many occupied cells are listed in a confirmation (the count is what matters beyond). */
export const MAX_LISTED_OCCUPIED = 50;
