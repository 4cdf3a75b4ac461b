// office-addin-mock 4 under jest 30: its office-addin-manifest dependency is ESM-only beyond this CommonJS file.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp.js"));
import { OfficeMockObject } from "office-addin-mock";
import { GatewayError, type CellSpec, type SheetPlan } from "../../src/excel/gateway";
import { OfficeGateway, WRITE_BLOCK_ROWS } from "../../src/excel/office-gateway";

/**
 * The Office.js gateway against office-addin-mock, Microsoft's mock of the Office.js object model: a
 * property read before `load` + `context.sync()` returns "Error, property was not loaded" / "Error,
 * context.sync() was not called" instead of its value, so a gateway that reads too early picks wrong names
 * or values and these tests fail. Objects the gateway only writes to (new sheets, ranges) are plain
 * recorders; every `context.sync()` is logged with the writes made before it.
 */

type Log = string[];

/** `load("items/name")` on a collection whose `items` the mock holds as one value. */
function collection<T>(items: T[], extra: Record<string, unknown> = {}) {
  return {
    items,
    ...extra,
    load(this: OfficeMockObject, what: string) {
      return OfficeMockObject.prototype.load.call(this, what === "items/name" ? "items" : what);
    },
  };
}

interface Written {
  row: number;
  column: number;
  formulas: unknown[][];
}

/** A new sheet that records what is written to it. */
function recordingSheet(name: string, log: Log, written: Written[], failOnBlock?: number) {
  let blocks = 0;
  const rangeAt = (row: number, column: number, rows: number, columns: number) => {
    const range: Record<string, unknown> = {
      format: { font: {}, autofitColumns: () => log.push("autofit") },
    };
    Object.defineProperty(range, "formulas", {
      set(formulas: unknown[][]) {
        blocks++;
        if (failOnBlock !== undefined && blocks === failOnBlock) throw new Error("The request payload size has exceeded the limit.");
        expect(formulas).toHaveLength(rows);
        for (const r of formulas) expect(r).toHaveLength(columns);
        written.push({ row, column, formulas });
        log.push(`write ${row}+${rows}`);
      },
    });
    return range;
  };
  return {
    name,
    getRangeByIndexes: rangeAt,
    getUsedRange: () => rangeAt(0, 0, 0, 0),
    tables: { add: () => ({}) },
    charts: { add: () => ({ title: {}, axes: { categoryAxis: { title: {} }, valueAxis: { title: {} } }, setPosition: () => undefined }) },
    names: { add: (n: string) => log.push(`name ${n}`) },
    activate: () => log.push("activate"),
    delete: () => log.push(`delete ${name}`),
  };
}

function installExcel(data: Record<string, unknown>, log: Log) {
  const context = new OfficeMockObject(data) as unknown as { sync: () => Promise<void> } & Record<string, unknown>;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    log.push("sync");
    await sync();
  };
  (globalThis as { Excel?: unknown }).Excel = { run: async (body: (c: unknown) => Promise<unknown>) => body(context) };
  return context;
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

function workbook(existing: string[], log: Log, written: Written[], failOnBlock?: number) {
  return {
    workbook: {
      worksheets: collection(
        existing.map((name) => ({ name })),
        {
          add: (name: string) => {
            log.push(`add ${name}`);
            return recordingSheet(name, log, written, failOnBlock);
          },
        },
      ),
      tables: collection([{ name: "Existing" }]),
    },
  };
}

/** 100,000 rows: an id, a number, a formula, and text that Excel would read as a formula. */
const BIG: SheetPlan = {
  name: "Sheet1",
  rows: Array.from({ length: 100_000 }, (_, i): CellSpec[] => [{ value: `C${i}` }, { value: i }, { formula: `=B${i + 1}*2` }, { value: "=HYPERLINK(1)" }]),
};

describe("OfficeGateway over office-addin-mock", () => {
  it("loads the sheet names before choosing one, then writes 100,000 rows in blocks of 5,000, one sync each", async () => {
    const log: Log = [];
    const written: Written[] = [];
    installExcel(workbook(["Sheet1", "Sheet1 (2)"], log, written), log);
    const name = await new OfficeGateway().createSheet(BIG);

    // "Sheet1" and "Sheet1 (2)" were read after load + sync: a read before sync would not see them.
    expect(name).toBe("Sheet1 (3)");
    expect(log.slice(0, 3)).toEqual(["sync", "add Sheet1 (3)", "sync"]);
    const blocks = Math.ceil(100_000 / WRITE_BLOCK_ROWS);
    expect(written).toHaveLength(blocks);
    written.forEach((block, k) => {
      expect(block.row).toBe(k * WRITE_BLOCK_ROWS);
      expect(block.formulas).toHaveLength(WRITE_BLOCK_ROWS);
    });
    // One sync after each block, never two blocks in one request.
    const writesAndSyncs = log.filter((entry) => entry === "sync" || entry.startsWith("write"));
    for (let k = 0; k < blocks; k++) expect(writesAndSyncs.slice(2 + 2 * k, 4 + 2 * k)).toEqual([`write ${k * WRITE_BLOCK_ROWS}+${WRITE_BLOCK_ROWS}`, "sync"]);
    expect(log.filter((entry) => entry === "sync")).toHaveLength(2 + blocks + 1);
    expect(log.slice(-2)).toEqual(["activate", "sync"]);
    // Every row landed once, in order, as Office.js inputs: the formula-looking text behind an apostrophe.
    const rows = written.flatMap((block) => block.formulas);
    expect(rows).toHaveLength(100_000);
    expect(rows[0]).toEqual(["'C0", 0, "=B1*2", "'=HYPERLINK(1)"]);
    expect(rows[99_999]).toEqual(["'C99999", 99_999, "=B100000*2", "'=HYPERLINK(1)"]);
  });

  it("deletes the half-written sheet when a block fails, and reports WRITE_FAILED", async () => {
    const log: Log = [];
    const written: Written[] = [];
    installExcel(workbook(["Sheet1"], log, written, 3), log);
    const failure = new OfficeGateway().createSheet(BIG);
    await expect(failure).rejects.toBeInstanceOf(GatewayError);
    await expect(failure).rejects.toMatchObject({ code: "WRITE_FAILED", detail: "The request payload size has exceeded the limit." });
    expect(written).toHaveLength(2);
    expect(log.slice(-2)).toEqual(["delete Sheet1 (2)", "sync"]);
    expect(log).not.toContain("activate");
  });

  it("reads the selection's position and values only after load and sync", async () => {
    const log: Log = [];
    installExcel(
      {
        workbook: {
          selected: {
            rowIndex: 1,
            columnIndex: 1,
            rowCount: 3,
            columnCount: 1,
            worksheet: {
              name: "Sales 2024",
              block: { values: [[30], [""], [36]] },
              getRangeByIndexes(this: { block: unknown }, row: number, column: number, rows: number, columns: number) {
                log.push(`range ${row},${column} ${rows}x${columns}`);
                return this.block;
              },
            },
          },
          getSelectedRange(this: { selected: unknown }) {
            return this.selected;
          },
        },
      },
      log,
    );
    const data = await new OfficeGateway().readSelection();
    expect(data).toEqual({ address: "'Sales 2024'!B2:B4", values: [[30], [null], [36]] });
    expect(log).toEqual(["sync", "range 1,1 3x1", "sync"]);
  });
});
