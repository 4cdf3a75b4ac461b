import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent, SimpleCellAddress } from "hyperformula";
import { cellAddress, formatRange, parseRange, quoteSheet } from "../excel/address";
import { rowBlocks, WRITE_BLOCK_ROWS } from "../excel/blocks";
import { cellInput, gridWidth } from "../excel/cell-input";
import { freeSheetName, freeTableName } from "../excel/free-names";
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
} from "../excel/gateway";
import { listOccupied, requireOnGrid, requirePlanAddresses, requireRange, throwIfCancelled, toGatewayError, yieldToPage } from "../excel/write-checks";
import { ENGINE_CONFIG, keepSpillsSized } from "./hyperformula-bridge";

/**
 * The task pane's WorkbookGateway on a HyperFormula workbook: the workbench's stand-in for Excel. Cells
 * hold values and formulas and calculate (the SALES functions too, once registered with the bridge);
 * what HyperFormula has no notion of — tables, charts, number formats, bold rows — is recorded per sheet
 * for the page to show. The contract is the interface's (src/excel/gateway.ts):
 * - `createSheet` never touches an existing sheet (a free name is picked); names are scoped to the new sheet;
 * - `writeRange` lists the non-empty target cells and writes nothing until called with `overwrite: true`;
 *   a cell covered by a spill counts as non-empty, as it shows a value;
 * - `replaceSheet` empties an existing sheet (cells, names, records) and writes the plan into it, so
 *   formulas elsewhere keep pointing at its cells;
 * - all or nothing: a failed `createSheet` removes the sheet (and its names), a failed `writeRange` puts
 *   back what the target cells held, a failed `replaceSheet` what the sheet held; a cancel likewise. A long
 *   write goes in row blocks — the constants of each block, then the formulas of each — and lets the page
 *   run between two blocks, so its progress shows and Cancel can be pressed.
 * Errors read back as their codes ("#DIV/0!"), as Office.js returns them.
 */

/** What a plan recorded on a sheet besides its cells. */
export interface SheetRecord {
  readonly tables: readonly TableSpec[];
  readonly charts: readonly ChartSpec[];
  readonly names: readonly NameSpec[];
  readonly numberFormats: readonly NumberFormatSpec[];
  readonly boldRows: readonly number[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
}

/** A cell as the workbench shows it: its value, its content (formula bar) and an error's message. */
export interface CellView {
  readonly value: CellValue;
  /** The formula ("=…"), the constant as entered, or "" when empty. */
  readonly content: string;
  readonly error?: string;
  /** Inside the spill of an array formula (not its anchor). */
  readonly spilled: boolean;
}

export interface HyperFormulaGatewayOptions {
  /** Sheets the workbook starts with (default one empty "Sheet1"). */
  readonly sheets?: readonly string[];
  /** Rows per block of a write (default WRITE_BLOCK_ROWS): small values let tests cancel a write half-way. */
  readonly blockRows?: number;
}

const EMPTY_RECORD: SheetRecord = { tables: [], charts: [], names: [], numberFormats: [], boldRows: [], conditionalFormats: [] };

export class HyperFormulaGateway implements WorkbookGateway {
  readonly available = true;
  /** HyperFormula spills array formulas and has FILTER (with `useArrayArithmetic`, as ENGINE_CONFIG sets). */
  readonly dynamicArrays = true;
  readonly hf: HyperFormula;
  /** The selection `readSelection` reports, e.g. "Sheet1!B2:C4" (the page keeps it in step with the grid). */
  selection: string;
  activeSheet: string;
  private readonly records = new Map<number, SheetRecord>();
  private readonly listeners = new Set<() => void>();
  private plannedFailure: string | undefined;
  private readonly blockRows: number;
  /** By sheet added (lower case): the sheet that was active before it (deleteSheet activates it again). */
  private readonly activeBefore = new Map<string, string>();

