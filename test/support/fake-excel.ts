/**
 * A workbook model (FakeWorkbook) and, over it, a small stand-in for the part of the Excel JavaScript API
 * the Office gateway uses, with Office.js's batching: property writes and method calls are queued and
 * take effect at `context.sync()`; a loaded property can be read only after `load` and a `sync` (as in
 * Office.js, where reading it earlier fails). It counts syncs and cell blocks and keeps a log of requests.
 *
 * Failures, to exercise the rollback paths: `failSyncNumber` fails a whole sync (none of its requests
 * applied); `failOperationNumber` fails one request, counted across the run in order — those before it
 * in its sync applied, it and the rest not — as Excel runs a batch until a request fails.
 *
 * office-mock-excel.ts puts the same model behind office-addin-mock instead.
 */
import { cellAddress } from "../../src/excel/address";

export interface FakeTable {
  name: string;
  address: string;
  hasHeaders: boolean;
}

export interface FakeChart {
  /** Excel's own name for it, "Chart 1"…, unique on its sheet. */
  name?: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  xTitle?: string;
  yTitle?: string;
  from?: string;
  to?: string;
  /** Set only when a chart's category axis runs the other way (a bar chart drawn as a funnel). */
  reversed?: boolean;
}

export interface FakeSheet {
  name: string;
  /** What the cell holds, keyed "row,column" (0-based): "=formula", a constant, "'text" (apostrophe prefix). */
  cells: Map<string, unknown>;
  /** 1-based rows shown in bold. */
  bold: Set<number>;
  active: boolean;
  formats: Map<string, string>;
  tables: FakeTable[];
  charts: FakeChart[];
  names: { name: string; address: string }[];
  conditionalFormats: FakeConditionalFormat[];
}

/** A custom-formula conditional format as Office.js is told it. */
export interface FakeConditionalFormat {
  address: string;
  formula: string;
  fill: string;
  font: string | undefined;
}

/** `range.conditionalFormats` over a rule list: `add("Custom")` gives the rule whose setters fill it in. */
export function conditionalFormatsOf(a1: string, apply: (rule: FakeConditionalFormat) => void) {
  return {
    add: (_type: string) => {
      const rule: FakeConditionalFormat = { address: a1, formula: "", fill: "", font: undefined };
      apply(rule);
      return {
        custom: {
          rule: {
            set formula(formula: string) {
              rule.formula = formula;
            },
          },
          format: {
            fill: {
              set color(color: string) {
                rule.fill = color;
              },
            },
            font: {
              set color(color: string) {
                rule.font = color;
              },
            },
          },
        },
      };
    },
  };
}

/** A fresh sheet for the model (not yet in the workbook). */
export function newSheet(name: string): FakeSheet {
  return { name, cells: new Map(), bold: new Set(), active: false, formats: new Map(), tables: [], charts: [], names: [], conditionalFormats: [] };
}

const key = (row: number, column: number) => `${row},${column}`;

/** A1 address of a rectangle on its sheet ("B2", "B2:C4"). */
export function rectangle(row: number, column: number, rows: number, columns: number): string {
  const start = cellAddress(row, column);
  return rows === 1 && columns === 1 ? start : `${start}:${cellAddress(row + rows - 1, column + columns - 1)}`;
}

/** The workbook: its sheets and what was done to it. Every change goes through one of its methods. */
export class FakeWorkbook {
  sheets: FakeSheet[];
  syncCount = 0;
  failSyncNumber: number | undefined;
  /** Requests executed so far (all runs), and the one to fail (1-based). */
  operationCount = 0;
  failOperationNumber: number | undefined;
  /** Blocks of cells written (`range.formulas = …`) and read (`load("formulas"|"values")`) that reached a sync. */
  blocksWritten = 0;
  blocksRead = 0;
  /** The largest number of rows in one written block. */
  largestBlockRows = 0;
  /** "load:…", "write:…", "sync" in call order. */
  log: string[] = [];
  selection = { sheet: "Sheet1", row: 0, column: 0, rows: 1, columns: 1 };
  /** Workbook-scoped defined names, each of one range: { name: "Orders", address: "Data!A1:C9" }. */
  names: { name: string; address: string }[] = [];

