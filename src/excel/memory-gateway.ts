import { cellAddress, formatRange, quoteSheet } from "./address";
import { inputRowBytes, rowBlocks, WRITE_BLOCK_ROWS } from "./blocks";
import { gridWidth, inputRow } from "./cell-input";
import { freeSheetName, freeTableName } from "./free-names";
import {
  GatewayError,
  MAX_LISTED_OCCUPIED,
  type CellSpec,
  type CellValue,
  type ChartSpec,
  type ConditionalFormatSpec,
  type DataSource,
  type NameSpec,
  type NumberFormatSpec,
  type RangeData,
  type RangeWrite,
  type RangeWriteResult,
  type SheetPlan,
  type SheetReplace,
  type SheetReplaceResult,
  type TableSpec,
  type WorkbookGateway,
  type WriteOptions,
} from "./gateway";
import { listOccupied, occupiedTargets, requireOnGrid, requirePlanAddresses, requireRange, throwIfCancelled, toGatewayError, yieldToPage } from "./write-checks";

/** What a cell holds, as Office.js `range.formulas` reports it: a formula "=…", a constant, "'text". */
export type CellInput = string | number | boolean;

/** A sheet held in memory: cells keyed "row,column" (0-based), and what the plans added to it. */
export interface MemorySheet {
  name: string;
  cells: Map<string, CellInput>;
  boldRows: number[];
  tables: TableSpec[];
  charts: ChartSpec[];
  names: NameSpec[];
  numberFormats: NumberFormatSpec[];
  conditionalFormats: ConditionalFormatSpec[];
}

/**
 * A planned failure of the next write: after `afterBlocks` row blocks were written, or at its `atStep`-th
 * step (0-based; the steps of a new sheet, in Office.js's order: adding the sheet, each row block, each
 * bold row, number format, table, chart and name, activating it; of a write into a sheet: each row block;
 * of a sheet's replacement: clearing it, then the steps of a new sheet after adding it).
 */
export type PlannedFailure = { readonly afterBlocks: number; readonly message: string } | { readonly atStep: number; readonly message: string };

export interface MemoryGatewayOptions {
  /** Rows per block (default WRITE_BLOCK_ROWS): small values let tests fail or cancel a write half-way. */
  readonly blockRows?: number;
  /** Whether formulas spill (default true: Excel 365). */
  readonly dynamicArrays?: boolean;
}

const OVERSIZED = "The request payload size has exceeded the limit.";

const key = (row: number, column: number) => `${row},${column}`;

function emptySheet(name: string): MemorySheet {
  return { name, cells: new Map(), boldRows: [], tables: [], charts: [], names: [], numberFormats: [], conditionalFormats: [] };
}

/** A cell's value as Excel shows it. The fake does not calculate: a formula cell's value is its formula. */
function valueOf(input: CellInput | undefined): CellValue {
  if (input === undefined || input === "") return null;
  if (typeof input === "string" && input.startsWith("'")) return input.slice(1);
  return input;
}

/**
 * An in-memory workbook with the gateway's contract, for tests (never bundled into dist/). It takes the steps the Office gateway takes, in the same order (row blocks,
 * then formats, tables, charts and names), so `failAfterBlocks` and `failAtStep` can make a write fail
 * at any of them and tests can check that the rollback leaves the workbook as it was.
 */
export class MemoryGateway implements WorkbookGateway {
  sheets: MemorySheet[] = [];
  /** The selection `readSelection` reports, e.g. "Sheet1!B2:C4". */
  selection: string;
  activeSheet: string;
  failNextWrite: PlannedFailure | undefined;
  /** Row blocks written so far (all writes). */
  blocksWritten = 0;
  readonly dynamicArrays: boolean;
  /** Workbook-scoped defined names (sheet-scoped ones are each sheet's `names`), e.g. { name: "Orders", address: "Data!A1:C9" }. */
  readonly workbookNames: { name: string; address: string }[] = [];
  private readonly blockRows: number;
  /** By sheet added: the sheet that was active before it (deleteSheet activates it again). */
  private readonly activeBefore = new Map<MemorySheet, string>();

  constructor(
    readonly available = true,
    existingSheets: readonly string[] = ["Sheet1"],
    options: MemoryGatewayOptions = {},
  ) {
    for (const name of existingSheets) this.sheets.push(emptySheet(name));
    this.activeSheet = existingSheets[0] ?? "Sheet1";
    this.selection = `${quoteSheet(this.activeSheet)}!A1`;
    this.blockRows = options.blockRows ?? WRITE_BLOCK_ROWS;
    this.dynamicArrays = options.dynamicArrays ?? true;
  }

