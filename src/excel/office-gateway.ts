import { cellAddress, formatRange, quoteSheet, type RangeRef } from "./address";
import { inputRowBytes, readBlockRows, rowBlocks, WRITE_BLOCK_ROWS } from "./blocks";
import { cellInput, gridWidth, inputRow, restoreInput, type CellInputValue } from "./cell-input";
import { freeSheetName, freeTableName } from "./free-names";
import {
  GatewayError,
  MAX_LISTED_OCCUPIED,
  type CellSpec,
  type CellValue,
  type ChartKind,
  type DataSource,
  type RangeData,
  type RangeWrite,
  type RangeWriteResult,
  type SheetPlan,
  type SheetReplace,
  type SheetReplaceResult,
  type WorkbookGateway,
  type WriteOptions,
} from "./gateway";
import { errorDetail, listOccupied, occupiedTargets, requireLocalRange, requireOnGrid, requireRange, throwIfCancelled, toGatewayError } from "./write-checks";

export interface OfficeGatewayOptions {
  /** Rows per write request (default WRITE_BLOCK_ROWS): tests make it small to fail a write between blocks. */
  readonly blockRows?: number;
  /**
   * Whether the host draws Excel's funnel chart (ExcelApi 1.9; the manifest asks for 1.7): without it, a
   * "funnel" chart is drawn as a bar chart whose category axis runs top stage first. Default false.
   */
  readonly funnelChart?: boolean;
}

/** Office.js chart types for the gateway's chart kinds (strings are accepted where the enum is typed). */
const CHART_TYPES: Readonly<Record<ChartKind, string>> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
  pie: "Pie",
  scatter: "XYScatter",
  funnel: "Funnel",
};

type Grid = CellInputValue[][];

/** A rectangle filled with one value, as Office.js wants for `numberFormat`. */
function filled<T>(ref: { readonly rows: number; readonly columns: number }, value: T): T[][] {
  return Array.from({ length: ref.rows }, () => Array.from({ length: ref.columns }, () => value));
}

/** A plan's tables, formats, charts and names with their addresses parsed: malformed ones fail before anything is touched. */
function parsePlan(plan: SheetPlan) {
  return {
    tables: (plan.tables ?? []).map((t) => ({ ...t, ref: requireLocalRange(t.address) })),
    formats: (plan.numberFormats ?? []).map((f) => ({ ...f, ref: requireLocalRange(f.address) })),
    charts: (plan.charts ?? []).map((c) => ({ ...c, ref: requireLocalRange(c.source), fromRef: requireLocalRange(c.from), toRef: requireLocalRange(c.to) })),
    names: (plan.names ?? []).map((n) => ({ ...n, ref: requireLocalRange(n.address) })),
    conditionalFormats: (plan.conditionalFormats ?? []).map((c) => ({ ...c, ref: requireLocalRange(c.address) })),
  };
}

/** Queues a plan's conditional formats: custom-formula rules with a fill and a font colour. */
function addConditionalFormats(sheet: Excel.Worksheet, parsed: ParsedPlan): void {
  for (const spec of parsed.conditionalFormats) {
    const rule = sheet.getRangeByIndexes(spec.ref.row, spec.ref.column, spec.ref.rows, spec.ref.columns).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    rule.custom.rule.formula = spec.formula;
    rule.custom.format.fill.color = spec.fill;
    if (spec.font !== undefined) rule.custom.format.font.color = spec.font;
  }
}

type ParsedPlan = ReturnType<typeof parsePlan>;

/** The number format of a cell nobody formatted. */
const GENERAL = "General";