  constructor(names: string[] = ["Sheet1"]) {
    this.sheets = names.map(newSheet);
    if (this.sheets[0]) this.sheets[0].active = true;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  activeSheet(): FakeSheet | undefined {
    return this.sheets.find((s) => s.active) ?? this.sheets[0];
  }

  /** Counts one request; throws when it is the one planned to fail. */
  operation(): void {
    this.operationCount++;
    if (this.operationCount === this.failOperationNumber) throw new Error("RichApi.Error: The request payload size has exceeded the limit.");
  }

  addSheet(sheet: FakeSheet): void {
    if (this.find(sheet.name)) throw new Error(`InvalidArgument: sheet ${sheet.name} exists`);
    this.sheets.push(sheet);
  }

  /** As Excel: deleting the active sheet activates the one after it (or before, for the last). */
  deleteSheet(sheet: FakeSheet): void {
    const index = this.sheets.indexOf(sheet);
    if (index < 0) throw new Error("ItemNotFound: the sheet does not exist");
    this.sheets.splice(index, 1);
    if (sheet.active) {
      sheet.active = false;
      const next = this.sheets[Math.min(index, this.sheets.length - 1)];
      if (next) next.active = true;
    }
  }

  activate(sheet: FakeSheet): void {
    if (!this.sheets.includes(sheet)) throw new Error("ItemNotFound: the sheet does not exist");
    for (const s of this.sheets) s.active = s === sheet;
  }

  /** `range.formulas = grid`: "" clears a cell, null leaves it. */
  writeFormulas(sheet: FakeSheet, row: number, column: number, rows: number, columns: number, grid: unknown[][]): void {
    if (grid.length !== rows || grid.some((r) => r.length !== columns)) throw new Error("InvalidArgument: dimensions");
    grid.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === "") sheet.cells.delete(key(row + i, column + j));
        else if (v !== null) sheet.cells.set(key(row + i, column + j), v);
      }),
    );
    this.blocksWritten++;
    this.largestBlockRows = Math.max(this.largestBlockRows, rows);
  }

  /**
   * `range.formulas` as Office.js returns it: "" when empty, the formula, the constant — and text kept
   * behind an apostrophe without it (Office.js drops the prefix).
   */
  readFormulas(sheet: FakeSheet, row: number, column: number, rows: number, columns: number): unknown[][] {
    this.blocksRead++;
    return grid(rows, columns, (r, c) => {
      const v = sheet.cells.get(key(row + r, column + c));
      if (v === undefined) return "";
      return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
    });
  }

  /** `range.values`: "" when empty, text without its apostrophe; the fake does not calculate, a formula shows "value of =…". */
  readValues(sheet: FakeSheet, row: number, column: number, rows: number, columns: number): unknown[][] {
    this.blocksRead++;
    return grid(rows, columns, (r, c) => {
      const v = sheet.cells.get(key(row + r, column + c));
      if (v === undefined) return "";
      if (typeof v === "string" && v.startsWith("'")) return v.slice(1);
      if (typeof v === "string" && v.startsWith("=")) return `value of ${v}`;
      return v;
    });
  }

  /** "General", Excel's format of a cell nobody formatted, is kept as no format at all. */
  setNumberFormat(sheet: FakeSheet, row: number, column: number, rows: number, columns: number, formats: string[][]): void {
    if (formats.length !== rows || formats.some((r) => r.length !== columns)) throw new Error("InvalidArgument: dimensions");
    formats.forEach((r, i) =>
      r.forEach((f, j) => {
        if (f === "General") sheet.formats.delete(key(row + i, column + j));
        else sheet.formats.set(key(row + i, column + j), f);
      }),
    );
  }

  /** `range.numberFormat` as Office.js returns it ("General" where nothing was set). */
  readNumberFormat(sheet: FakeSheet, row: number, column: number, rows: number, columns: number): string[][] {
    return grid(rows, columns, (r, c) => sheet.formats.get(key(row + r, column + c)) ?? "General") as string[][];
  }

  /** Bold is kept per row in this model: `value` applies to whole rows. */
  setBold(sheet: FakeSheet, row: number, rows: number, value = true): void {
    for (let i = 0; i < rows; i++) {
      if (value) sheet.bold.add(row + i + 1);
      else sheet.bold.delete(row + i + 1);
    }
  }

  /** `range.format.font.bold`: true or false for the whole range, null when its rows differ. */
  readBold(sheet: FakeSheet, row: number, rows: number): boolean | null {
    const bold = Array.from({ length: rows }, (_, i) => sheet.bold.has(row + i + 1));
    return bold.every(Boolean) ? true : bold.some(Boolean) ? null : false;
  }

  /** The bounding box of the cells that hold something or have a number format (0-based), or undefined. */
  usedRange(sheet: FakeSheet): { row: number; column: number; rows: number; columns: number } | undefined {
    const keys = [...sheet.cells.keys(), ...sheet.formats.keys()].map((k) => k.split(",").map(Number) as [number, number]);
    if (keys.length === 0) return undefined;
    const rows = keys.map(([r]) => r);
    const columns = keys.map(([, c]) => c);
    const row = Math.min(...rows);
    const column = Math.min(...columns);
    return { row, column, rows: Math.max(...rows) - row + 1, columns: Math.max(...columns) - column + 1 };
  }

  /** `table.convertToRange()`: the table goes, its cells stay. */
  removeTable(sheet: FakeSheet, table: FakeTable): void {
    const index = sheet.tables.indexOf(table);
    if (index < 0) throw new Error("ItemNotFound: the table does not exist");
    sheet.tables.splice(index, 1);
  }

  removeChart(sheet: FakeSheet, chart: FakeChart): void {
    const index = sheet.charts.indexOf(chart);
    if (index < 0) throw new Error("ItemNotFound: the chart does not exist");
    sheet.charts.splice(index, 1);
  }

  removeName(sheet: FakeSheet, name: string): void {
    const index = sheet.names.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
    if (index < 0) throw new Error("ItemNotFound: the name does not exist");
    sheet.names.splice(index, 1);
  }

  addConditionalFormat(sheet: FakeSheet, rule: FakeConditionalFormat): void {
    sheet.conditionalFormats.push(rule);
  }

  clearConditionalFormats(sheet: FakeSheet): void {
    sheet.conditionalFormats = [];
  }

  /** Table names are unique in the workbook (case-insensitive). */
  addTable(sheet: FakeSheet, table: FakeTable): void {
    const taken = this.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
    if (taken.includes(table.name.toLowerCase())) throw new Error(`InvalidArgument: table name ${table.name} exists`);
    sheet.tables.push(table);
  }

  /** Excel names a new table "Table1", "Table2"… until it is renamed. */
  autoTableName(): string {
    const taken = new Set(this.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
    let n = 1;
    while (taken.has(`table${n}`)) n++;
    return `Table${n}`;
  }

  renameTable(table: FakeTable, name: string): void {
    const taken = this.sheets.flatMap((s) => s.tables.filter((t) => t !== table).map((t) => t.name.toLowerCase()));
    if (taken.includes(name.toLowerCase())) throw new Error(`InvalidArgument: table name ${name} exists`);
    table.name = name;
  }

  /** Excel names a new chart "Chart 1", "Chart 2"… (the first number free on its sheet). */
  addChart(sheet: FakeSheet, chart: FakeChart): void {
    let n = 1;
    while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
    chart.name = `Chart ${n}`;
    sheet.charts.push(chart);
  }

  /** Names scoped to a sheet are unique on it. */
  addName(sheet: FakeSheet, name: string, address: string): void {
    if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new Error(`InvalidArgument: name ${name} exists`);
    sheet.names.push({ name, address });
  }

  /** Everything a user could see, cell by cell, as plain data: compare before and after a failed write. */
  snapshot(): unknown {
    return [{ workbookNames: this.names.map((n) => ({ ...n })) }, ...this.sheets.map((s) => ({
      name: s.name,
      active: s.active,
      cells: [...s.cells.entries()].sort(([a], [b]) => a.localeCompare(b)),
      bold: [...s.bold].sort((a, b) => a - b),
      formats: [...s.formats.entries()].sort(([a], [b]) => a.localeCompare(b)),
      tables: s.tables.map((t) => ({ ...t })),
      charts: s.charts.map((c) => ({ ...c })),
      names: s.names.map((n) => ({ ...n })),
      conditionalFormats: s.conditionalFormats.map((c) => ({ ...c })),
    }))];
  }

  /** The rectangle of a sheet-qualified address ("Data!A1:C9", "'My data'!B2") and its sheet. */
  locate(address: string): { sheet: FakeSheet; row: number; column: number; rows: number; columns: number } {
    const bang = address.lastIndexOf("!");
    const sheetName = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const local = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address.slice(bang + 1))!;
    const column = columnIndex(local[1]!);
    const row = Number(local[2]) - 1;
    return { sheet: this.sheet(sheetName), row, column, rows: local[4] === undefined ? 1 : Number(local[4]) - row, columns: local[3] === undefined ? 1 : columnIndex(local[3]) - column + 1 };
  }
}

