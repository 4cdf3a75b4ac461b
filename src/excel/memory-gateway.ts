import { cellAddress, formatRange, quoteSheet } from "./address";
import {
  freeSheetName,
  freeTableName,
  GatewayError,
  gridWidth,
  inputRow,
  MAX_LISTED_OCCUPIED,
  inputRowBytes,
  occupiedTargets,
  requireLocalRange,
  requireOnGrid,
  requireRange,
  rowBlocks,
  WRITE_BLOCK_ROWS,
  type CellSpec,
  type CellValue,
  type ChartSpec,
  type NameSpec,
  type NumberFormatSpec,
  type RangeData,
  type RangeWrite,
  type RangeWriteResult,
  type SheetPlan,
  type TableSpec,
  type WorkbookGateway,
} from "./gateway";

/** What a cell holds, as Office.js `range.formulas` reports it: a formula "=…", a constant, "'text". */
export type CellInput = string | number | boolean;

/** A sheet held in memory: cells keyed "row,column" (0-based), and what the plans added to it. */
export interface MemorySheet {
  name: string;
  readonly cells: Map<string, CellInput>;
  boldRows: number[];
  tables: TableSpec[];
  charts: ChartSpec[];
  names: NameSpec[];
  numberFormats: NumberFormatSpec[];
}

/** A planned failure: the write fails after `afterBlocks` row blocks were written (0: before any). */
export interface PlannedFailure {
  readonly afterBlocks: number;
  readonly message: string;
}

export interface MemoryGatewayOptions {
  /** Rows per block (default WRITE_BLOCK_ROWS): small values let tests fail a write half-way. */
  readonly blockRows?: number;
}

const key = (row: number, column: number) => `${row},${column}`;

function emptySheet(name: string): MemorySheet {
  return { name, cells: new Map(), boldRows: [], tables: [], charts: [], names: [], numberFormats: [] };
}

/** A cell's value as Excel shows it. The fake does not calculate: a formula cell's value is its formula. */
function valueOf(input: CellInput | undefined): CellValue {
  if (input === undefined || input === "") return null;
  if (typeof input === "string" && input.startsWith("'")) return input.slice(1);
  return input;
}

/**
 * An in-memory workbook with the gateway's contract (used by tests, and by the pane outside Excel when
 * `available` is false). It writes in row blocks like the Office gateway, so `failNextWrite` can make a
 * write fail after N blocks and tests can check that the rollback leaves the workbook as it was.
 */
export class MemoryGateway implements WorkbookGateway {
  sheets: MemorySheet[] = [];
  /** The selection `readSelection` reports, e.g. "Sheet1!B2:C4". */
  selection: string;
  activeSheet: string;
  failNextWrite: PlannedFailure | undefined;
  /** Row blocks written so far (all writes). */
  blocksWritten = 0;
  private readonly blockRows: number;

  constructor(
    readonly available = true,
    existingSheets: readonly string[] = ["Sheet1"],
    options: MemoryGatewayOptions = {},
  ) {
    for (const name of existingSheets) this.sheets.push(emptySheet(name));
    this.activeSheet = existingSheets[0] ?? "Sheet1";
    this.selection = `${quoteSheet(this.activeSheet)}!A1`;
    this.blockRows = options.blockRows ?? WRITE_BLOCK_ROWS;
  }

