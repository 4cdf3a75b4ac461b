import { GatewayError, inputRowBytes, readBlockRows, rowBlocks, SheetPlan, WRITE_BLOCK_BYTES, WRITE_BLOCK_ROWS } from "../../src/excel/gateway";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import { OfficeGateway } from "../../src/excel/office-gateway";
import { FakeWorkbook, installFakeExcel } from "../support/fake-excel";

async function withExcel<T>(workbook: FakeWorkbook, run: (gateway: OfficeGateway) => Promise<T>): Promise<T> {
  const restore = installFakeExcel(workbook);
  try {
    return await run(new OfficeGateway());
  } finally {
    restore();
  }
}

const richPlan: SheetPlan = {
  name: "Portfolio",
  rows: [
    [{ value: "Product" }, { value: "Share" }, { value: "Growth" }],
    [{ value: "A" }, { value: 1.5 }, { value: 0.2 }],
    [{ value: "B" }, { value: 0.4 }, { value: 0.05 }],
  ],
  tables: [{ name: "Portfolio", address: "A1:C3", hasHeaders: true }],
  numberFormats: [{ address: "C2:C3", format: "0%" }],
  charts: [{ kind: "scatter", source: "B1:C3", title: "Share vs growth", from: "E2", to: "L16", xAxisTitle: "Share", yAxisTitle: "Growth" }],
  names: [{ name: "GrowthColumn", address: "C2:C3" }],
};

describe("Office gateway: a new sheet with tables, formats, a chart and names", () => {
  it("adds all of them in one request after the cells, and keeps table names unique", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    workbook.sheet("Sheet1").tables.push({ name: "Portfolio", address: "A1:B2", hasHeaders: true });
    const name = await withExcel(workbook, (g) => g.createSheet(richPlan));
    const sheet = workbook.sheet(name);
    expect(sheet.tables).toEqual([{ name: "Portfolio_2", address: "A1:C3", hasHeaders: true }]);
    expect(sheet.formats.get("1,2")).toBe("0%");
    expect(sheet.formats.get("2,2")).toBe("0%");
    expect(sheet.formats.has("1,1")).toBe(false);
    expect(sheet.charts).toEqual([{ type: "XYScatter", source: "B1:C3", seriesBy: "Columns", title: "Share vs growth", xTitle: "Share", yTitle: "Growth", from: "E2", to: "L16" }]);
    expect(sheet.names).toEqual([{ name: "GrowthColumn", address: "C2:C3" }]);
    // load names, add sheet, one block of cells, one request for everything else
    expect(workbook.syncCount).toBe(4);
  });

  it("removes the sheet with its cells when the formatting request fails", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    workbook.failSyncNumber = 4;
    const error = await withExcel(workbook, (g) => g.createSheet(richPlan)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "WRITE_FAILED" });
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("rejects a plan address with a sheet part before touching the workbook", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const plan = { ...richPlan, names: [{ name: "X", address: "Sheet1!A1" }] };
    await expect(withExcel(workbook, (g) => g.createSheet(plan))).rejects.toMatchObject({ code: "BAD_ADDRESS" });
    expect(workbook.syncCount).toBe(0);
  });

  it("writes 100,000 rows in 5,000-row blocks, one sync each", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const rows = Array.from({ length: 100_000 }, (_, i) => [{ value: i }, { formula: `=A${i + 1}*2` }]);
    const name = await withExcel(workbook, (g) => g.createSheet({ name: "Big", rows }));
    expect(workbook.blocksWritten).toBe(20);
    expect(workbook.largestBlockRows).toBe(WRITE_BLOCK_ROWS);
    expect(workbook.syncCount).toBe(1 + 1 + 20 + 1);
    expect(workbook.sheet(name).cells.get("99999,1")).toBe("=A100000*2");
  });
});

