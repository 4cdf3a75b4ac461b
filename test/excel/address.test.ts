import { cellAddress, columnLetters, formatRange, parseRange, quoteSheet } from "../../src/excel/address";
import { freeTableName } from "../../src/excel/free-names";

describe("A1 addresses", () => {
  it("spell columns like Excel", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(cellAddress(1, 1)).toBe("B2");
  });

  it("parse sheet-qualified, quoted, absolute and reversed ranges", () => {
    expect(parseRange("Sheet1!B2:B40")).toEqual({ sheet: "Sheet1", row: 1, column: 1, rows: 39, columns: 1 });
    expect(parseRange("'RFM example'!$A$1")).toEqual({ sheet: "RFM example", row: 0, column: 0, rows: 1, columns: 1 });
    expect(parseRange("'O''Brien'!C3:A1")).toEqual({ sheet: "O'Brien", row: 0, column: 0, rows: 3, columns: 3 });
    expect(parseRange("d5")).toEqual({ sheet: undefined, row: 4, column: 3, rows: 1, columns: 1 });
  });

  it("reject what is not a cell rectangle on the grid", () => {
    for (const bad of ["", "A:A", "1:1", "A0", "XFE1", "A1048577", "!A1", "'Sheet1!A1", "A1:B2:C3", "Sheet1"]) expect(parseRange(bad)).toBeUndefined();
  });

  it("quote sheet names only when Excel needs it, and round-trip", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("市场分析")).toBe("市场分析");
    expect(quoteSheet("SWOT (2)")).toBe("'SWOT (2)'");
    expect(quoteSheet("AB12")).toBe("'AB12'");
    const ref = { sheet: "O'Brien 2", row: 1, column: 2, rows: 3, columns: 2 };
    expect(formatRange(ref)).toBe("'O''Brien 2'!C2:D4");
    expect(parseRange(formatRange(ref))).toEqual(ref);
  });
});

describe("table names", () => {
  it("are made valid and unique in the workbook", () => {
    expect(freeTableName("SWOT_S", [])).toBe("SWOT_S");
    expect(freeTableName("SWOT_S", ["swot_s", "SWOT_S_2"])).toBe("SWOT_S_3");
    expect(freeTableName("2027 risks", [])).toBe("_2027_risks");
  });
});