  /** Fails the next write after `afterBlocks` blocks with Excel's message for an oversized request. */
  failAfterBlocks(afterBlocks: number, message = "The request payload size has exceeded the limit."): void {
    this.failNextWrite = { afterBlocks, message };
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Test seeding: puts specs into an existing sheet at `address` (top-left), creating the sheet if needed. */
  setCells(address: string, rows: readonly (readonly CellSpec[])[]): void {
    const ref = requireRange(address);
    const name = ref.sheet ?? this.activeSheet;
    const sheet = this.sheet(name) ?? (this.sheets.push(emptySheet(name)), this.sheet(name)!);
    rows.forEach((row, r) => inputRow(row, row.length).forEach((input, c) => input !== null && sheet.cells.set(key(ref.row + r, ref.column + c), input)));
  }

  /** What `range.formulas` would show for one cell ("" when empty), e.g. formulaAt("SWOT!D5"). */
  formulaAt(address: string): CellInput {
    const ref = requireRange(address);
    return this.requireSheet(ref.sheet).cells.get(key(ref.row, ref.column)) ?? "";
  }

  /** The cell's value ("'text" shows as "text"; the fake does not calculate formulas). */
  valueAt(address: string): CellValue {
    const ref = requireRange(address);
    return valueOf(this.requireSheet(ref.sheet).cells.get(key(ref.row, ref.column)));
  }

  /** A sheet's cells from A1 to its last used cell, as `range.formulas` ("" for empty). */
  grid(sheetName: string): CellInput[][] {
    const sheet = this.requireSheet(sheetName);
    let rows = 0;
    let columns = 0;
    for (const k of sheet.cells.keys()) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    }
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => sheet.cells.get(key(r, c)) ?? ""));
  }

  /** A deep copy of the whole workbook, to compare before and after a failed write. */
  snapshot(): unknown {
    return this.sheets.map((s) => ({ ...s, cells: [...s.cells.entries()].sort(), boldRows: [...s.boldRows], tables: [...s.tables], charts: [...s.charts], names: [...s.names], numberFormats: [...s.numberFormats] }));
  }

  async createSheet(plan: SheetPlan): Promise<string> {
    this.requireAvailable();
    const name = freeSheetName(
      plan.name,
      this.sheets.map((sheet) => sheet.name),
    );
    // Validate every address before touching the workbook.
    const addresses = [...(plan.tables ?? []).map((t) => t.address), ...(plan.numberFormats ?? []).map((f) => f.address), ...(plan.charts ?? []).flatMap((c) => [c.source, c.from, c.to]), ...(plan.names ?? []).map((n) => n.address)];
    addresses.forEach(requireLocalRange);
    const sheet = emptySheet(name);
    this.sheets.push(sheet);
    const failure = this.takeFailure();
    await Promise.resolve();
    try {
      const width = gridWidth(plan.rows);
      this.writeBlocks(sheet, 0, 0, plan.rows, width, failure);
      sheet.boldRows = [...(plan.boldRows ?? [])];
      sheet.numberFormats = [...(plan.numberFormats ?? [])];
      const takenTables = this.sheets.flatMap((s) => s.tables.map((t) => t.name));
      sheet.tables = (plan.tables ?? []).map((table) => {
        const tableName = freeTableName(table.name, takenTables);
        takenTables.push(tableName);
        return { ...table, name: tableName };
      });
      sheet.charts = [...(plan.charts ?? [])];
      sheet.names = [...(plan.names ?? [])];
      this.activeSheet = name;
      return name;
    } catch (error) {
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      throw toWriteError(error);
    }
  }

  async readRange(address: string): Promise<RangeData> {
    this.requireAvailable();
    const ref = requireRange(address);
    await Promise.resolve();
    const sheet = this.sheet(ref.sheet ?? this.activeSheet);
    if (sheet === undefined) throw new GatewayError("BAD_ADDRESS", address);
    const values = Array.from({ length: ref.rows }, (_, r) => Array.from({ length: ref.columns }, (_, c) => valueOf(sheet.cells.get(key(ref.row + r, ref.column + c)))));
    return { address: formatRange({ ...ref, sheet: sheet.name }), values };
  }

  async readSelection(): Promise<RangeData> {
    return this.readRange(this.selection);
  }

  async writeRange(request: RangeWrite): Promise<RangeWriteResult> {
    this.requireAvailable();
    const ref = requireRange(request.address);
    const sheet = this.sheet(ref.sheet ?? this.activeSheet);
    if (sheet === undefined) throw new GatewayError("BAD_ADDRESS", request.address);
    const width = gridWidth(request.rows);
    requireOnGrid(ref, request.rows.length, width, request.address);
    const target = { sheet: sheet.name, row: ref.row, column: ref.column, rows: Math.max(request.rows.length, 1), columns: Math.max(width, 1) };
    const previous = Array.from({ length: request.rows.length }, (_, r) => Array.from({ length: width }, (_, c) => sheet.cells.get(key(ref.row + r, ref.column + c)) ?? ""));
    await Promise.resolve();
    const occupied = occupiedTargets(request.rows, previous, target, (s, r, c) => `${quoteSheet(s)}!${cellAddress(r, c)}`);
    if (occupied.length > 0 && request.overwrite !== true) {
      return { kind: "needsConfirmation", address: formatRange(target), occupied: occupied.slice(0, MAX_LISTED_OCCUPIED) };
    }
    const failure = this.takeFailure();
    try {
      this.writeBlocks(sheet, ref.row, ref.column, request.rows, width, failure);
    } catch (error) {
      // Restore exactly what was there, cell by cell ("" clears).
      previous.forEach((row, r) => row.forEach((input, c) => setInput(sheet, ref.row + r, ref.column + c, input)));
      throw toWriteError(error);
    }
    return { kind: "written", address: formatRange(target) };
  }

  private writeBlocks(sheet: MemorySheet, row: number, column: number, rows: readonly (readonly CellSpec[])[], width: number, failure: PlannedFailure | undefined): void {
    let blocks = 0;
    const inputs = rows.map((cells) => inputRow(cells, width));
    for (const [start, end] of rowBlocks(inputs.length, (r) => inputRowBytes(inputs[r], width), this.blockRows)) {
      if (failure !== undefined && blocks === failure.afterBlocks) throw new Error(failure.message);
      inputs.slice(start, end).forEach((cells, r) =>
        cells.forEach((input, c) => {
          if (input !== null) setInput(sheet, row + start + r, column + c, input);
        }),
      );
      blocks++;
      this.blocksWritten++;
    }
    if (failure !== undefined && blocks <= failure.afterBlocks) throw new Error(failure.message);
  }

  private takeFailure(): PlannedFailure | undefined {
    const failure = this.failNextWrite;
    this.failNextWrite = undefined;
    return failure;
  }

  private requireAvailable(): void {
    if (!this.available) throw new GatewayError("UNAVAILABLE");
  }

  private requireSheet(name: string | undefined): MemorySheet {
    const sheet = this.sheet(name ?? this.activeSheet);
    if (sheet === undefined) throw new GatewayError("BAD_ADDRESS", name ?? "");
    return sheet;
  }
}

function setInput(sheet: MemorySheet, row: number, column: number, input: CellInput): void {
  if (input === "") sheet.cells.delete(key(row, column));
  else sheet.cells.set(key(row, column), input);
}

function toWriteError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  return new GatewayError("WRITE_FAILED", error instanceof Error ? error.message : String(error));
}