describe("Office gateway: reads", () => {
  it("loads before it reads and reports Excel's address with empty cells as null", async () => {
    const workbook = new FakeWorkbook(["Sheet1", "Data 2"]);
    const data = workbook.sheet("Data 2");
    data.cells.set("1,1", 10);
    data.cells.set("2,1", "'=text");
    data.cells.set("3,1", "=B2*2");
    const result = await withExcel(workbook, (g) => g.readRange("'Data 2'!B2:C4"));
    expect(result).toEqual({ address: "'Data 2'!B2:C4", values: [[10, null], ["=text", null], ["=B2*2", null]] });
    expect(workbook.log.indexOf("load:values")).toBeLessThan(workbook.log.lastIndexOf("sync"));
  });

  it("reads 12,000 rows in three blocks", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    for (let r = 0; r < 12_000; r++) workbook.sheet("Sheet1").cells.set(`${r},0`, r);
    const result = await withExcel(workbook, (g) => g.readRange("Sheet1!A1:A12000"));
    expect(result.values).toHaveLength(12_000);
    expect(result.values[11_999]).toEqual([11_999]);
    expect(workbook.blocksRead).toBe(3);
    expect(workbook.syncCount).toBe(4);
  });

  it("reads the selection, and names an unknown sheet or a malformed address as BAD_ADDRESS", async () => {
    const workbook = new FakeWorkbook(["Sheet1", "Plan"]);
    workbook.sheet("Plan").cells.set("4,3", "East");
    workbook.selection = { sheet: "Plan", row: 4, column: 3, rows: 2, columns: 1 };
    await expect(withExcel(workbook, (g) => g.readSelection())).resolves.toEqual({ address: "Plan!D5:D6", values: [["East"], [null]] });
    await expect(withExcel(workbook, (g) => g.readRange("Nope!A1"))).rejects.toMatchObject({ code: "BAD_ADDRESS", detail: "Nope!A1" });
    await expect(withExcel(workbook, (g) => g.readRange("A:A"))).rejects.toBeInstanceOf(GatewayError);
  });
});

