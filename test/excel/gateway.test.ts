import { cellInput, freeSheetName, GatewayError, SheetPlan } from "../../src/excel/gateway";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import { OfficeGateway, WRITE_BLOCK_ROWS } from "../../src/excel/office-gateway";
import { FakeWorkbook, installFakeExcel } from "../support/fake-excel";

describe("sheet names", () => {
  it("keep the preferred name when it is free", () => {
    expect(freeSheetName("RFM 示例", ["Sheet1"])).toBe("RFM 示例");
  });

  it("number a taken name, ignoring case", () => {
    expect(freeSheetName("RFM example", ["rfm EXAMPLE", "RFM example (2)"])).toBe("RFM example (3)");
  });

  it("respect Excel's 31-character limit and forbidden characters", () => {
    const long = "Quarterly targets: region/channel [draft] 2027";
    const name = freeSheetName(long, [freeSheetName(long, [])]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).toMatch(/\(2\)$/);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
  });
});

describe("cell input", () => {
  it("keeps formulas and writes text that looks like a formula as text", () => {
    expect(cellInput({ formula: "=SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
    expect(cellInput({ value: "=cmd|' /C calc'!A0" })).toBe("'=cmd|' /C calc'!A0");
    expect(cellInput({ value: "+86 138" })).toBe("'+86 138");
    expect(cellInput({ value: "-" })).toBe("'-");
    expect(cellInput({ value: "A001" })).toBe("'A001");
    expect(cellInput({ value: "Tmall" })).toBe("Tmall");
    expect(cellInput({ value: 12.5 })).toBe(12.5);
    expect(cellInput(null)).toBeNull();
  });

  it("keeps text that Excel would turn into a number, date, time or logical value as text", () => {
    for (const text of ["1月", "3-4", "1/2", "1,234", "50%", "12:30", "1e5", "２０２６", "TRUE", " false "]) expect(cellInput({ value: text })).toBe(`'${text}`);
    for (const text of ["天猫", "Channel", "Total", "True love", "—"]) expect(cellInput({ value: text })).toBe(text);
  });
});

const plan: SheetPlan = {
  name: "RFM example",
  rows: [[{ value: "Customer" }, { value: "R" }], [{ value: "A001" }, { formula: "=SALES.RFM.SCORE(B2:B6,C2:C6,D2:D6)" }], [], [{ value: "=not a formula" }]],
  boldRows: [1],
};

describe("the Office.js gateway", () => {
  it("adds a new sheet, writes the plan and activates it", async () => {
    const workbook = new FakeWorkbook(["Sheet1", "RFM example"]);
    const restore = installFakeExcel(workbook);
    try {
      const name = await new OfficeGateway().createSheet(plan);
      expect(name).toBe("RFM example (2)");
      const sheet = workbook.sheets.find((s) => s.name === name)!;
      expect(sheet.cells.get("1,1")).toBe("=SALES.RFM.SCORE(B2:B6,C2:C6,D2:D6)");
      expect(sheet.cells.get("3,0")).toBe("'=not a formula");
      expect(sheet.cells.has("2,0")).toBe(false);
      expect([...sheet.bold]).toEqual([1]);
      expect(sheet.active).toBe(true);
      expect(workbook.sheets.find((s) => s.name === "RFM example")!.cells.size).toBe(0);
    } finally {
      restore();
    }
  });

  it("writes large plans in blocks, one sync per block", async () => {
    const workbook = new FakeWorkbook();
    const restore = installFakeExcel(workbook);
    try {
      const rows = Array.from({ length: WRITE_BLOCK_ROWS * 2 + 10 }, (_, i) => [{ value: i }]);
      await new OfficeGateway().createSheet({ name: "Big", rows });
      const sheet = workbook.sheets.find((s) => s.name === "Big")!;
      expect(sheet.cells.size).toBe(rows.length);
      expect(sheet.cells.get(`${rows.length - 1},0`)).toBe(rows.length - 1);
      // load, add, three blocks, formatting: six round trips, not one per row.
      expect(workbook.syncCount).toBe(6);
    } finally {
      restore();
    }
  });

  it("removes the new sheet and reports when a write fails, leaving the workbook as it was", async () => {
    const workbook = new FakeWorkbook(["Sheet1", "Data"]);
    workbook.failSyncNumber = 3; // the first block of cells
    const restore = installFakeExcel(workbook);
    try {
      const error = await new OfficeGateway().createSheet(plan).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({ code: "WRITE_FAILED", detail: expect.stringContaining("payload size") });
      expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "Data"]);
    } finally {
      restore();
    }
  });

  it("reports a failure to add the sheet as a write failure, with nothing added", async () => {
    const workbook = new FakeWorkbook(["Sheet1"]);
    workbook.failSyncNumber = 2;
    const restore = installFakeExcel(workbook);
    try {
      await expect(new OfficeGateway().createSheet(plan)).rejects.toMatchObject({ code: "WRITE_FAILED" });
      expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    } finally {
      restore();
    }
  });
});

describe("the in-memory gateway", () => {
  it("has the same contract: unique names, all or nothing, unavailable outside Excel", async () => {
    const gateway = new MemoryGateway(true, ["RFM example"]);
    expect(await gateway.createSheet(plan)).toBe("RFM example (2)");
    gateway.failAfterBlocks(0, "boom");
    await expect(gateway.createSheet(plan)).rejects.toMatchObject({ code: "WRITE_FAILED", detail: "boom" });
    expect(gateway.sheets.map((s) => s.name)).toEqual(["RFM example", "RFM example (2)"]);
    await expect(new MemoryGateway(false).createSheet(plan)).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});