/** What a sheet held before `replaceSheet` changed it: what a failed replacement puts back. */
interface SheetContent {
  /** From A1: `rows` × `columns` cells (formulas and values as read, number formats), bold per cell. */
  readonly rows: number;
  readonly columns: number;
  readonly formulas: Grid;
  readonly values: unknown[][];
  readonly formats: string[][];
  readonly bold: boolean[][];
  readonly tables: readonly { readonly name: string; readonly showHeaders: boolean; readonly ref: RangeRef }[];
  readonly names: readonly { readonly name: string; readonly formula: string }[];
  readonly charts: readonly string[];
  readonly active: string;
}

/** A failure inside a write as the rollback rethrows it: a cancel stays a cancel, anything else is WRITE_FAILED. */
function writeFailure(error: unknown): GatewayError {
  return error instanceof GatewayError && error.code === "CANCELLED" ? error : new GatewayError("WRITE_FAILED", errorDetail(error));
}

/**
 * ExcelApi 1.12 brought the API of dynamic arrays (a formula's spill range): an Excel that supports it
 * spills formulas and has FILTER. Excel before dynamic arrays (2016, 2019) stops at lower sets.
 */
const DYNAMIC_ARRAYS_API = { set: "ExcelApi", version: "1.12" } as const;

/** The gateway over Office.js. Only this module calls `Excel.run`. */
export class OfficeGateway implements WorkbookGateway {
  readonly available = true;
  private readonly blockRows: number;
  private readonly funnelChart: boolean;
  /** By sheet added (lower case): the sheet that was active before it (deleteSheet activates it again). */
  private readonly activeBefore = new Map<string, string>();

  constructor(options: OfficeGatewayOptions = {}) {
    this.blockRows = options.blockRows ?? WRITE_BLOCK_ROWS;
    this.funnelChart = options.funnelChart ?? false;
  }

  get dynamicArrays(): boolean {
    const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
    return requirements?.isSetSupported(DYNAMIC_ARRAYS_API.set, DYNAMIC_ARRAYS_API.version) === true;
  }