  /** Fails the next write after `afterBlocks` blocks with Excel's message for an oversized request. */
  failAfterBlocks(afterBlocks: number, message = OVERSIZED): void {
    this.failNextWrite = { afterBlocks, message };
  }

  /** Fails the next write at its `step`-th step (see PlannedFailure); a step past its last fails nothing. */
  failAtStep(step: number, message = OVERSIZED): void {
    this.failNextWrite = { atStep: step, message };
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

  /** A deep copy of the whole workbook (sheets in order, the active one), to compare before and after a failed write. */
  snapshot(): unknown {
    return {
      active: this.activeSheet,
      names: this.workbookNames.map((defined) => ({ ...defined })),
      sheets: this.sheets.map((s) => ({ ...s, cells: [...s.cells.entries()].sort(), boldRows: [...s.boldRows], tables: [...s.tables], charts: [...s.charts], names: [...s.names], numberFormats: [...s.numberFormats], conditionalFormats: [...s.conditionalFormats] })),
    };
  }

  async createSheet(plan: SheetPlan, options: WriteOptions = {}): Promise<string> {
    this.requireAvailable();
    requirePlanAddresses(plan);
    throwIfCancelled(options.signal);
    const name = freeSheetName(
      plan.name,
      this.sheets.map((sheet) => sheet.name),
    );
    const steps = new Steps(this.takeFailure());
    const active = this.activeSheet;
    const sheet = emptySheet(name);
    await Promise.resolve();
    try {
      steps.take(() => this.sheets.push(sheet));
      await this.fill(sheet, plan, steps, options);
      this.activeBefore.set(sheet, active);
      return name;
    } catch (error) {
      // All or nothing: the sheet goes with everything on it, and the sheet that was active is again.
      const index = this.sheets.indexOf(sheet);
      if (index >= 0) this.sheets.splice(index, 1);
      this.activeSheet = active;
      throw toGatewayError(error);
    }
  }

  async replaceSheet(request: SheetReplace, options: WriteOptions = {}): Promise<SheetReplaceResult> {
    this.requireAvailable();
    requirePlanAddresses(request.plan);
    throwIfCancelled(options.signal);
    const sheet = this.sheet(request.sheet);
    await Promise.resolve();
    if (sheet === undefined) return { kind: "missing" };
    const filled = [...sheet.cells.entries()].filter(([, input]) => input !== "").map(([k]) => k.split(",").map(Number) as [number, number]);
    const { occupied, count } = listOccupied(sheet.name, filled);
    if (count > 0 && request.overwrite !== true) return { kind: "needsConfirmation", sheet: sheet.name, occupied, count };
    const before = { ...sheet, cells: new Map(sheet.cells), boldRows: [...sheet.boldRows], tables: [...sheet.tables], charts: [...sheet.charts], names: [...sheet.names], numberFormats: [...sheet.numberFormats], conditionalFormats: [...sheet.conditionalFormats] };
    const active = this.activeSheet;
    const steps = new Steps(this.takeFailure());
    try {
      steps.take(() => {
        sheet.cells.clear();
        sheet.boldRows = [];
        sheet.tables = [];
        sheet.charts = [];
        sheet.names = [];
        sheet.numberFormats = [];
        sheet.conditionalFormats = [];
      });
      await this.fill(sheet, request.plan, steps, options);
      return { kind: "written", sheet: sheet.name };
    } catch (error) {
      // All or nothing: the sheet holds again exactly what it held, and the sheet that was active is again.
      Object.assign(sheet, before);
      this.activeSheet = active;
      throw toGatewayError(error);
    }
  }

  async activateSheet(name: string): Promise<"activated" | "missing"> {
    this.requireAvailable();
    await Promise.resolve();
    const sheet = this.sheet(name);
    if (sheet === undefined) return "missing";
    this.activeSheet = sheet.name;
    return "activated";
  }

  async deleteSheet(name: string): Promise<"deleted" | "missing"> {
    this.requireAvailable();
    await Promise.resolve();
    const sheet = this.sheet(name);
    if (sheet === undefined) return "missing";
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheet === sheet.name) {
      const before = this.activeBefore.get(sheet);
      this.activeSheet = before !== undefined && this.sheet(before) !== undefined ? this.sheet(before)!.name : (this.sheets[0]?.name ?? "");
    }
    this.activeBefore.delete(sheet);
    return "deleted";
  }

