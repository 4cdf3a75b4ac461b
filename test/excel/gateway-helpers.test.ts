import { inputRowBytes, readBlockRows, rowBlocks } from "../../src/excel/blocks";
import { cellInput, restoreInput } from "../../src/excel/cell-input";
import { freeSheetName } from "../../src/excel/free-names";

/** The helpers the gateways share (cell-input.ts, blocks.ts, free-names.ts); freeTableName is in address.test.ts. */

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

describe("restoring a cell from its formulas and values", () => {
  it("puts text back behind an apostrophe when Excel would read it as something else (range.formulas drops it)", () => {
    expect(restoreInput("=note", "=note")).toBe("'=note");
    expect(restoreInput("001", "001")).toBe("'001");
    expect(restoreInput("East", "East")).toBe("East");
  });

  it("puts formulas, numbers, logical values and empty cells back as read", () => {
    expect(restoreInput("=A1*2", 14)).toBe("=A1*2");
    expect(restoreInput('="=x"', "=x")).toBe('="=x"');
    expect(restoreInput(7, 7)).toBe(7);
    expect(restoreInput(false, false)).toBe(false);
    expect(restoreInput("", "")).toBe("");
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

  it("estimate CJK text generously and read wide ranges (or two properties a cell) in shorter blocks", () => {
    expect(inputRowBytes(["市场分析", 1, null], 3)).toBe(2 + (4 * 3 + 3) + 24 + 6);
    expect(readBlockRows(1)).toBe(5000);
    expect(readBlockRows(50)).toBe(4000);
    expect(readBlockRows(50, 2)).toBe(2000);
    expect(readBlockRows(16_384)).toBe(12);
  });
});
