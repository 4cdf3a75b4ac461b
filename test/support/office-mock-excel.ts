// office-addin-mock 4 under jest 30: its office-addin-manifest dependency is ESM-only beyond this CommonJS file.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp.js"));
import { OfficeMockObject } from "office-addin-mock";
import { chartProxy, conditionalFormatsOf, FakeWorkbook, nameAddress, nameFormula, newSheet, rectangle, type FakeChart, type FakeSheet, type FakeTable } from "./fake-excel";

/**
 * The workbook model of fake-excel.ts behind office-addin-mock, Microsoft's mock of the Office.js object
 * model: what the gateway loads (sheet and table names, a range's formulas and values, the selection's
 * position) is an OfficeMockObject, so a property read before `load` + `context.sync()` returns "Error,
 * property was not loaded" / "Error, context.sync() was not called" instead of its value and a gateway
 * that reads too early picks wrong names or values.
 *
 * office-addin-mock applies a write at once rather than at the next sync. So does this harness, with
 * Office.js's batch rule on top: once a request fails, the rest of its batch is skipped and the next
 * sync rejects. `workbook.failSyncNumber` makes a sync reject after every request of its batch was
 * applied — the other end from fake-excel.ts's `failOperationNumber`, where the failing request and
 * those after it are not.
 */

const NOT_LOADED = "Error, property was not loaded";

type Api = Record<string, unknown>;

/** Makes `Excel.run` use office-addin-mock over `workbook`; returns a function that puts `Excel` back. */
export function installOfficeMock(workbook: FakeWorkbook): () => void {
  const g = globalThis as { Excel?: unknown };
  const previous = g.Excel;
  g.Excel = { run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => batch(mockContext(workbook)) };
  return () => {
    g.Excel = previous;
  };
}

