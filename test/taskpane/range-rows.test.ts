import type { RangeData } from "../../src/excel/gateway";
import { rowsFromRange, type ReadColumn } from "../../src/taskpane/components/range-rows";

/** Reading a list from a selected range: columns, header rows, numbers as the fields read them, cells it cannot read. */

const PEOPLE: ReadColumn[] = [
  { field: "name", label: "Salesperson" },
  { field: "history", label: "Last year's sales", kind: "number", numberKind: "amount" },
  { field: "potential", label: "Potential", kind: "number", numberKind: "weight" },
  { field: "ramp", label: "Ramp (%)", kind: "number", numberKind: "percent" },
];
const BLANK = { name: "", history: "", potential: "", ramp: "100" };
const read = (address: string, values: RangeData["values"], columns = PEOPLE, blank: Record<string, string> = BLANK) => rowsFromRange({ address, values }, columns, blank, 50);

describe("rowsFromRange", () => {
  it("reads 1 column of names: the other fields keep a new row's defaults", () => {
    expect(read("Sheet1!A2:A3", [["王芳"], ["李强"]])).toEqual({
      ok: true,
      rows: [
        { name: "王芳", history: "", potential: "", ramp: "100" },
        { name: "李强", history: "", potential: "", ramp: "100" },
      ],
      address: "Sheet1!A2:A3",
      unreadable: [],
    });
  });

  it("skips a header that names the columns, in any order, and maps the columns by it", () => {
    const result = read("'Team 2025'!B1:D3", [
      ["Potential", "Salesperson", "Last year's sales"],
      [3, "王芳", "1.2万"],
      [2, "李强", 2_600_000],
    ]);
    expect(result).toEqual({
      ok: true,
      rows: [
        { name: "王芳", history: "1.2万", potential: "3", ramp: "100" },
        { name: "李强", history: "2600000", potential: "2", ramp: "100" },
      ],
      address: "'Team 2025'!B2:D3",
      header: "'Team 2025'!B1:D1",
      unreadable: [],
    });
  });

  it("skips a header of other words when the row below holds the numbers; ramps within ±1 are fractions", () => {
    const result = read("Sheet1!A1:D3", [
      ["Name", "2024", "Score", "Ramp"],
      ["王芳", 3_200_000, 3, 1],
      ["陈静", 0, 2, 0.375],
    ]);
    expect(result.ok && result.rows.map((row) => row.ramp)).toEqual(["100%", "37.5%"]);
    expect(result.ok && result.header).toBe("Sheet1!A1:D1");
  });

  it("keeps a first row with one word among numbers as data (a typo, not a header)", () => {
    const result = read("Sheet1!A1:D2", [
      ["王芳", "n/a", 3, 1],
      ["陈静", 0, 2, 0.375],
    ]);
    expect(result.ok && result.rows.map((row) => row.name)).toEqual(["王芳", "陈静"]);
    expect(result.ok && result.header).toBeUndefined();
  });

  it("reads ramps above 1 as percent points, skips blank rows and names the cells it cannot read", () => {
    const result = read("Sheet1!C5:F8", [
      ["王芳", "¥1,200", 3, 100],
      [null, "", null, null],
      ["陈静", "n/a", "high", 37.5],
    ]);
    expect(result).toEqual({
      ok: true,
      rows: [
        { name: "王芳", history: "¥1,200", potential: "3", ramp: "100" },
        { name: "陈静", history: "n/a", potential: "high", ramp: "37.5" },
      ],
      address: "Sheet1!C5:F7",
      unreadable: [
        { address: "D7", text: "n/a" },
        { address: "E7", text: "high" },
      ],
    });
  });

  it("matches a select's choices by value or label (PEST's dimension), and names a cell that matches none", () => {
    const columns: ReadColumn[] = [
      { field: "dimension", label: "Dimension", kind: "select", options: [{ value: "P", label: "Political (P)" }, { value: "E", label: "经济（E）" }] },
      { field: "factor", label: "Factor" },
    ];
    const result = read("Sheet1!A1:B3", [["p", "New ad law"], ["经济", "Downturn"], ["Sport", "World cup"]], columns, { dimension: "P", factor: "" });
    expect(result.ok && result.rows.map((row) => row.dimension)).toEqual(["P", "E", "P"]);
    expect(result.ok && result.unreadable).toEqual([{ address: "A3", text: "Sport" }]);
  });

  it("refuses an empty selection, more columns than the list has, and more rows than it takes", () => {
    expect(read("Sheet1!A1:B2", [[null, ""], [null, null]])).toEqual({ ok: false, code: "empty", address: "Sheet1!A1:B2" });
    expect(read("Sheet1!A1:E1", [["a", 1, 2, 3, 4]])).toEqual({ ok: false, code: "tooManyColumns", columns: 5, max: 4 });
    expect(rowsFromRange({ address: "Sheet1!A1:A60", values: Array.from({ length: 60 }, (_, i) => [`p${i}`]) }, PEOPLE, BLANK, 50)).toEqual({ ok: false, code: "tooManyRows", count: 60, max: 50 });
  });
});
