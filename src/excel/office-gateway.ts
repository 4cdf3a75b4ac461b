import { cellAddress, formatRange, quoteSheet, type RangeRef } from "./address";
import { inputRowBytes, readBlockRows, rowBlocks, WRITE_BLOCK_ROWS } from "./blocks";
import { gridWidth, inputRow, restoreInput, type CellInputValue } from "./cell-input";
import { freeSheetName, freeTableName } from "./free-names";
import {
  GatewayError,
  MAX_LISTED_OCCUPIED,
  type CellSpec,
  type CellValue,
  type ChartKind,
  type RangeData,
  type RangeWrite,
  type RangeWriteResult,
  type SheetPlan,
  type WorkbookGateway,
} from "./gateway";
import { errorDetail, occupiedTargets, requireLocalRange, requireOnGrid, requireRange, toGatewayError } from "./write-checks";

export interface OfficeGatewayOptions {
  /** Rows per write request (default WRITE_BLOCK_ROWS): tests make it small to fail a write between blocks. */
  readonly blockRows?: number;
}

/** Office.js chart types for the gateway's chart kinds (strings are accepted where the enum is typed). */
const CHART_TYPES: Readonly<Record<ChartKind, string>> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
  pie: "Pie",
  scatter: "XYScatter",
};

type Grid = CellInputValue[][];

/** A rectangle filled with one value, as Office.js wants for `numberFormat`. */
function filled<T>(ref: RangeRef, value: T): T[][] {
  return Array.from({ length: ref.rows }, () => Array.from({ length: ref.columns }, () => value));
}

/** The gateway over Office.js. Only this module calls `Excel.run`. */
export class OfficeGateway implements WorkbookGateway {
  readonly available = true;
  private readonly blockRows: number;

  constructor(options: OfficeGatewayOptions = {}) {
    this.blockRows = options.blockRows ?? WRITE_BLOCK_ROWS;
  }

  async createSheet(plan: SheetPlan): Promise<string> {
    // Malformed plan addresses fail before anything is added.
    const tables = (plan.tables ?? []).map((t) => ({ ...t, ref: requireLocalRange(t.address) }));
    const formats = (plan.numberFormats ?? []).map((f) => ({ ...f, ref: requireLocalRange(f.address) }));
    const charts = (plan.charts ?? []).map((c) => ({ ...c, ref: requireLocalRange(c.source), fromRef: requireLocalRange(c.from), toRef: requireLocalRange(c.to) }));
    const names = (plan.names ?? []).map((n) => ({ ...n, ref: requireLocalRange(n.address) }));
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      const workbookTables = context.workbook.tables;
      if (tables.length > 0) workbookTables.load("items/name");
      await context.sync();
      const name = freeSheetName(
        plan.name,
        sheets.items.map((sheet) => sheet.name),
      );
      const takenTables = tables.length > 0 ? workbookTables.items.map((t) => t.name) : [];
      const sheet = sheets.add(name);
      try {
        // A failed sync may still have applied some of its requests (adding the sheet, too): from here on,
        // every failure removes the sheet.
        await context.sync();
        const width = gridWidth(plan.rows);
        const inputs = plan.rows.map((row) => inputRow(row, width));
        for (const [start, end] of width > 0 ? rowBlocks(inputs.length, (r) => inputRowBytes(inputs[r], width), this.blockRows) : []) {
          sheet.getRangeByIndexes(start, 0, end - start, width).formulas = inputs.slice(start, end) as unknown as string[][];
          await context.sync();
        }
        // Formats, tables, charts and names are small: one request for all of them, activating the sheet last.
        for (const row of plan.boldRows ?? []) {
          sheet.getRangeByIndexes(row - 1, 0, 1, Math.max(width, 1)).format.font.bold = true;
        }
        for (const format of formats) {
          sheet.getRangeByIndexes(format.ref.row, format.ref.column, format.ref.rows, format.ref.columns).numberFormat = filled(format.ref, format.format);
        }
        for (const table of tables) {
          const tableName = freeTableName(table.name, takenTables);
          takenTables.push(tableName);
          sheet.tables.add(sheet.getRangeByIndexes(table.ref.row, table.ref.column, table.ref.rows, table.ref.columns), table.hasHeaders).name = tableName;
        }
        for (const spec of charts) {
          const source = sheet.getRangeByIndexes(spec.ref.row, spec.ref.column, spec.ref.rows, spec.ref.columns);
          const chart = sheet.charts.add(CHART_TYPES[spec.kind] as Excel.ChartType, source, "Columns" as Excel.ChartSeriesBy);
          chart.title.text = spec.title;
          if (spec.xAxisTitle !== undefined) chart.axes.categoryAxis.title.text = spec.xAxisTitle;
          if (spec.yAxisTitle !== undefined) chart.axes.valueAxis.title.text = spec.yAxisTitle;
          chart.setPosition(cellAddress(spec.fromRef.row, spec.fromRef.column), cellAddress(spec.toRef.row, spec.toRef.column));
        }
        for (const spec of names) {
          sheet.names.add(spec.name, sheet.getRangeByIndexes(spec.ref.row, spec.ref.column, spec.ref.rows, spec.ref.columns));
        }
        if (width > 0) sheet.getUsedRange().format.autofitColumns();
        sheet.activate();
        await context.sync();
        return name;
      } catch (error) {
        // All or nothing: the sheet that was active is again (found by the name read at the start, not
        // asked for anew: the new sheet may be the active one by now), and the half-written sheet goes with
        // its tables, charts and names. Deleting a sheet that was never added fails harmlessly.
        sheets.getItem(active.name).activate();
        sheet.delete();
        await context.sync().catch(() => undefined);
        throw new GatewayError("WRITE_FAILED", errorDetail(error));
      }
    }).catch((error: unknown) => {
      throw toGatewayError(error);
    });
  }

  async readRange(address: string): Promise<RangeData> {
    const ref = requireRange(address);
    return this.read((context) => {
      const sheet = ref.sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItemOrNullObject(ref.sheet);
      return { sheet, ref };
    }, address);
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