  constructor(options: HyperFormulaGatewayOptions = {}) {
    const sheets = options.sheets ?? ["Sheet1"];
    this.blockRows = options.blockRows ?? WRITE_BLOCK_ROWS;
    this.hf = HyperFormula.buildEmpty(ENGINE_CONFIG);
    for (const name of sheets) this.hf.addSheet(name);
    // Excel's TRUE and FALSE literals: HyperFormula knows only the functions TRUE() and FALSE().
    this.hf.addNamedExpression("TRUE", "=TRUE()");
    this.hf.addNamedExpression("FALSE", "=FALSE()");
    keepSpillsSized(this.hf);
    this.activeSheet = sheets[0] ?? "";
    this.selection = sheets.length > 0 ? `${quoteSheet(this.activeSheet)}!A1` : "";
  }

  /** Calls `listener` after every change to the workbook, its selection or its active sheet. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Makes the next write fail half-way (after its constants, before its formulas), to show the rollback. */
  failNextWrite(message = "planned failure"): void {
    this.plannedFailure = message;
  }

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  record(sheet: string): SheetRecord {
    const id = this.hf.getSheetId(this.sheetName(sheet) ?? "");
    return (id === undefined ? undefined : this.records.get(id)) ?? EMPTY_RECORD;
  }

  /** Records a table a user made on a sheet (scripts and tests; the pane's tables come with its plans). */
  addTable(sheet: string, table: TableSpec): void {
    const id = this.requireSheetId(sheet);
    const record = this.records.get(id) ?? EMPTY_RECORD;
    this.records.set(id, { ...record, tables: [...record.tables, table] });
    this.notify();
  }

  /** Rows and columns from A1 to the last used cell (spills included). */
  usedSize(sheet: string): { rows: number; columns: number } {
    const { width, height } = this.hf.getSheetDimensions(this.requireSheetId(sheet));
    return { rows: height, columns: width };
  }

  /** One cell, e.g. view("RFM example!B2") or view("'RFM 示例'!B2"). */
  view(address: string): CellView {
    return this.viewAt(this.cell(address));
  }

  viewAt(cell: SimpleCellAddress): CellView {
    const raw = this.hf.getCellValue(cell);
    // A spilled cell serializes as its value; in Excel its content is empty (the anchor holds the formula).
    const spilled = this.hf.isCellPartOfArray(cell) && !this.hf.doesCellHaveFormula(cell);
    const serialized = spilled ? null : this.hf.getCellSerialized(cell);
    const content = serialized === null || serialized === undefined ? "" : String(serialized);
    if (raw instanceof DetailedCellError) return { value: raw.value, content, error: raw.message || raw.value, spilled };
    return { value: raw === undefined ? null : (raw as CellValue), content, spilled };
  }

  /** The cell's value as Office.js would read it (null when empty, an error as its code). */
  valueAt(address: string): CellValue {
    return this.view(address).value;
  }

  /** The values of a range right now, e.g. valuesAt("'RFM 示例'!H2:H6") (readRange without the wait). */
  valuesAt(address: string): CellValue[][] {
    const ref = requireRange(address);
    const sheet = this.requireSheetId(ref.sheet ?? this.activeSheet);
    return Array.from({ length: ref.rows }, (_, r) => Array.from({ length: ref.columns }, (_, c) => this.viewAt({ sheet, row: ref.row + r, col: ref.column + c }).value));
  }

  /** What a user types into a cell: "=…" a formula, "'…" text, "" clears, anything else as Excel parses it. */
  enterCell(address: string, text: string): void {
    const cell = this.cell(address);
    this.hf.setCellContents(cell, text === "" ? null : text);
    this.notify();
  }

  /** Selects a cell or range (the grid calls it); the sheet becomes the active one. */
  select(address: string): void {
    const ref = requireRange(address);
    const sheet = this.sheetName(ref.sheet ?? this.activeSheet);
    if (sheet === undefined) throw new GatewayError("BAD_ADDRESS", address);
    this.activeSheet = sheet;
    this.selection = formatRange({ ...ref, sheet });
    this.notify();
  }