  /** Writes a plan into an empty sheet, step by step, and activates it (what createSheet and replaceSheet share). */
  private async fill(sheet: MemorySheet, plan: SheetPlan, steps: Steps, options: WriteOptions): Promise<void> {
    const width = gridWidth(plan.rows);
    await this.writeBlocks(sheet, 0, 0, plan.rows, width, steps, options);
    throwIfCancelled(options.signal);
    for (const row of plan.boldRows ?? []) steps.take(() => sheet.boldRows.push(row));
    for (const format of plan.numberFormats ?? []) steps.take(() => sheet.numberFormats.push(format));
    const takenTables = this.sheets.filter((s) => s !== sheet).flatMap((s) => s.tables.map((t) => t.name));
    for (const table of plan.tables ?? []) {
      const tableName = freeTableName(table.name, takenTables);
      takenTables.push(tableName);
      steps.take(() => sheet.tables.push({ ...table, name: tableName }));
    }
    for (const chart of plan.charts ?? []) steps.take(() => sheet.charts.push(chart));
    for (const defined of plan.names ?? []) steps.take(() => sheet.names.push(defined));
    for (const rule of plan.conditionalFormats ?? []) steps.take(() => sheet.conditionalFormats.push(rule));
    steps.take(() => (this.activeSheet = sheet.name));
    steps.end();
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
    const steps = new Steps(this.takeFailure());
    try {
      await this.writeBlocks(sheet, ref.row, ref.column, request.rows, width, steps, {});
      steps.end();
    } catch (error) {
      // Restore exactly what the target cells held ("" clears); cells the write left alone stay as they are.
      request.rows.forEach((row, r) => row.forEach((spec, c) => spec !== null && setInput(sheet, ref.row + r, ref.column + c, previous[r]![c]!)));
      throw toGatewayError(error);
    }
    return { kind: "written", address: formatRange(target) };
  }

  /**
   * Writes rows in blocks, as Office.js does; between two blocks the signal is checked (with a signal, the
   * page first gets a turn, so that its Cancel button can be pressed) and the progress reported (blocks
   * written of all).
   */
  private async writeBlocks(sheet: MemorySheet, row: number, column: number, rows: readonly (readonly CellSpec[])[], width: number, steps: Steps, options: WriteOptions): Promise<void> {
    const inputs = rows.map((cells) => inputRow(cells, width));
    const blocks = width > 0 ? rowBlocks(inputs.length, (r) => inputRowBytes(inputs[r], width), this.blockRows) : [];
    for (const [index, [start, end]] of blocks.entries()) {
      // A caller that can cancel gets a turn between two blocks to do so (and to show the progress).
      if (index > 0 && options.signal !== undefined) await yieldToPage();
      throwIfCancelled(options.signal);
      steps.block(() => {
        inputs.slice(start, end).forEach((cells, r) =>
          cells.forEach((input, c) => {
            if (input !== null) setInput(sheet, row + start + r, column + c, input);
          }),
        );
        this.blocksWritten++;
      });
      options.onProgress?.({ done: index + 1, total: blocks.length });
    }
  }

  async listDataSources(): Promise<readonly DataSource[]> {
    this.requireAvailable();
    await Promise.resolve();
    return [
      ...this.sheets.flatMap((sheet) => sheet.tables.map((table): DataSource => ({ kind: "table", name: table.name, address: `${quoteSheet(sheet.name)}!${table.address}` }))),
      ...this.workbookNames.map((defined): DataSource => ({ kind: "name", name: defined.name, address: defined.address })),
      ...this.sheets.flatMap((sheet) => sheet.names.map((defined): DataSource => ({ kind: "name", name: `${quoteSheet(sheet.name)}!${defined.name}`, address: `${quoteSheet(sheet.name)}!${defined.address}` }))),
    ];
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

/** The steps of one write, in order, failing where the planned failure says (before the step runs). */
class Steps {
  private taken = 0;
  private blocks = 0;

  constructor(private readonly failure: PlannedFailure | undefined) {}

  take(step: () => void): void {
    if (this.failure !== undefined && "atStep" in this.failure && this.taken === this.failure.atStep) throw new Error(this.failure.message);
    step();
    this.taken++;
  }

  block(step: () => void): void {
    if (this.failure !== undefined && "afterBlocks" in this.failure && this.blocks === this.failure.afterBlocks) throw new Error(this.failure.message);
    this.take(step);
    this.blocks++;
  }

  /** A write with fewer blocks than `afterBlocks` still fails, at its end. */
  end(): void {
    if (this.failure !== undefined && "afterBlocks" in this.failure && this.blocks <= this.failure.afterBlocks) throw new Error(this.failure.message);
  }
}