describe("Office gateway: writes into an existing sheet", () => {
  const rows = [[{ value: "Q1" }, { formula: "=B1*2" }], [null, { value: "-5% share" }]];

  it("writes into empty cells at once; null leaves a cell alone; text that looks like a formula stays text", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    workbook.sheet("Sheet1").cells.set("2,3", "keep");
    const result = await withExcel(workbook, (g) => g.writeRange({ address: "Sheet1!D2", rows }));
    expect(result).toEqual({ kind: "written", address: "Sheet1!D2:E3" });
    const cells = workbook.sheet("Sheet1").cells;
    expect([cells.get("1,3"), cells.get("1,4"), cells.get("2,3"), cells.get("2,4")]).toEqual(["'Q1", "=B1*2", "keep", "'-5% share"]);
  });

  it("asks before replacing non-empty cells and writes nothing until confirmed", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const cells = workbook.sheet("Sheet1").cells;
    cells.set("1,4", 7);
    cells.set("2,4", "=SUM(A1:A3)");
    const first = await withExcel(workbook, (g) => g.writeRange({ address: "Sheet1!D2", rows }));
    expect(first).toEqual({ kind: "needsConfirmation", address: "Sheet1!D2:E3", occupied: ["Sheet1!E2", "Sheet1!E3"] });
    expect(workbook.blocksWritten).toBe(0);
    expect(cells.get("1,4")).toBe(7);
    const second = await withExcel(workbook, (g) => g.writeRange({ address: "Sheet1!D2", rows, overwrite: true }));
    expect(second.kind).toBe("written");
    expect(cells.get("1,4")).toBe("=B1*2");
    expect(cells.get("2,4")).toBe("'-5% share");
  });

  it("restores the previous formulas and values when a block fails half-way", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const cells = workbook.sheet("Sheet1").cells;
    for (let r = 0; r < 12_000; r++) cells.set(`${r},0`, r % 2 === 0 ? `=ROW()+${r}` : r);
    const before = new Map(cells);
    // sync 1: sheet; 2-4: three read blocks; 5, 6: two written blocks; 7: the third block fails
    workbook.failSyncNumber = 7;
    const big = Array.from({ length: 12_000 }, (_, r) => [{ value: `new ${r}` }, { value: r }]);
    const error = await withExcel(workbook, (g) => g.writeRange({ address: "Sheet1!A1", rows: big, overwrite: true })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "WRITE_FAILED", detail: expect.stringContaining("payload") });
    expect(cells).toEqual(before);
  });

  it("writes 100,000 rows in 20 blocks after reading them in 20 blocks", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const big = Array.from({ length: 100_000 }, (_, r) => [{ value: r }]);
    await withExcel(workbook, (g) => g.writeRange({ address: "Sheet1!B1", rows: big }));
    expect(workbook.blocksRead).toBe(20);
    expect(workbook.blocksWritten).toBe(20);
    expect(workbook.largestBlockRows).toBe(5000);
    expect(workbook.syncCount).toBe(41);
    expect(workbook.sheet("Sheet1").cells.get("99999,1")).toBe(99_999);
  });

  it("reads every target block before writing any (the restore needs them), one sync per request", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const rows = Array.from({ length: 12_000 }, (_, r) => [{ value: r }]);
    await withExcel(workbook, (g) => g.writeRange({ address: "Sheet1!A1", rows }));
    const firstWrite = workbook.log.findIndex((entry) => entry.startsWith("write:"));
    const lastLoad = workbook.log.map((entry) => entry.startsWith("load:formulas")).lastIndexOf(true);
    expect(lastLoad).toBeGreaterThan(0);
    expect(firstWrite).toBeGreaterThan(lastLoad);
    expect(workbook.log.slice(lastLoad, firstWrite)).toContain("sync");
    // every request is followed by its own sync: load, sync, load, sync…, write, sync, write, sync…
    const requests = workbook.log.filter((entry) => entry !== "sync");
    expect(requests).toEqual(["load:name", "load:formulas", "load:formulas", "load:formulas", "write:A1:A5000", "write:A5001:A10000", "write:A10001:A12000"]);
    expect(workbook.syncCount).toBe(requests.length);
  });

  it("refuses an unknown sheet", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    await expect(withExcel(workbook, (g) => g.writeRange({ address: "Other!A1", rows }))).rejects.toMatchObject({ code: "BAD_ADDRESS" });
  });
});