/** "A" → 0, "AB" → 27. */
function columnIndex(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

function mockContext(workbook: FakeWorkbook): unknown {
  const loadables: OfficeMockObject[] = [];
  let failed: unknown;

  /** A request: applied at once, unless an earlier one of this batch failed; a failure surfaces at the sync. */
  const request = (apply: () => void) => {
    if (failed !== undefined) return;
    try {
      apply();
    } catch (error) {
      failed = error;
    }
  };

  const loadable = (data: Record<string, unknown>): OfficeMockObject => {
    const mock = new OfficeMockObject(data);
    loadables.push(mock);
    return mock;
  };

  /** A collection whose `items` the mock holds as one value: `load("items/name")` loads them. */
  const collection = (items: { name: string }[]): Api => {
    const mock = loadable({ items }) as unknown as Api;
    const load = OfficeMockObject.prototype.load;
    mock.load = (what: string) => {
      workbook.log.push(`load:${what}`);
      return load.call(mock as unknown as OfficeMockObject, what.startsWith("items/") ? "items" : what);
    };
    return mock;
  };

  const range = (sheet: () => FakeSheet, row: number, column: number, rows: number, columns: number): Api => {
    let loaded: Api | undefined;
    const a1 = rectangle(row, column, rows, columns);
    const read = (property: string) => (loaded !== undefined && property in loaded ? loaded[property] : NOT_LOADED);
    let worksheet: Api | undefined;
    return {
      a1,
      load(properties: string) {
        workbook.log.push(`load:${properties}`);
        const data: Record<string, unknown> = {};
        for (const property of properties.split(",").map((p) => p.trim())) {
          if (property === "formulas") data.formulas = workbook.readFormulas(sheet(), row, column, rows, columns);
          else if (property === "values") data.values = workbook.readValues(sheet(), row, column, rows, columns);
          else if (property === "numberFormat") data.numberFormat = workbook.readNumberFormat(sheet(), row, column, rows, columns);
          else if (property === "address") data.address = nameFormula(sheet().name, a1).slice(1).replace(/\$/g, "");
          else data[property] = { rowIndex: row, columnIndex: column, rowCount: rows, columnCount: columns }[property];
        }
        loaded = loadable(data) as unknown as Api;
        (loaded as unknown as OfficeMockObject).load(properties);
        return this;
      },
      get formulas() {
        return read("formulas") as unknown[][];
      },
      set formulas(grid: unknown[][]) {
        workbook.log.push(`write:${a1}`);
        request(() => workbook.writeFormulas(sheet(), row, column, rows, columns, grid));
      },
      get values() {
        return read("values");
      },
      get numberFormat() {
        return read("numberFormat") as string[][];
      },
      get address() {
        return read("address");
      },
      /** A name's or table's range: never null in the model. */
      isNullObject: false,
      set numberFormat(formats: string[][]) {
        request(() => workbook.setNumberFormat(sheet(), row, column, rows, columns, formats));
      },
      get rowIndex() {
        return read("rowIndex");
      },
      get columnIndex() {
        return read("columnIndex");
      },
      get rowCount() {
        return read("rowCount");
      },
      get columnCount() {
        return read("columnCount");
      },
      get worksheet() {
        worksheet ??= worksheetApi(sheet);
        return worksheet;
      },
      get conditionalFormats() {
        return conditionalFormatsOf(a1, (rule) => request(() => workbook.addConditionalFormat(sheet(), rule)));
      },
      get format() {
        let loadedFont: Api | undefined;
        const font = {
          load(_properties: string) {
            loadedFont = loadable({ bold: workbook.readBold(sheet(), row, rows) }) as unknown as Api;
            (loadedFont as unknown as OfficeMockObject).load("bold");
            return font;
          },
          get bold() {
            return loadedFont === undefined ? NOT_LOADED : loadedFont.bold;
          },
          set bold(value: unknown) {
            request(() => workbook.setBold(sheet(), row, rows, value === true));
          },
        };
        return { font };
      },
    };
  };

  /** A collection of a sheet whose `items` (made by `items` when loaded) read only after load + sync. */
  const sheetCollection = (kind: string, items: () => unknown[], methods: Api): Api => {
    let loaded: Api | undefined;
    const api: Api = {
      load(what: string) {
        workbook.log.push(`load:${kind}/${what}`);
        loaded = loadable({ items: items() }) as unknown as Api;
        (loaded as unknown as OfficeMockObject).load("items");
        return api;
      },
      get items() {
        return loaded === undefined ? NOT_LOADED : loaded.items;
      },
      ...methods,
    };
    return api;
  };

  const worksheetApi = (find: () => FakeSheet | undefined, created?: FakeSheet): Api => {
    const found = created ?? find();
    const api = loadable({ name: found?.name ?? "", isNullObject: found === undefined }) as unknown as Api;
    const target = () => {
      const sheet = created ?? find();
      if (!sheet) throw new Error("ItemNotFound");
      return sheet;
    };
    const load = OfficeMockObject.prototype.load;
    return Object.assign(api, {
      load: (what: string) => {
        workbook.log.push(`load:${what}`);
        // Office.js loads isNullObject with any property.
        return load.call(api as unknown as OfficeMockObject, `${what},isNullObject`);
      },
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => range(target, row, column, rows, columns),
      getUsedRange: () => ({ format: { autofitColumns: () => request(() => target()) } }),
      getRange: () => ({ conditionalFormats: { clearAll: () => request(() => workbook.clearConditionalFormats(target())) } }),
      activate: () => request(() => workbook.activate(target())),
      delete: () => request(() => workbook.deleteSheet(target())),
      getUsedRangeOrNullObject: () => {
        let loaded: Api | undefined;
        const read = (property: string) => (loaded === undefined ? NOT_LOADED : loaded[property]);
        return {
          load(properties: string) {
            const box = workbook.usedRange(target());
            loaded = loadable({ isNullObject: box === undefined, rowIndex: box?.row ?? 0, columnIndex: box?.column ?? 0, rowCount: box?.rows ?? 0, columnCount: box?.columns ?? 0 }) as unknown as Api;
            (loaded as unknown as OfficeMockObject).load(`${properties},isNullObject`);
            return this;
          },
          get isNullObject() {
            return read("isNullObject");
          },
          get rowIndex() {
            return read("rowIndex");
          },
          get columnIndex() {
            return read("columnIndex");
          },
          get rowCount() {
            return read("rowCount");
          },
          get columnCount() {
            return read("columnCount");
          },
        };
      },
      tables: sheetCollection(
        "tables",
        () =>
          target().tables.map((table) => ({
            name: table.name,
            showHeaders: table.hasHeaders,
            getRange: () => {
              const ref = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(table.address)!;
              const column = columnIndex(ref[1]!);
              const first = Number(ref[2]) - 1;
              return range(target, first, column, ref[4] === undefined ? 1 : Number(ref[4]) - first, ref[3] === undefined ? 1 : columnIndex(ref[3]) - column + 1);
            },
            convertToRange: () => request(() => workbook.removeTable(target(), table)),
          })),
        {
          add: (source: Api, hasHeaders: boolean) => {
            const table: FakeTable = { name: workbook.autoTableName(), address: source.a1 as string, hasHeaders };
            request(() => workbook.addTable(target(), table));
            return {
              set name(value: string) {
                request(() => workbook.renameTable(table, value));
              },
            };
          },
        },
      ),
      charts: sheetCollection("charts", () => target().charts.map((chart) => ({ name: chart.name, delete: () => request(() => workbook.removeChart(target(), chart)) })), {
        add: (type: string, source: Api, seriesBy: string) => {
          const chart: FakeChart = { type, source: source.a1 as string, seriesBy };
          request(() => workbook.addChart(target(), chart));
          return chartProxy(chart);
        },
        getItemOrNullObject: (name: string) => {
          const item: Api = {
            isNullObject: NOT_LOADED,
            load: () => {
              item.isNullObject = !target().charts.some((c) => c.name === name);
              return item;
            },
            delete: () =>
              request(() => {
                const chart = target().charts.find((c) => c.name === name);
                if (chart === undefined) throw new Error("ItemNotFound: the chart does not exist");
                workbook.removeChart(target(), chart);
              }),
          };
          return item;
        },
      }),
      names: sheetCollection(
        "names",
        () =>
          target().names.map((n) => ({
            name: n.name,
            type: "Range",
            getRangeOrNullObject: () => {
              const ref = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(n.address)!;
              const column = columnIndex(ref[1]!);
              const first = Number(ref[2]) - 1;
              return range(target, first, column, ref[4] === undefined ? 1 : Number(ref[4]) - first, ref[3] === undefined ? 1 : columnIndex(ref[3]) - column + 1);
            },
            formula: nameFormula(target().name, n.address),
            delete: () => request(() => workbook.removeName(target(), n.name)),
          })),
        { add: (name: string, source: Api | string) => request(() => workbook.addName(target(), name, typeof source === "string" ? nameAddress(source) : (source.a1 as string))) },
      ),
    });
  };

  const worksheets = collection(workbook.sheets.map((s) => ({ name: s.name })));
  Object.assign(worksheets, {
    add: (name: string) => {
      const sheet = newSheet(name);
      request(() => workbook.addSheet(sheet));
      return worksheetApi(() => (workbook.sheets.includes(sheet) ? sheet : undefined), sheet);
    },
    getItemOrNullObject: (name: string) => worksheetApi(() => workbook.find(name)),
    getItem: (name: string) => worksheetApi(() => workbook.find(name)),
    getActiveWorksheet: () => {
      const active = workbook.activeSheet();
      return worksheetApi(() => (active && workbook.sheets.includes(active) ? active : undefined));
    },
  });

  /** A range at a sheet-qualified address ("Data!A1:C9"). */
  const rangeAt = (address: string) => {
    const { sheet, row, column, rows, columns } = workbook.locate(address);
    return range(() => sheet, row, column, rows, columns);
  };
  return {
    workbook: {
      worksheets,
      tables: collection(
        workbook.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, getRange: () => rangeAt(nameFormula(s.name, t.address).slice(1).replace(/\$/g, "")) }))),
      ),
      names: collection(workbook.names.map((n) => ({ name: n.name, type: "Range", getRangeOrNullObject: () => rangeAt(n.address) }))),
      getSelectedRange: () => {
        const { sheet, row, column, rows, columns } = workbook.selection;
        return range(() => workbook.sheet(sheet), row, column, rows, columns);
      },
    },
    async sync() {
      workbook.syncCount++;
      workbook.log.push("sync");
      const error = failed;
      failed = undefined;
      if (error !== undefined) throw error;
      if (workbook.syncCount === workbook.failSyncNumber) throw new Error("RichApi.Error: The request payload size has exceeded the limit.");
      for (const mock of loadables) await mock.sync();
      // office-addin-mock settles a loaded value a few microtasks after its sync() resolves.
      await new Promise((settle) => setImmediate(settle));
    },
  };
}
