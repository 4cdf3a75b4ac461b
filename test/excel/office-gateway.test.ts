import { WRITE_BLOCK_BYTES, WRITE_BLOCK_ROWS } from "../../src/excel/blocks";
import type { CellSpec, SheetPlan } from "../../src/excel/gateway";
import { OfficeGateway } from "../../src/excel/office-gateway";
import { FakeWorkbook, installFakeExcel } from "../support/fake-excel";
import { OFFICE_BATCHING, OFFICE_MOCK } from "../support/gateway-harnesses";
import { installOfficeMock } from "../support/office-mock-excel";
import { describeGatewayContract, RICH_PLAN } from "./gateway-contract";

describeGatewayContract(OFFICE_BATCHING);
describeGatewayContract(OFFICE_MOCK);

/**
 * What only the Office.js gateway does: how many requests it makes, in which order, in which sizes — on
 * the batching stand-in (fake-excel.ts), which counts and logs them, and on office-addin-mock, which
 * returns an error string for a property read before load + sync.
 */

async function withExcel<T>(workbook: FakeWorkbook, run: (gateway: OfficeGateway) => Promise<T>, install = installFakeExcel): Promise<T> {
  const restore = install(workbook);
  try {
    return await run(new OfficeGateway());
  } finally {
    restore();
  }
}

describe("OfficeGateway: a new sheet", () => {
  it("makes four requests for a small plan: names, the sheet, the cells, then formats, tables, charts and names together", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const name = await withExcel(workbook, (g) => g.createSheet(RICH_PLAN));
    const sheet = workbook.sheet(name);
    expect(sheet.formats.get("1,2")).toBe("0%");
    expect(sheet.formats.get("2,2")).toBe("0%");
    expect(sheet.formats.has("1,1")).toBe(false);
    expect(sheet.charts).toEqual([{ name: "Chart 1", type: "XYScatter", source: "B1:C3", seriesBy: "Columns", title: "Share vs growth", xTitle: "Share", yTitle: "Growth", from: "E2", to: "L16" }]);
    expect(sheet.names).toEqual([{ name: "GrowthColumn", address: "C2:C3" }]);
    expect([...sheet.bold]).toEqual([1, 6]);
    expect(workbook.syncCount).toBe(4);
  });

  it("refuses a malformed plan address without a single request", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    await expect(withExcel(workbook, (g) => g.createSheet({ ...RICH_PLAN, charts: [{ ...RICH_PLAN.charts![0]!, to: "L" }] }))).rejects.toMatchObject({ code: "BAD_ADDRESS" });
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

  it("writes long texts in more, smaller blocks under the 5 MB request limit", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const note = "客户反馈".repeat(500); // 2,000 characters: ~6 KB a cell in UTF-8
    const rows = Array.from({ length: 3000 }, () => [{ value: note }]);
    await withExcel(workbook, (g) => g.createSheet({ name: "Notes", rows }));
    expect(workbook.blocksWritten).toBe(5);
    expect(workbook.largestBlockRows).toBeLessThanOrEqual(Math.floor(WRITE_BLOCK_BYTES / (note.length * 3)));
  });

  it("puts back the sheet that was active when the last request fails after activating the new one (office-addin-mock)", async () => {
    const workbook = new FakeWorkbook(["Sheet1", "Data"]);
    workbook.failSyncNumber = 4; // names, sheet, cells, then formats… and activate: applied, then the sync fails
    await expect(withExcel(workbook, (g) => g.createSheet(RICH_PLAN), installOfficeMock)).rejects.toMatchObject({ code: "WRITE_FAILED" });
    // Deleting the active new sheet alone would have activated "Data", its neighbour.
    expect(workbook.sheets.map((s) => [s.name, s.active])).toEqual([
      ["Sheet1", true],
      ["Data", false],
    ]);
  });
});

describe("OfficeGateway: a funnel chart", () => {
  const plan: SheetPlan = {
    name: "Funnel",
    rows: [[{ value: "Stage" }, { value: "Required" }], [{ value: "Visits" }, { value: 2000 }], [{ value: "Deals" }, { value: 100 }]],
    charts: [{ kind: "funnel", source: "A1:B3", title: "Funnel", from: "D2", to: "J12" }],
  };
  const chartOf = async (gateway: OfficeGateway) => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const restore = installFakeExcel(workbook);
    try {
      return workbook.sheet(await gateway.createSheet(plan)).charts[0];
    } finally {
      restore();
    }
  };

  it("is Excel's funnel chart where the host has ExcelApi 1.9", async () => {
    expect(await chartOf(new OfficeGateway({ funnelChart: true }))).toMatchObject({ type: "Funnel", source: "A1:B3", title: "Funnel" });
  });

  it("is a bar chart with the top stage on top (category axis reversed) on older hosts", async () => {
    const chart = await chartOf(new OfficeGateway());
    expect(chart).toMatchObject({ type: "BarClustered", reversed: true, source: "A1:B3" });
  });
});

