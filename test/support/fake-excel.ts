/**
 * A small stand-in for the part of the Excel JavaScript API the Office gateway uses, with Office.js's
 * batching: property writes and method calls are queued and take effect at `context.sync()`; a loaded
 * property can be read only after `load` and a `sync` (as in Office.js, where reading it earlier fails).
 * It counts syncs and cell blocks, keeps a log of requests, and can fail a given sync (`failSyncNumber`)
 * to exercise the rollback paths.
 */
import { cellAddress } from "../../src/excel/address";

export interface FakeSheet {
  name: string;
  cells: Map<string, unknown>;
  bold: Set<number>;
  active: boolean;
  formats: Map<string, string>;
  tables: { name: string; address: string; hasHeaders: boolean }[];
  charts: { type: string; source: string; seriesBy: string; title?: string; xTitle?: string; yTitle?: string; from?: string; to?: string }[];
  names: { name: string; address: string }[];
}

export class FakeWorkbook {
  sheets: FakeSheet[];
  syncCount = 0;
  failSyncNumber: number | undefined;
  /** Blocks of cells written (`range.formulas = …`) and read (`load("formulas"|"values")`) that reached a sync. */
  blocksWritten = 0;
  blocksRead = 0;
  /** The largest number of rows in one written block. */
  largestBlockRows = 0;
  /** "load:…", "write:…", "sync" in call order. */
  log: string[] = [];
  selection = { sheet: "Sheet1", row: 0, column: 0, rows: 1, columns: 1 };
  constructor(names: string[] = ["Sheet1"]) {
    this.sheets = names.map(newSheet);
  }
  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }
}

function newSheet(name: string): FakeSheet {
  return { name, cells: new Map(), bold: new Set(), active: false, formats: new Map(), tables: [], charts: [], names: [] };
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
          queue.push(() => {
            if (workbook.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`sheet ${name} exists`);
            workbook.sheets.push(sheet);
          });
          return sheetObject(() => (workbook.sheets.includes(sheet) ? sheet : undefined), sheet);
        },
        getItemOrNullObject: (name: string) => sheetObject(() => workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())),
        getActiveWorksheet: () => sheetObject(() => workbook.sheets.find((s) => s.active) ?? workbook.sheets[0]),
      };
      const tables = {
        items: [] as { name: string }[],
        load: () => queue.push(() => (tables.items = workbook.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name }))))),
      };
      const context = {
        workbook: {
          worksheets,
          tables,
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
          for (const op of ops) op();
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
    return { format: { autofitColumns: () => undefined } };
  }
  activate(): void {
    this.queue.push(() => this.workbook.sheets.forEach((s) => (s.active = s === this.target)));
  }
  delete(): void {
    this.queue.push(() => {
      this.workbook.sheets = this.workbook.sheets.filter((s) => s !== this.target);
    });
  }
  get tables() {
    return {
      add: (range: FakeRange, hasHeaders: boolean) => {
        const table = { name: "Table1", address: range.a1, hasHeaders };
        this.queue.push(() => {
          const taken = this.workbook.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
          if (taken.includes(table.name.toLowerCase())) throw new Error(`InvalidArgument: table name ${table.name} exists`);
          this.target.tables.push(table);
        });
        return {
          set name(value: string) {
            table.name = value;
          },
        };
      },
    };
  }
  get charts() {
    return {
      add: (type: string, range: FakeRange, seriesBy: string) => {
        const chart: FakeSheet["charts"][number] = { type, source: range.a1, seriesBy };
        this.queue.push(() => this.target.charts.push(chart));
        return {
          title: {
            set text(value: string) {
              chart.title = value;
            },
          },
          axes: {
            categoryAxis: { title: { set text(value: string) { chart.xTitle = value; } } },
            valueAxis: { title: { set text(value: string) { chart.yTitle = value; } } },
          },
          setPosition: (from: string, to: string) => {
            chart.from = from;
            chart.to = to;
          },
        };
      },
    };
  }
  get names() {
    return {
      add: (name: string, range: FakeRange) => {
        this.queue.push(() => {
          if (this.target.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new Error(`InvalidArgument: name ${name} exists`);
          this.target.names.push({ name, address: range.a1 });
        });
      },
    };
  }
}

class FakeRange extends Loadable {
  private snapshot: { formulas?: unknown[][]; values?: unknown[][] } = {};
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
    const start = cellAddress(this.rowIndexValue, this.columnIndexValue);
    return this.rows === 1 && this.columns === 1 ? start : `${start}:${cellAddress(this.rowIndexValue + this.rows - 1, this.columnIndexValue + this.columns - 1)}`;
  }
  protected override fill(): void {
    const grid = (f: (v: unknown) => unknown) =>
      Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.columns }, (_, c) => f(this.sheet().cells.get(`${this.rowIndexValue + r},${this.columnIndexValue + c}`))));
    if (this.pending.has("formulas")) {
      this.snapshot.formulas = grid((v) => v ?? "");
      this.workbook.blocksRead++;
    }
    if (this.pending.has("values")) {
      this.snapshot.values = grid((v) => (v === undefined ? "" : typeof v === "string" && v.startsWith("'") ? v.slice(1) : v));
      this.workbook.blocksRead++;
    }
    super.fill();
  }
  get formulas(): unknown[][] {
    return this.read("formulas", () => this.snapshot.formulas!);
  }
  set formulas(values: unknown[][]) {
    this.workbook.log.push(`write:${this.a1}`);
    this.queue.push(() => {
      if (values.length !== this.rows || values.some((r) => r.length !== this.columns)) throw new Error("InvalidArgument: dimensions");
      const cells = this.sheet().cells;
      values.forEach((r, i) =>
        r.forEach((v, j) => {
          const k = `${this.rowIndexValue + i},${this.columnIndexValue + j}`;
          if (v === "") cells.delete(k);
          else if (v !== null) cells.set(k, v);
        }),
      );
      this.workbook.blocksWritten++;
      this.workbook.largestBlockRows = Math.max(this.workbook.largestBlockRows, this.rows);
    });
  }
  get values(): unknown[][] {
    return this.read("values", () => this.snapshot.values!);
  }
  set numberFormat(formats: string[][]) {
    this.queue.push(() => {
      if (formats.length !== this.rows || formats.some((r) => r.length !== this.columns)) throw new Error("InvalidArgument: dimensions");
      formats.forEach((r, i) => r.forEach((f, j) => this.sheet().formats.set(`${this.rowIndexValue + i},${this.columnIndexValue + j}`, f)));
    });
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
  get format() {
    const { queue, rows, rowIndexValue } = this;
    const sheet = this.sheet;
    return {
      font: {
        set bold(value: boolean) {
          queue.push(() => {
            for (let i = 0; i < rows; i++) if (value) sheet().bold.add(rowIndexValue + i + 1);
          });
        },
      },
    };
  }
}