  async createSheet(plan: SheetPlan, options: WriteOptions = {}): Promise<string> {
    // Malformed plan addresses, and a write cancelled before it starts, fail before anything is added.
    const parsed = parsePlan(plan);
    throwIfCancelled(options.signal);
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      const workbookTables = context.workbook.tables;
      if (parsed.tables.length > 0) workbookTables.load("items/name");
      await context.sync();
      const name = freeSheetName(
        plan.name,
        sheets.items.map((sheet) => sheet.name),
      );
      const takenTables = parsed.tables.length > 0 ? workbookTables.items.map((t) => t.name) : [];
      const sheet = sheets.add(name);
      try {
        // A failed sync may still have applied some of its requests (adding the sheet, too): from here on,
        // every failure removes the sheet.
        await context.sync();
        const width = gridWidth(plan.rows);
        await this.writeGrid(context, sheet, plan.rows.map((row) => inputRow(row, width)), width, options);
        this.decorate(sheet, plan, parsed, width, takenTables);
        await context.sync();
        this.activeBefore.set(name.toLowerCase(), active.name);
        return name;
      } catch (error) {
        // All or nothing: the sheet that was active is again (found by the name read at the start, not
        // asked for anew: the new sheet may be the active one by now), and the half-written sheet goes with
        // its tables, charts and names. Deleting a sheet that was never added fails harmlessly.
        sheets.getItem(active.name).activate();
        sheet.delete();
        await context.sync().catch(() => undefined);
        throw writeFailure(error);
      }
    }).catch((error: unknown) => {
      throw toGatewayError(error);
    });
  }

  async deleteSheet(name: string): Promise<"deleted" | "missing"> {
    return Excel.run(async (context): Promise<"deleted" | "missing"> => {
      const sheets = context.workbook.worksheets;
      const sheet = sheets.getItemOrNullObject(name);
      sheet.load("name");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      if (sheet.isNullObject) return "missing";
      const key = sheet.name.toLowerCase();
      const before = this.activeBefore.get(key);
      if (active.name.toLowerCase() === key && before !== undefined) {
        const previous = sheets.getItemOrNullObject(before);
        previous.load("name");
        await context.sync();
        if (!previous.isNullObject) previous.activate();
      }
      // The sheet's tables, charts and sheet-scoped names go with it.
      sheet.delete();
      await context.sync();
      this.activeBefore.delete(key);
      return "deleted";
    }).catch((error: unknown) => {
      throw toGatewayError(error);
    });
  }

  async replaceSheet(request: SheetReplace, options: WriteOptions = {}): Promise<SheetReplaceResult> {
    const { plan } = request;
    const parsed = parsePlan(plan);
    throwIfCancelled(options.signal);
    return Excel.run(async (context): Promise<SheetReplaceResult> => {
      const sheets = context.workbook.worksheets;
      const sheet = sheets.getItemOrNullObject(request.sheet);
      sheet.load("name");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      if (sheet.isNullObject) return { kind: "missing" };
      const before = await this.readContent(context, sheet, active.name);
      const nonEmpty: [number, number][] = [];
      before.formulas.forEach((row, r) => row.forEach((formula, c) => formula !== "" && formula !== null && nonEmpty.push([r, c])));
      const { occupied, count } = listOccupied(sheet.name, nonEmpty);
      if (count > 0 && request.overwrite !== true) return { kind: "needsConfirmation", sheet: sheet.name, occupied, count };

      const workbookTables = context.workbook.tables;
      workbookTables.load("items/name");
      await context.sync();
      const ownTables = new Set(before.tables.map((t) => t.name.toLowerCase()));
      const takenTables = workbookTables.items.map((t) => t.name).filter((name) => !ownTables.has(name.toLowerCase()));
      const width = gridWidth(plan.rows);
      const rows = Math.max(before.rows, plan.rows.length);
      const columns = Math.max(before.columns, width);
      try {
        // The sheet's tables become plain cells and its names go, so the plan's can take their places; the
        // old content's formats are reset. The charts stay until the end (see below).
        for (const table of sheet.tables.items) table.convertToRange();
        for (const defined of sheet.names.items) defined.delete();
        if (before.rows > 0 && before.columns > 0) {
          const old = sheet.getRangeByIndexes(0, 0, before.rows, before.columns);
          old.numberFormat = filled({ rows: before.rows, columns: before.columns }, GENERAL);
          old.format.font.bold = false;
        }
        await context.sync();
        // Every cell from A1 over the old content and the plan: the plan's input, or "" (cleared).
        const inputs = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cellInput(plan.rows[r]?.[c] ?? null) ?? ""));
        await this.writeGrid(context, sheet, inputs, columns, options);
        this.decorate(sheet, plan, parsed, width, takenTables, false);
        await context.sync();
      } catch (error) {
        await this.restoreContent(context, sheet, before, rows, columns);
        throw writeFailure(error);
      }
      // The old charts go last, once the new content is complete: Office.js cannot read a chart's source back
      // to draw it again, so nothing that could still fail comes after their removal. A refused removal is
      // tried once more, by name.
      const oldCharts = sheet.charts.items;
      if (oldCharts.length > 0) {
        oldCharts.forEach((chart) => chart.delete());
        await context.sync().catch(async () => {
          const left = before.charts.map((name) => sheet.charts.getItemOrNullObject(name).load("name"));
          await context.sync();
          left.filter((chart) => !chart.isNullObject).forEach((chart) => chart.delete());
          await context.sync();
        }).catch(() => undefined);
      }
      // Conditional formats too cannot be read back to be put back after a failure: the old ones are
      // replaced by the plan's once the new content is complete (a refusal here leaves the cells correct).
      sheet.getRange().conditionalFormats.clearAll();
      addConditionalFormats(sheet, parsed);
      await context.sync().catch(() => undefined);
      return { kind: "written", sheet: sheet.name };
    }).catch((error: unknown) => {
      throw toGatewayError(error);
    });
  }

  async activateSheet(name: string): Promise<"activated" | "missing"> {
    return Excel.run(async (context): Promise<"activated" | "missing"> => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) return "missing";
      sheet.activate();
      await context.sync();
      return "activated";
    }).catch((error: unknown) => {
      throw toGatewayError(error, "READ_FAILED");
    });
  }

  /**
   * Writes rows of inputs from A1 in row blocks, one sync each: before each block the signal is checked, after
   * it the progress reported (blocks written of all); once more after the last, before tables and charts.
   */
  private async writeGrid(context: Excel.RequestContext, sheet: Excel.Worksheet, inputs: readonly (readonly CellInputValue[])[], width: number, options: WriteOptions): Promise<void> {
    const blocks = width > 0 ? rowBlocks(inputs.length, (r) => inputRowBytes(inputs[r], width), this.blockRows) : [];
    for (const [index, [start, end]] of blocks.entries()) {
      throwIfCancelled(options.signal);
      sheet.getRangeByIndexes(start, 0, end - start, width).formulas = inputs.slice(start, end) as unknown as string[][];
      await context.sync();
      options.onProgress?.({ done: index + 1, total: blocks.length });
    }
    throwIfCancelled(options.signal);
  }

  /**
   * Queues what a plan adds besides its cells — bold rows, number formats, tables, charts, names — then fits
   * the columns and activates the sheet: small requests, for one sync.
   */
  private decorate(sheet: Excel.Worksheet, plan: SheetPlan, parsed: ParsedPlan, width: number, takenTables: string[], withConditionalFormats = true): void {
    for (const row of plan.boldRows ?? []) {
      sheet.getRangeByIndexes(row - 1, 0, 1, Math.max(width, 1)).format.font.bold = true;
    }
    for (const format of parsed.formats) {
      sheet.getRangeByIndexes(format.ref.row, format.ref.column, format.ref.rows, format.ref.columns).numberFormat = filled(format.ref, format.format);
    }
    for (const table of parsed.tables) {
      const tableName = freeTableName(table.name, takenTables);
      takenTables.push(tableName);
      sheet.tables.add(sheet.getRangeByIndexes(table.ref.row, table.ref.column, table.ref.rows, table.ref.columns), table.hasHeaders).name = tableName;
    }
    for (const spec of parsed.charts) {
      const source = sheet.getRangeByIndexes(spec.ref.row, spec.ref.column, spec.ref.rows, spec.ref.columns);
      const barFunnel = spec.kind === "funnel" && !this.funnelChart;
      const chart = sheet.charts.add((barFunnel ? CHART_TYPES.bar : CHART_TYPES[spec.kind]) as Excel.ChartType, source, "Columns" as Excel.ChartSeriesBy);
      chart.title.text = spec.title;
      // A bar chart draws its first category at the bottom: reversed, the top stage is on top, as in a funnel.
      if (barFunnel) chart.axes.categoryAxis.reversePlotOrder = true;
      if (spec.xAxisTitle !== undefined) chart.axes.categoryAxis.title.text = spec.xAxisTitle;
      if (spec.yAxisTitle !== undefined) chart.axes.valueAxis.title.text = spec.yAxisTitle;
      chart.setPosition(cellAddress(spec.fromRef.row, spec.fromRef.column), cellAddress(spec.toRef.row, spec.toRef.column));
    }
    for (const spec of parsed.names) {
      sheet.names.add(spec.name, sheet.getRangeByIndexes(spec.ref.row, spec.ref.column, spec.ref.rows, spec.ref.columns));
    }
    if (withConditionalFormats) addConditionalFormats(sheet, parsed);
    if (width > 0) sheet.getUsedRange().format.autofitColumns();
    sheet.activate();
  }

  /**
   * Reads what a sheet holds, from A1 to its last used cell: formulas and values (block by block), number
   * formats, bold (row by row; a row of mixed bold cell by cell), its tables, names and charts.
   */
  private async readContent(context: Excel.RequestContext, sheet: Excel.Worksheet, active: string): Promise<SheetContent> {
    const used = sheet.getUsedRangeOrNullObject();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    sheet.tables.load("items/name,items/showHeaders");
    sheet.names.load("items/name,items/formula");
    sheet.charts.load("items/name");
    await context.sync();
    const tableRanges = sheet.tables.items.map((table) => table.getRange().load("address"));
    const rows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    const columns = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
    const formulas: Grid = [];
    const values: unknown[][] = [];
    const formats: string[][] = [];
    const blockRows = readBlockRows(columns, 3);
    for (let start = 0; columns > 0 && start < rows; start += blockRows) {
      const block = sheet.getRangeByIndexes(start, 0, Math.min(blockRows, rows - start), columns);
      block.load("formulas,values,numberFormat");
      await context.sync();
      formulas.push(...(block.formulas as Grid));
      values.push(...(block.values as unknown[][]));
      formats.push(...(block.numberFormat as string[][]));
    }
    // The tables' ranges were loaded with the first block; an empty sheet has none, but may have tables.
    if (columns === 0 || rows === 0) await context.sync();
    const rowFonts = Array.from({ length: columns > 0 ? rows : 0 }, (_, r) => sheet.getRangeByIndexes(r, 0, 1, columns).format.font.load("bold"));
    if (rowFonts.length > 0) await context.sync();
    const cellFonts = new Map<number, Excel.RangeFont[]>();
    rowFonts.forEach((font, r) => {
      if (font.bold === null) cellFonts.set(r, Array.from({ length: columns }, (_, c) => sheet.getRangeByIndexes(r, c, 1, 1).format.font.load("bold")));
    });
    if (cellFonts.size > 0) await context.sync();
    const bold = rowFonts.map((font, r) => Array.from({ length: columns }, (_, c) => cellFonts.get(r)?.[c]?.bold ?? font.bold === true));
    return {
      rows,
      columns,
      formulas,
      values,
      formats,
      bold,
      tables: sheet.tables.items.map((table, i) => ({ name: table.name, showHeaders: table.showHeaders, ref: requireRange(tableRanges[i]!.address) })),
      names: sheet.names.items.map((defined) => ({ name: defined.name, formula: defined.formula as string })),
      charts: sheet.charts.items.map((chart) => chart.name),
      active,
    };
  }

  /**
   * Puts a sheet back as `before` after a failed replacement: removes what the write added (tables, charts
   * that were not there, names), writes back every cell from A1 over `rows` × `columns` (text behind its
   * apostrophe again, see restoreInput), the number formats and bold, the tables and names, and activates
   * the sheet that was active. Each step is its own request, so that one refused step does not stop the
   * others.
   */
  private async restoreContent(context: Excel.RequestContext, sheet: Excel.Worksheet, before: SheetContent, rows: number, columns: number): Promise<void> {
    const step = async (work: () => void) => {
      try {
        work();
        await context.sync();
      } catch {
        // Best effort: go on with the next step.
      }
    };
    await step(() => {
      sheet.tables.load("items/name");
      sheet.charts.load("items/name");
      sheet.names.load("items/name");
    });
    await step(() => {
      for (const table of sheet.tables.items) table.convertToRange();
      for (const chart of sheet.charts.items) if (!before.charts.includes(chart.name)) chart.delete();
      for (const defined of sheet.names.items) defined.delete();
    });
    const inside = (r: number, c: number) => r < before.rows && c < before.columns;
    const inputs = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => (inside(r, c) ? restoreInput(before.formulas[r]![c], before.values[r]![c]) : "")));
    for (const [start, end] of columns > 0 ? rowBlocks(rows, (r) => inputRowBytes(inputs[r], columns), this.blockRows) : []) {
      await step(() => {
        const block = sheet.getRangeByIndexes(start, 0, end - start, columns);
        block.formulas = inputs.slice(start, end) as unknown as string[][];
        block.numberFormat = inputs.slice(start, end).map((row, r) => row.map((_, c) => (inside(start + r, c) ? before.formats[start + r]![c]! : GENERAL)));
        block.format.font.bold = false;
      });
    }
    await step(() => {
      before.bold.forEach((row, r) => {
        if (row.every(Boolean)) sheet.getRangeByIndexes(r, 0, 1, before.columns).format.font.bold = true;
        else row.forEach((isBold, c) => isBold && (sheet.getRangeByIndexes(r, c, 1, 1).format.font.bold = true));
      });
    });
    await step(() => {
      for (const table of before.tables) sheet.tables.add(sheet.getRangeByIndexes(table.ref.row, table.ref.column, table.ref.rows, table.ref.columns), table.showHeaders).name = table.name;
      for (const defined of before.names) sheet.names.add(defined.name, defined.formula);
      context.workbook.worksheets.getItem(before.active).activate();
    });
  }

  async readRange(address: string): Promise<RangeData> {
    const ref = requireRange(address);
    return this.read((context) => {
      const sheet = ref.sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItemOrNullObject(ref.sheet);
      return { sheet, ref };
    }, address);
  }

  /**
   * Tables (their whole range) and defined names that refer to one range: the workbook's names, then each
   * sheet's own ("Sheet1!Orders"). Names of a constant or a formula, and names whose range is gone, are left
   * out. Three syncs: the collections, their ranges' addresses, the sheets' names' addresses.
   */
  async listDataSources(): Promise<readonly DataSource[]> {
    return Excel.run(async (context) => {
      const { workbook } = context;
      workbook.tables.load("items/name");
      workbook.names.load("items/name,items/type");
      workbook.worksheets.load("items/name");
      await context.sync();
      const tables = workbook.tables.items.map((table) => ({ name: table.name, range: table.getRange().load("address") }));
      const ranges = (items: readonly Excel.NamedItem[]) => items.filter((item) => item.type === "Range").map((item) => ({ name: item.name, range: item.getRangeOrNullObject().load("address") }));
      const names = ranges(workbook.names.items);
      const sheets = workbook.worksheets.items.map(({ name }) => ({ sheet: name, names: workbook.worksheets.getItem(name).names.load("items/name,items/type") }));
      await context.sync();
      const sheetNames = sheets.map(({ sheet, names: collection }) => ({ sheet, named: ranges(collection.items) }));
      await context.sync();
      const named = (name: string, range: Excel.Range): DataSource[] => (range.isNullObject ? [] : [{ kind: "name", name, address: range.address }]);
      return [
        ...tables.map(({ name, range }): DataSource => ({ kind: "table", name, address: range.address })),
        ...names.flatMap(({ name, range }) => named(name, range)),
        ...sheetNames.flatMap(({ sheet, named: items }) => items.flatMap(({ name, range }) => named(`${quoteSheet(sheet)}!${name}`, range))),
      ];
    }).catch((error: unknown) => {
      throw toGatewayError(error, "READ_FAILED");
    });
  }

  async readSelection(): Promise<RangeData> {
    return this.read((context) => {
      const range = context.workbook.getSelectedRange();
      return { range };
    }, "selection");
  }

  async writeRange(request: RangeWrite): Promise<RangeWriteResult> {
    const ref = requireRange(request.address);
    const height = request.rows.length;
    const width = gridWidth(request.rows);
    requireOnGrid(ref, height, width, request.address);
    const inputs = request.rows.map((row: readonly CellSpec[]) => inputRow(row, width));
    return Excel.run(async (context): Promise<RangeWriteResult> => {
      const sheet = ref.sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItemOrNullObject(ref.sheet);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) throw new GatewayError("BAD_ADDRESS", request.address);
      const target = { sheet: sheet.name, row: ref.row, column: ref.column, rows: Math.max(height, 1), columns: Math.max(width, 1) };
      if (height === 0 || width === 0) return { kind: "written", address: formatRange(target) };
      // Read what is there first (block by block: a response is capped at 5 MB too): it decides whether to
      // ask, and it is what a failed write restores. Values too: formulas lose the apostrophe of text.
      const previous: Grid = [];
      const previousValues: unknown[][] = [];
      const blockRows = readBlockRows(width, 2);
      for (let start = 0; start < height; start += blockRows) {
        const rows = Math.min(blockRows, height - start);
        const range = sheet.getRangeByIndexes(ref.row + start, ref.column, rows, width);
        range.load("formulas,values");
        await context.sync();
        previous.push(...(range.formulas as Grid));
        previousValues.push(...(range.values as unknown[][]));
      }
      const occupied = occupiedTargets(request.rows, previous, target, (s, r, c) => `${quoteSheet(s)}!${cellAddress(r, c)}`);
      if (occupied.length > 0 && request.overwrite !== true) {
        return { kind: "needsConfirmation", address: formatRange(target), occupied: occupied.slice(0, MAX_LISTED_OCCUPIED) };
      }
      let written = 0;
      try {
        for (const [start, end] of rowBlocks(height, (r) => inputRowBytes(inputs[r], width), this.blockRows)) {
          sheet.getRangeByIndexes(ref.row + start, ref.column, end - start, width).formulas = inputs.slice(start, end) as unknown as string[][];
          written = end;
          await context.sync();
        }
      } catch (error) {
        // Restore every block that may have landed, the failing one included: the cells written, each as
        // it was (null leaves the cells the write left alone).
        const restore = request.rows.slice(0, written).map((row, r) => inputRow(row, width).map((input, c) => (input === null ? null : restoreInput(previous[r]![c], previousValues[r]![c]))));
        for (const [start, end] of rowBlocks(written, (r) => inputRowBytes(restore[r], width), this.blockRows)) {
          sheet.getRangeByIndexes(ref.row + start, ref.column, end - start, width).formulas = restore.slice(start, end) as unknown as string[][];
          await context.sync().catch(() => undefined);
        }
        throw new GatewayError("WRITE_FAILED", errorDetail(error));
      }
      return { kind: "written", address: formatRange(target) };
    }).catch((error: unknown) => {
      throw toGatewayError(error);
    });
  }

  /** Reads a range (given by sheet + rectangle, or directly) in row blocks, one sync per block. */
  private async read(
    locate: (context: Excel.RequestContext) => { sheet: Excel.Worksheet; ref: RangeRef } | { range: Excel.Range },
    what: string,
  ): Promise<RangeData> {
    return Excel.run(async (context) => {
      const located = locate(context);
      let sheet: Excel.Worksheet;
      let ref: RangeRef;
      if ("range" in located) {
        const range = located.range;
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        range.worksheet.load("name");
        await context.sync();
        sheet = range.worksheet;
        ref = { sheet: sheet.name, row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
      } else {
        sheet = located.sheet;
        sheet.load("name");
        await context.sync();
        if (sheet.isNullObject) throw new GatewayError("BAD_ADDRESS", what);
        ref = { ...located.ref, sheet: sheet.name };
      }
      const values: CellValue[][] = [];
      const blockRows = readBlockRows(ref.columns);
      for (let start = 0; start < ref.rows; start += blockRows) {
        const rows = Math.min(blockRows, ref.rows - start);
        const block = sheet.getRangeByIndexes(ref.row + start, ref.column, rows, ref.columns);
        block.load("values");
        await context.sync();
        for (const row of block.values as unknown[][]) values.push(row.map((v) => (v === "" || v === undefined ? null : (v as CellValue))));
      }
      return { address: formatRange(ref), values };
    }).catch((error: unknown) => {
      throw toGatewayError(error, "READ_FAILED");
    });
  }
}