describe("OfficeGateway over office-addin-mock: loads before it reads", () => {
  /** 100,000 rows: an id, a number, a formula, and text that Excel would read as a formula. */
  const BIG: SheetPlan = {
    name: "Sheet1",
    rows: Array.from({ length: 100_000 }, (_, i): CellSpec[] => [{ value: `C${i}` }, { value: i }, { formula: `=B${i + 1}*2` }, { value: "=HYPERLINK(1)" }]),
  };

  it("reads the sheet names after load + sync, then writes 100,000 rows in blocks of 5,000, one sync each", async () => {
    const workbook = new FakeWorkbook(["Sheet1", "Sheet1 (2)"]);
    const name = await withExcel(workbook, (g) => g.createSheet(BIG), installOfficeMock);
    // "Sheet1" and "Sheet1 (2)" were read after load + sync: before it the mock returns an error string.
    expect(name).toBe("Sheet1 (3)");
    const blocks = Math.ceil(100_000 / WRITE_BLOCK_ROWS);
    const writesAndSyncs = workbook.log.filter((entry) => entry === "sync" || entry.startsWith("write"));
    expect(writesAndSyncs.slice(0, 2)).toEqual(["sync", "sync"]);
    for (let k = 0; k < blocks; k++) expect(writesAndSyncs.slice(2 + 2 * k, 4 + 2 * k)).toEqual([`write:A${k * WRITE_BLOCK_ROWS + 1}:D${(k + 1) * WRITE_BLOCK_ROWS}`, "sync"]);
    expect(workbook.syncCount).toBe(2 + blocks + 1);
    const cells = workbook.sheet(name).cells;
    expect([cells.get("0,0"), cells.get("0,2"), cells.get("99999,3")]).toEqual(["'C0", "=B1*2", "'=HYPERLINK(1)"]);
  });

  it("reads the selection's position and values only after load and sync", async () => {
    const workbook = new FakeWorkbook(["Sheet1", "Sales 2024"]);
    workbook.sheet("Sales 2024").cells.set("1,1", 30).set("3,1", 36);
    workbook.selection = { sheet: "Sales 2024", row: 1, column: 1, rows: 3, columns: 1 };
    await expect(withExcel(workbook, (g) => g.readSelection(), installOfficeMock)).resolves.toEqual({ address: "'Sales 2024'!B2:B4", values: [[30], [null], [36]] });
    expect(workbook.log).toEqual(["load:rowIndex,columnIndex,rowCount,columnCount", "load:name", "sync", "load:values", "sync"]);
  });
});

describe("OfficeGateway: reads", () => {
  it("loads before it reads", async () => {
    const workbook = new FakeWorkbook(["Sheet1", "Data 2"]);
    workbook.sheet("Data 2").cells.set("3,1", "=B2*2");
    const result = await withExcel(workbook, (g) => g.readRange("'Data 2'!B4"));
    expect(result).toEqual({ address: "'Data 2'!B4", values: [["value of =B2*2"]] });
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

  it("reads a wide range in blocks of at most 200,000 cells", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const result = await withExcel(workbook, (g) => g.readRange("Sheet1!A1:AX20000"));
    expect(result.values).toHaveLength(20_000);
    expect(result.values[0]).toHaveLength(50);
    expect(workbook.blocksRead).toBe(5);
  });
});

describe("OfficeGateway: writes into an existing sheet", () => {
  it("reads every target block (formulas and values) before writing any, one sync per request", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const rows = Array.from({ length: 12_000 }, (_, r) => [{ value: r }]);
    await withExcel(workbook, (g) => g.writeRange({ address: "Sheet1!A1", rows }));
    const requests = workbook.log.filter((entry) => entry !== "sync");
    expect(requests).toEqual(["load:name", "load:formulas,values", "load:formulas,values", "load:formulas,values", "write:A1:A5000", "write:A5001:A10000", "write:A10001:A12000"]);
    expect(workbook.syncCount).toBe(requests.length);
  });

  it("writes 100,000 rows in 20 blocks after reading them in 20 (formulas and values: 40 reads)", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const big = Array.from({ length: 100_000 }, (_, r) => [{ value: r }]);
    await withExcel(workbook, (g) => g.writeRange({ address: "Sheet1!B1", rows: big }));
    expect(workbook.blocksRead).toBe(40);
    expect(workbook.blocksWritten).toBe(20);
    expect(workbook.largestBlockRows).toBe(5000);
    expect(workbook.syncCount).toBe(41);
    expect(workbook.sheet("Sheet1").cells.get("99999,1")).toBe(99_999);
  });

  it("restores 12,000 rows of formulas, numbers and apostrophe text when the third block fails", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    const cells = workbook.sheet("Sheet1").cells;
    for (let r = 0; r < 12_000; r++) cells.set(`${r},0`, r % 3 === 0 ? `=ROW()+${r}` : r % 3 === 1 ? r : `'${r}`);
    const before = new Map(cells);
    // sync 1: sheet; 2-4: three read blocks; 5, 6: two written blocks; 7: the third block fails
    workbook.failSyncNumber = 7;
    const big = Array.from({ length: 12_000 }, (_, r) => [{ value: `new ${r}` }, { value: r }]);
    const error = await withExcel(workbook, (g) => g.writeRange({ address: "Sheet1!A1", rows: big, overwrite: true })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "WRITE_FAILED", detail: expect.stringContaining("payload") });
    expect(cells).toEqual(before);
  });
});