describe("memory gateway", () => {
  it("models cells, tables, charts, names and formats of a new sheet", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    gateway.sheet("Sheet1")!.tables.push({ name: "Portfolio", address: "A1:B2", hasHeaders: true });
    const name = await gateway.createSheet(richPlan);
    expect(gateway.grid(name)).toEqual([
      ["Product", "Share", "Growth"],
      ["A", 1.5, 0.2],
      ["B", 0.4, 0.05],
    ]);
    const sheet = gateway.sheet(name)!;
    expect(sheet.tables.map((t) => t.name)).toEqual(["Portfolio_2"]);
    expect(sheet.charts).toEqual(richPlan.charts);
    expect(sheet.names).toEqual(richPlan.names);
    expect(sheet.numberFormats).toEqual(richPlan.numberFormats);
    expect(gateway.activeSheet).toBe(name);
  });

  it("leaves the workbook unchanged when a new sheet fails after some blocks", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"], { blockRows: 2 });
    gateway.setCells("Sheet1!A1", [[{ value: "x" }]]);
    const before = gateway.snapshot();
    gateway.failAfterBlocks(1);
    await expect(gateway.createSheet(richPlan)).rejects.toMatchObject({ code: "WRITE_FAILED" });
    expect(gateway.blocksWritten).toBe(1);
    expect(gateway.snapshot()).toEqual(before);
  });

  it("asks before overwriting, then restores everything when the confirmed write fails half-way", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"], { blockRows: 1 });
    gateway.setCells("Sheet1!B2", [[{ value: 1 }], [{ formula: "=B2+1" }], [null]]);
    const rows = [[{ value: "a" }], [{ value: "b" }], [{ value: "c" }]];
    const ask = await gateway.writeRange({ address: "Sheet1!B2", rows });
    expect(ask).toEqual({ kind: "needsConfirmation", address: "Sheet1!B2:B4", occupied: ["Sheet1!B2", "Sheet1!B3"] });
    const before = gateway.snapshot();
    gateway.failAfterBlocks(2);
    await expect(gateway.writeRange({ address: "Sheet1!B2", rows, overwrite: true })).rejects.toMatchObject({ code: "WRITE_FAILED" });
    expect(gateway.snapshot()).toEqual(before);
    expect(gateway.formulaAt("Sheet1!B3")).toBe("=B2+1");
    await expect(gateway.writeRange({ address: "Sheet1!B2", rows, overwrite: true })).resolves.toEqual({ kind: "written", address: "Sheet1!B2:B4" });
    expect(gateway.valueAt("Sheet1!B4")).toBe("c");
  });

  it("reads ranges and the selection like Excel", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    gateway.setCells("Sheet1!A1", [[{ value: "=not a formula" }, { value: 3 }]]);
    gateway.selection = "Sheet1!A1:C1";
    await expect(gateway.readSelection()).resolves.toEqual({ address: "Sheet1!A1:C1", values: [["=not a formula", 3, null]] });
    await expect(gateway.readRange("Missing!A1")).rejects.toMatchObject({ code: "BAD_ADDRESS" });
  });
});

describe("request sizes", () => {
  it("split rows into blocks by count and by estimated bytes; an oversized row goes alone", () => {
    expect(rowBlocks(12, () => 10, 5, 1000)).toEqual([
      [0, 5],
      [5, 10],
      [10, 12],
    ]);
    expect(rowBlocks(5, (r) => (r === 2 ? 5000 : 300), 100, 1000)).toEqual([
      [0, 2],
      [2, 3],
      [3, 5],
    ]);
    expect(rowBlocks(0, () => 1)).toEqual([]);
  });

  it("estimate CJK text generously and read wide ranges in shorter blocks", () => {
    expect(inputRowBytes(["市场分析", 1, null], 3)).toBe(2 + (4 * 3 + 3) + 24 + 6);
    expect(readBlockRows(1)).toBe(5000);
    expect(readBlockRows(50)).toBe(4000);
    expect(readBlockRows(16_384)).toBe(12);
  });

  it("write long texts in more, smaller blocks under the 5 MB request limit", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const note = "客户反馈".repeat(500); // 2,000 characters: ~6 KB a cell in UTF-8
    const rows = Array.from({ length: 3000 }, () => [{ value: note }]);
    await withExcel(workbook, (g) => g.createSheet({ name: "Notes", rows }));
    expect(workbook.blocksWritten).toBe(5);
    expect(workbook.largestBlockRows).toBeLessThanOrEqual(Math.floor(WRITE_BLOCK_BYTES / (note.length * 3)));
  });

  it("read a wide range in blocks of at most 200,000 cells", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const result = await withExcel(workbook, (g) => g.readRange("Sheet1!A1:AX20000"));
    expect(result.values).toHaveLength(20_000);
    expect(result.values[0]).toHaveLength(50);
    expect(workbook.blocksRead).toBe(5);
  });

  it("refuse a write that would run off the grid before reading anything", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    await expect(withExcel(workbook, (g) => g.writeRange({ address: "Sheet1!XFD1", rows: [[{ value: 1 }, { value: 2 }]] }))).rejects.toMatchObject({ code: "BAD_ADDRESS" });
    expect(workbook.syncCount).toBe(0);
    await expect(new MemoryGateway().writeRange({ address: "Sheet1!A1048576", rows: [[{ value: 1 }], [{ value: 2 }]] })).rejects.toMatchObject({ code: "BAD_ADDRESS" });
  });
});