  async createSheet(plan: SheetPlan, options: WriteOptions = {}): Promise<string> {
    requirePlanAddresses(plan);
    throwIfCancelled(options.signal);
    const name = freeSheetName(plan.name, this.sheetNames());
    const failure = this.takeFailure();
    await Promise.resolve();
    let sheet: number | undefined;
    const addedNames: string[] = [];
    try {
      sheet = this.hf.getSheetId(this.hf.addSheet(name))!;
      for (const { name: defined, address } of plan.names ?? []) {
        this.hf.addNamedExpression(defined, `=${quoteSheet(name)}!${absolute(address)}`, sheet);
        addedNames.push(defined);
      }
      await this.writeCells(sheet, 0, 0, plan.rows, failure, options);
      this.records.set(sheet, this.recordOf(plan, sheet));
      this.activeBefore.set(name.toLowerCase(), this.activeSheet);
      this.activeSheet = name;
      this.selection = `${quoteSheet(name)}!A1`;
      return name;
    } catch (error) {
      if (sheet !== undefined) {
        for (const defined of addedNames) this.hf.removeNamedExpression(defined, sheet);
        this.hf.removeSheet(sheet);
        this.records.delete(sheet);
      }
      throw toGatewayError(error);
    } finally {
      this.notify();
    }
  }