/** A sheet-scoped name's formula as Office.js reports it ("=Sheet1!$C$2:$C$3"). */
export function nameFormula(sheet: string, address: string): string {
  const absolute = address.split(":").map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")).join(":");
  return `=${/^[A-Za-z_][\w.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${absolute}`;
}

/** The local address of a name's formula ("=Sheet1!$C$2:$C$3" → "C2:C3"), as `names.add(name, formula)` reads it. */
export function nameAddress(formula: string): string {
  return formula.slice(formula.lastIndexOf("!") + 1).replace(/\$/g, "");
}

function grid(rows: number, columns: number, cell: (r: number, c: number) => unknown): unknown[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r, c)));
}

/** What `charts.add` returns: setting its title, axis titles and position fills in `chart`. */
export function chartProxy(chart: FakeChart) {
  return {
    title: {
      set text(value: string) {
        chart.title = value;
      },
    },
    axes: {
      categoryAxis: {
        title: { set text(value: string) { chart.xTitle = value; } },
        set reversePlotOrder(value: boolean) {
          chart.reversed = value;
        },
      },
      valueAxis: { title: { set text(value: string) { chart.yTitle = value; } } },
    },
    setPosition: (from: string, to: string) => {
      chart.from = from;
      chart.to = to;
    },
  };
}

type Queue = (() => void)[];

/** A loadable object: properties become readable after `load` + `sync`. */
class Loadable {
  protected readonly loaded = new Set<string>();
  protected readonly pending = new Set<string>();
  constructor(
    protected readonly queue: Queue,
    protected readonly workbook: FakeWorkbook,
  ) {}
  load(props: string): this {
    this.workbook.log.push(`load:${props}`);
    for (const p of props.split(",")) this.pending.add(p.trim());
    this.queue.push(() => this.fill());
    return this;
  }
  protected fill(): void {
    for (const p of this.pending) this.loaded.add(p);
    this.pending.clear();
  }
  protected read<T>(prop: string, value: () => T): T {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop}`);
    return value();
  }
}

/** Makes `Excel.run` use the batching stand-in over `workbook`; returns a function that puts `Excel` back. */
export function installFakeExcel(workbook: FakeWorkbook): () => void {
  const g = globalThis as { Excel?: unknown };
  const previous = g.Excel;
  g.Excel = {
    run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
      const queue: Queue = [];
      const sheetObject = (find: () => FakeSheet | undefined, created?: FakeSheet) => new FakeWorksheet(queue, workbook, find, created);
      const worksheets = {
        items: [] as { name: string }[],
        load: (props: string) => {
          workbook.log.push(`load:worksheets/${props}`);
          queue.push(() => (worksheets.items = workbook.sheets.map((s) => ({ name: s.name }))));
        },
        add: (name: string) => {
          const sheet = newSheet(name);
          queue.push(() => workbook.addSheet(sheet));
          return sheetObject(() => (workbook.sheets.includes(sheet) ? sheet : undefined), sheet);
        },
        getItemOrNullObject: (name: string) => sheetObject(() => workbook.find(name)),
        getItem: (name: string) => sheetObject(() => workbook.find(name)),
        getActiveWorksheet: () => {
          const active = workbook.activeSheet();
          return sheetObject(() => (active && workbook.sheets.includes(active) ? active : undefined));
        },
      };
      const rangeAt = (address: string) => {
        const { sheet, row, column, rows, columns } = workbook.locate(address);
        return new FakeRange(queue, workbook, () => sheet, row, column, rows, columns);
      };
      const tables = {
        items: [] as { name: string; getRange: () => FakeRange }[],
        load: () =>
          queue.push(
            () => (tables.items = workbook.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, getRange: () => rangeAt(`${nameFormula(s.name, t.address).slice(1).replace(/\$/g, "")}`) })))),
          ),
      };
      const names = {
        items: [] as { name: string; type: string; getRangeOrNullObject: () => FakeRange }[],
        load: () => queue.push(() => (names.items = workbook.names.map((n) => ({ name: n.name, type: "Range", getRangeOrNullObject: () => rangeAt(n.address) })))),
      };
      const context = {
        workbook: {
          worksheets,
          tables,
          names,
          getSelectedRange: () => {
            const { sheet, row, column, rows, columns } = workbook.selection;
            return new FakeRange(queue, workbook, () => workbook.sheet(sheet), row, column, rows, columns);
          },
        },
        sync: async () => {
          workbook.syncCount++;
          workbook.log.push("sync");
          const ops = queue.splice(0);
          if (workbook.syncCount === workbook.failSyncNumber) throw new Error("RichApi.Error: The request payload size has exceeded the limit.");
          for (const op of ops) {
            workbook.operation();
            op();
          }
        },
      };
      return batch(context);
    },
  };
  return () => {
    g.Excel = previous;
  };
}

class FakeWorksheet extends Loadable {
  constructor(
    queue: Queue,
    workbook: FakeWorkbook,
    private readonly find: () => FakeSheet | undefined,
    private readonly created?: FakeSheet,
  ) {
    super(queue, workbook);
    if (created) this.loaded.add("name");
  }
  private get target(): FakeSheet {
    const sheet = this.created ?? this.find();
    if (!sheet) throw new Error("ItemNotFound");
    return sheet;
  }
  get name(): string {
    return this.read("name", () => this.target.name);
  }
  get isNullObject(): boolean {
    return this.read("name", () => this.find() === undefined);
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.queue, this.workbook, () => this.target, row, column, rows, columns);
  }
  getUsedRange() {
    return { format: { autofitColumns: () => this.queue.push(() => undefined) } };
  }
  getRange() {
    return { conditionalFormats: { clearAll: () => this.queue.push(() => this.workbook.clearConditionalFormats(this.target)) } };
  }
  getUsedRangeOrNullObject() {
    return new FakeUsedRange(this.queue, this.workbook, () => this.target);
  }
  activate(): void {
    this.queue.push(() => this.workbook.activate(this.target));
  }
  delete(): void {
    this.queue.push(() => this.workbook.deleteSheet(this.target));
  }
  private collections: ReturnType<FakeWorksheet["makeCollections"]> | undefined;
  /** The same collection objects on every access, as in Office.js (a loaded `items` stays readable). */
  private get own() {
    this.collections ??= this.makeCollections();
    return this.collections;
  }
  private makeCollections() {
    const { queue, workbook } = this;
    const target = () => this.target;
    const tables = {
      items: [] as { name: string; showHeaders: boolean; getRange: () => FakeRange; convertToRange: () => void }[],
      load(props: string) {
        workbook.log.push(`load:tables/${props}`);
        queue.push(() => {
          tables.items = target().tables.map((table) => ({
            name: table.name,
            showHeaders: table.hasHeaders,
            getRange: () => {
              const ref = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(table.address)!;
              const column = columnIndex(ref[1]!);
              const row = Number(ref[2]) - 1;
              const rows = ref[4] === undefined ? 1 : Number(ref[4]) - row;
              const columns = ref[3] === undefined ? 1 : columnIndex(ref[3]) - column + 1;
              return new FakeRange(queue, workbook, target, row, column, rows, columns);
            },
            convertToRange: () => {
              queue.push(() => workbook.removeTable(target(), table));
            },
          }));
        });
        return tables;
      },
      add: (range: FakeRange, hasHeaders: boolean) => {
        const table = { name: "Table1", address: range.a1, hasHeaders };
        queue.push(() => workbook.addTable(target(), table));
        return {
          set name(value: string) {
            table.name = value;
          },
        };
      },
    };
    const charts = {
      items: [] as { name: string | undefined; delete: () => void }[],
      load(props: string) {
        workbook.log.push(`load:charts/${props}`);
        queue.push(() => {
          charts.items = target().charts.map((chart) => ({
            name: chart.name,
            delete: () => {
              queue.push(() => workbook.removeChart(target(), chart));
            },
          }));
        });
        return charts;
      },
      add: (type: string, range: FakeRange, seriesBy: string) => {
        const chart: FakeChart = { type, source: range.a1, seriesBy };
        queue.push(() => workbook.addChart(target(), chart));
        return chartProxy(chart);
      },
      getItemOrNullObject: (name: string) => {
        const item = {
          isNullObject: true,
          load: () => {
            queue.push(() => (item.isNullObject = !target().charts.some((c) => c.name === name)));
            return item;
          },
          delete: () => {
            queue.push(() => {
              const chart = target().charts.find((c) => c.name === name);
              if (chart === undefined) throw new Error("ItemNotFound: the chart does not exist");
              workbook.removeChart(target(), chart);
            });
          },
        };
        return item;
      },
    };
    const names = {
      items: [] as { name: string; type: string; getRangeOrNullObject: () => FakeRange; formula: string; delete: () => void }[],
      load(props: string) {
        workbook.log.push(`load:names/${props}`);
        queue.push(() => {
          const sheet = target();
          names.items = sheet.names.map((n) => ({
            name: n.name,
            type: "Range",
            getRangeOrNullObject: () => new FakeRange(queue, workbook, target, ...rectangleOf(n.address)),
            formula: nameFormula(sheet.name, n.address),
            delete: () => {
              queue.push(() => workbook.removeName(target(), n.name));
            },
          }));
        });
        return names;
      },
      add: (name: string, source: FakeRange | string) => {
        queue.push(() => workbook.addName(target(), name, typeof source === "string" ? nameAddress(source) : source.a1));
      },
    };
    return { tables, charts, names };
  }
  get tables() {
    return this.own.tables;
  }
  get charts() {
    return this.own.charts;
  }
  get names() {
    return this.own.names;
  }
}

/** `getUsedRangeOrNullObject()`: null on a sheet with nothing in it. */
class FakeUsedRange extends Loadable {
  private box: ReturnType<FakeWorkbook["usedRange"]>;
  constructor(
    queue: Queue,
    workbook: FakeWorkbook,
    private readonly sheet: () => FakeSheet,
  ) {
    super(queue, workbook);
  }
  protected override fill(): void {
    this.box = this.workbook.usedRange(this.sheet());
    super.fill();
  }
  get isNullObject(): boolean {
    return this.read("rowIndex", () => this.box === undefined);
  }
  get rowIndex(): number {
    return this.read("rowIndex", () => this.box!.row);
  }
  get columnIndex(): number {
    return this.read("columnIndex", () => this.box!.column);
  }
  get rowCount(): number {
    return this.read("rowCount", () => this.box!.rows);
  }
  get columnCount(): number {
    return this.read("columnCount", () => this.box!.columns);
  }
}

/** Row, column, rows and columns of a local address ("B2:C4"). */
function rectangleOf(address: string): [number, number, number, number] {
  const ref = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address)!;
  const column = columnIndex(ref[1]!);
  const row = Number(ref[2]) - 1;
  return [row, column, ref[4] === undefined ? 1 : Number(ref[4]) - row, ref[3] === undefined ? 1 : columnIndex(ref[3]) - column + 1];
}

/** "A" → 0, "AB" → 27. */
function columnIndex(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

class FakeRange extends Loadable {
  private snapshot: { formulas?: unknown[][]; values?: unknown[][]; numberFormat?: string[][] } = {};
  constructor(
    queue: Queue,
    workbook: FakeWorkbook,
    private readonly sheet: () => FakeSheet,
    readonly rowIndexValue: number,
    readonly columnIndexValue: number,
    readonly rows: number,
    readonly columns: number,
  ) {
    super(queue, workbook);
  }
  get a1(): string {
    return rectangle(this.rowIndexValue, this.columnIndexValue, this.rows, this.columns);
  }
  protected override fill(): void {
    const args = [this.sheet(), this.rowIndexValue, this.columnIndexValue, this.rows, this.columns] as const;
    if (this.pending.has("formulas")) this.snapshot.formulas = this.workbook.readFormulas(...args);
    if (this.pending.has("values")) this.snapshot.values = this.workbook.readValues(...args);
    if (this.pending.has("numberFormat")) this.snapshot.numberFormat = this.workbook.readNumberFormat(...args);
    super.fill();
  }
  /** `range.address` after a load: "Sheet1!B2:C4", the sheet quoted where Excel quotes it. */
  get address(): string {
    return this.read("address", () => nameFormula(this.sheet().name, this.a1).slice(1).replace(/\$/g, ""));
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat", () => this.snapshot.numberFormat!);
  }
  /** A range of a name or table is never null here (the model keeps no names of deleted ranges). */
  get isNullObject(): boolean {
    return false;
  }
  get formulas(): unknown[][] {
    return this.read("formulas", () => this.snapshot.formulas!);
  }
  set formulas(values: unknown[][]) {
    this.workbook.log.push(`write:${this.a1}`);
    this.queue.push(() => this.workbook.writeFormulas(this.sheet(), this.rowIndexValue, this.columnIndexValue, this.rows, this.columns, values));
  }
  get values(): unknown[][] {
    return this.read("values", () => this.snapshot.values!);
  }
  set numberFormat(formats: string[][]) {
    this.queue.push(() => this.workbook.setNumberFormat(this.sheet(), this.rowIndexValue, this.columnIndexValue, this.rows, this.columns, formats));
  }
  get rowIndex(): number {
    return this.read("rowIndex", () => this.rowIndexValue);
  }
  get columnIndex(): number {
    return this.read("columnIndex", () => this.columnIndexValue);
  }
  get rowCount(): number {
    return this.read("rowCount", () => this.rows);
  }
  get columnCount(): number {
    return this.read("columnCount", () => this.columns);
  }
  private sheetObject: FakeWorksheet | undefined;
  /** The same proxy on every access, as in Office.js. */
  get worksheet(): FakeWorksheet {
    this.sheetObject ??= new FakeWorksheet(this.queue, this.workbook, () => this.sheet());
    return this.sheetObject;
  }
  get conditionalFormats() {
    const { queue, workbook } = this;
    const sheet = this.sheet;
    return conditionalFormatsOf(this.a1, (rule) => queue.push(() => workbook.addConditionalFormat(sheet(), rule)));
  }
  get format() {
    const { queue, rows, rowIndexValue, workbook } = this;
    const sheet = this.sheet;
    let read: boolean | null | undefined;
    const font = {
      load(_props: string) {
        queue.push(() => (read = workbook.readBold(sheet(), rowIndexValue, rows)));
        return font;
      },
      get bold(): boolean | null {
        if (read === undefined) throw new Error("PropertyNotLoaded: bold");
        return read;
      },
      set bold(value: boolean | null) {
        queue.push(() => workbook.setBold(sheet(), rowIndexValue, rows, value === true));
      },
    };
    return { font };
  }
}