  async replaceSheet(request: SheetReplace, options: WriteOptions = {}): Promise<SheetReplaceResult> {
    const { plan } = request;
    requirePlanAddresses(plan);
    throwIfCancelled(options.signal);
    await Promise.resolve();
    const name = this.sheetName(request.sheet);
    if (name === undefined) return { kind: "missing" };
    const sheet = this.hf.getSheetId(name)!;
    const { width, height } = this.hf.getSheetDimensions(sheet);
    // What the sheet holds, as entered (a spilled cell is empty: its anchor holds the formula), and what shows.
    const before: { cell: SimpleCellAddress; content: RawCellContent }[] = [];
    const filled: [number, number][] = [];
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const cell = { sheet, row, col };
        const view = this.viewAt(cell);
        if (view.content !== "" || view.value !== null) filled.push([row, col]);
        if (!view.spilled && view.content !== "") before.push({ cell, content: this.hf.getCellSerialized(cell) ?? null });
      }
    }
    const { occupied, count } = listOccupied(name, filled);
    if (count > 0 && request.overwrite !== true) return { kind: "needsConfirmation", sheet: name, occupied, count };
    const oldNames = this.hf.listNamedExpressions(sheet).map((defined) => ({ defined, formula: this.hf.getNamedExpressionFormula(defined, sheet) ?? "" }));
    const oldRecord = this.records.get(sheet);
    const { activeSheet, selection } = this;
    const failure = this.takeFailure();
    const addedNames: string[] = [];
    try {
      for (const { defined } of oldNames) this.hf.removeNamedExpression(defined, sheet);
      this.hf.clearSheet(sheet);
      for (const { name: defined, address } of plan.names ?? []) {
        this.hf.addNamedExpression(defined, `=${quoteSheet(name)}!${absolute(address)}`, sheet);
        addedNames.push(defined);
      }
      await this.writeCells(sheet, 0, 0, plan.rows, failure, options);
      this.records.set(sheet, this.recordOf(plan, sheet));
      this.activeSheet = name;
      this.selection = `${quoteSheet(name)}!A1`;
      return { kind: "written", sheet: name };
    } catch (error) {
      // Put back what the sheet held: its names, then its constants, then its formulas (as entered).
      for (const defined of addedNames) this.hf.removeNamedExpression(defined, sheet);
      this.hf.clearSheet(sheet);
      for (const { defined, formula } of oldNames) this.hf.addNamedExpression(defined, formula, sheet);
      const restore = (formulas: boolean) =>
        before.filter(({ content }) => isFormula(content) === formulas).forEach(({ cell, content }) => this.hf.setCellContents(cell, content));
      this.hf.batch(() => restore(false));
      restore(true);
      if (oldRecord === undefined) this.records.delete(sheet);
      else this.records.set(sheet, oldRecord);
      this.activeSheet = activeSheet;
      this.selection = selection;
      throw toGatewayError(error);
    } finally {
      this.notify();
    }
  }

  async activateSheet(name: string): Promise<"activated" | "missing"> {
    await Promise.resolve();
    const found = this.sheetName(name);
    if (found === undefined) return "missing";
    this.select(`${quoteSheet(found)}!A1`);
    return "activated";
  }

  async deleteSheet(name: string): Promise<"deleted" | "missing"> {
    await Promise.resolve();
    const found = this.sheetName(name);
    if (found === undefined) return "missing";
    const sheet = this.hf.getSheetId(found)!;
    for (const defined of this.hf.listNamedExpressions(sheet)) this.hf.removeNamedExpression(defined, sheet);
    this.hf.removeSheet(sheet);
    this.records.delete(sheet);
    const before = this.activeBefore.get(found.toLowerCase());
    this.activeBefore.delete(found.toLowerCase());
    if (this.activeSheet === found) {
      const back = (before === undefined ? undefined : this.sheetName(before)) ?? this.sheetNames()[0] ?? "";
      this.activeSheet = back;
      this.selection = back === "" ? "" : `${quoteSheet(back)}!A1`;
    }
    this.notify();
    return "deleted";
  }

  /**
   * Opens whole sheets, e.g. a workbook read from an .xlsx (cells from A1, formulas may refer to each
   * other's sheets): adds every sheet first (a taken name becomes "name (2)"), then the constants of all,
   * then the formulas. All or nothing. Resolves to the names the sheets got; the first becomes active.
   */
  async openSheets(sheets: readonly Pick<SheetPlan, "name" | "rows" | "numberFormats" | "boldRows">[]): Promise<string[]> {
    const failure = this.takeFailure();
    await Promise.resolve();
    const added: number[] = [];
    try {
      const names = sheets.map(({ name }) => {
        const free = freeSheetName(name, this.sheetNames());
        added.push(this.hf.getSheetId(this.hf.addSheet(free))!);
        return free;
      });
      const formulas = sheets.flatMap(({ rows }, i) => this.writeConstants(added[i]!, 0, 0, rows));
      if (failure !== undefined) throw new Error(failure);
      for (const { cell, formula } of formulas) this.hf.setCellContents(cell, formula);
      sheets.forEach(({ numberFormats = [], boldRows = [] }, i) => this.records.set(added[i]!, { ...EMPTY_RECORD, numberFormats: [...numberFormats], boldRows: [...boldRows] }));
      if (names.length > 0) {
        this.activeSheet = names[0]!;
        this.selection = `${quoteSheet(names[0]!)}!A1`;
      }
      return names;
    } catch (error) {
      for (const sheet of added) {
        this.hf.removeSheet(sheet);
        this.records.delete(sheet);
      }
      throw toGatewayError(error);
    } finally {
      this.notify();
    }
  }

  async readRange(address: string): Promise<RangeData> {
    const ref = requireRange(address);
    await Promise.resolve();
    const name = this.sheetName(ref.sheet ?? this.activeSheet);
    if (name === undefined) throw new GatewayError("BAD_ADDRESS", address);
    const sheet = this.hf.getSheetId(name)!;
    const values = Array.from({ length: ref.rows }, (_, r) =>
      Array.from({ length: ref.columns }, (_, c) => this.viewAt({ sheet, row: ref.row + r, col: ref.column + c }).value),
    );
    return { address: formatRange({ ...ref, sheet: name }), values };
  }

  async readSelection(): Promise<RangeData> {
    return this.readRange(this.selection);
  }

  /**
   * The tables the plans recorded (their whole range) and the named expressions that are one range: the
   * workbook's, then each sheet's own ("Sheet1!Name").
   */
  async listDataSources(): Promise<readonly DataSource[]> {
    await Promise.resolve();
    const rangeOf = (formula: string | undefined) => {
      const ref = formula === undefined ? undefined : parseRange(formula.replace(/^=/, ""));
      return ref?.sheet === undefined || this.sheetName(ref.sheet) === undefined ? undefined : formatRange(ref);
    };
    const named = (name: string, formula: string | undefined): DataSource[] => {
      const address = rangeOf(formula);
      return address === undefined ? [] : [{ kind: "name", name, address }];
    };
    const sheets = this.sheetNames();
    return [
      ...sheets.flatMap((sheet) => this.record(sheet).tables.map((table): DataSource => ({ kind: "table", name: table.name, address: `${quoteSheet(sheet)}!${table.address}` }))),
      ...this.hf.listNamedExpressions().flatMap((name) => named(name, this.hf.getNamedExpressionFormula(name))),
      ...sheets.flatMap((sheet) => {
        const id = this.hf.getSheetId(sheet)!;
        return this.hf.listNamedExpressions(id).flatMap((name) => named(`${quoteSheet(sheet)}!${name}`, this.hf.getNamedExpressionFormula(name, id)));
      }),
    ];
  }

  async writeRange(request: RangeWrite): Promise<RangeWriteResult> {
    const ref = requireRange(request.address);
    const name = this.sheetName(ref.sheet ?? this.activeSheet);
    if (name === undefined) throw new GatewayError("BAD_ADDRESS", request.address);
    const sheet = this.hf.getSheetId(name)!;
    const width = gridWidth(request.rows);
    requireOnGrid(ref, request.rows.length, width, request.address);
    const target = { sheet: name, row: ref.row, column: ref.column, rows: Math.max(request.rows.length, 1), columns: Math.max(width, 1) };
    await Promise.resolve();

    const occupied: string[] = [];
    const previous: { cell: SimpleCellAddress; content: RawCellContent }[] = [];
    request.rows.forEach((row, r) =>
      row.forEach((spec, c) => {
        if (spec === null) return;
        const cell = { sheet, row: ref.row + r, col: ref.column + c };
        const view = this.viewAt(cell);
        previous.push({ cell, content: view.spilled ? null : (this.hf.getCellSerialized(cell) ?? null) });
        if (view.content !== "" || view.value !== null) occupied.push(`${quoteSheet(name)}!${cellAddress(cell.row, cell.col)}`);
      }),
    );
    if (occupied.length > 0 && request.overwrite !== true) {
      return { kind: "needsConfirmation", address: formatRange(target), occupied: occupied.slice(0, MAX_LISTED_OCCUPIED) };
    }
    const failure = this.takeFailure();
    try {
      await this.writeCells(sheet, ref.row, ref.column, request.rows, failure, {});
      return { kind: "written", address: formatRange(target) };
    } catch (error) {
      // Put back exactly what the target cells held (constants first, formulas after, as they were entered).
      const restore = (formulas: boolean) =>
        previous.filter(({ content }) => isFormula(content) === formulas).forEach(({ cell, content }) => this.hf.setCellContents(cell, content));
      restore(false);
      restore(true);
      throw toGatewayError(error);
    } finally {
      this.notify();
    }
  }

  /**
   * Writes specs from (row, column): the constants of every row block (one batch each), then each block's
   * formulas, so that a formula is sized on computed inputs. Before each block the signal is checked (with a
   * signal, the page first gets a turn: its Cancel button can be pressed); after it the progress is reported (blocks of constants, then of formulas, written of
   * all). `failure` makes it throw between the constants and the formulas, to exercise the rollback.
   */
  private async writeCells(sheet: number, row: number, column: number, rows: readonly (readonly CellSpec[])[], failure: string | undefined, options: WriteOptions): Promise<void> {
    const blocks = rowBlocks(rows.length, () => 1, this.blockRows);
    const total = blocks.length * 2;
    let done = 0;
    const next = async () => {
      if (done > 0 && options.signal !== undefined) await yieldToPage();
      throwIfCancelled(options.signal);
    };
    const formulas: { cell: SimpleCellAddress; formula: string }[][] = [];
    for (const [start, end] of blocks) {
      await next();
      formulas.push(this.writeConstants(sheet, row + start, column, rows.slice(start, end)));
      options.onProgress?.({ done: ++done, total });
    }
    if (failure !== undefined) throw new Error(failure);
    for (const block of formulas) {
      await next();
      // One transaction per block: the engine recalculates (and the spills are resized) once, not per formula.
      this.hf.batch(() => {
        for (const { cell, formula } of block) this.hf.setCellContents(cell, formula);
      });
      options.onProgress?.({ done: ++done, total });
    }
    throwIfCancelled(options.signal);
  }

  /** Writes the constants of `rows` in one batch; returns the formulas, for the caller to enter after. */
  private writeConstants(sheet: number, row: number, column: number, rows: readonly (readonly CellSpec[])[]): { cell: SimpleCellAddress; formula: string }[] {
    const formulas: { cell: SimpleCellAddress; formula: string }[] = [];
    this.hf.batch(() =>
      rows.forEach((cells, r) =>
        cells.forEach((spec, c) => {
          const input = cellInput(spec);
          if (input === null) return;
          const cell = { sheet, row: row + r, col: column + c };
          if (spec !== null && "formula" in spec) formulas.push({ cell, formula: String(input) });
          else this.hf.setCellContents(cell, input);
        }),
      ),
    );
    return formulas;
  }

  /** What a plan records on `sheet`: its tables under names free in the rest of the workbook, and the rest as given. */
  private recordOf(plan: SheetPlan, sheet: number): SheetRecord {
    const takenTables = [...this.records.entries()].filter(([id]) => id !== sheet).flatMap(([, record]) => record.tables.map((t) => t.name));
    const tables = (plan.tables ?? []).map((table) => {
      const tableName = freeTableName(table.name, takenTables);
      takenTables.push(tableName);
      return { ...table, name: tableName };
    });
    return {
      tables,
      charts: [...(plan.charts ?? [])],
      names: [...(plan.names ?? [])],
      numberFormats: [...(plan.numberFormats ?? [])],
      boldRows: [...(plan.boldRows ?? [])],
      conditionalFormats: [...(plan.conditionalFormats ?? [])],
    };
  }

  private cell(address: string): SimpleCellAddress {
    const ref = requireRange(address);
    return { sheet: this.requireSheetId(ref.sheet ?? this.activeSheet), row: ref.row, col: ref.column };
  }

  /** The sheet's name as the workbook spells it (names compare case-insensitively), or undefined. */
  private sheetName(name: string): string | undefined {
    return this.sheetNames().find((s) => s.toLowerCase() === name.toLowerCase());
  }

  private requireSheetId(name: string): number {
    const found = this.sheetName(name);
    if (found === undefined) throw new GatewayError("BAD_ADDRESS", name);
    return this.hf.getSheetId(found)!;
  }

  private takeFailure(): string | undefined {
    const failure = this.plannedFailure;
    this.plannedFailure = undefined;
    return failure;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** "B1" → "$B$1", "B1:C4" → "$B$1:$C$4" (a name refers to fixed cells). */
function absolute(address: string): string {
  return address
    .split(":")
    .map((cell) => cell.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
}

function isFormula(content: RawCellContent): boolean {
  return typeof content === "string" && content.startsWith("=");
}
