import { DetailedCellError, HyperFormula } from "hyperformula";
import { address, buildSheet, registerCustomFunctions, Registration, valuesOf } from "../support/hyperformula-bridge";
import { COURSE_SCORES, COURSE_SEGMENTS_ZH } from "../support/course";

/**
 * The RFM functions as a user types them into cells, evaluated by HyperFormula through the real adapters
 * (see test/support/hyperformula-bridge.ts): ranges in, spills out, chaining, recalculation, errors.
 * Formulas use the name Excel shows, SALES.RFM.*, since HyperFormula accepts the namespace's period.
 * HyperFormula has no TRUE/FALSE literals: a formula writes TRUE() (also valid in Excel).
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

/** The course's worked example: customers A001–A005 in rows 2–6 (recency days, orders, spend). */
const COURSE = [
  ["recency", "frequency", "monetary"],
  [10, 12, 8000],
  [180, 1, 200],
  [35, 8, 5000],
  [90, 3, 1500],
  [5, 2, 800],
];
const SCORES = "SALES.RFM.SCORE(A2:A6,B2:B6,C2:C6)";

function courseSheet(): HyperFormula {
  return buildSheet(COURSE, {
    E2: `=${SCORES}`,
    I2: `=SALES.RFM.SEGMENT(${SCORES})`,
    J2: "=SALES.RFM.SEGMENT(E2:G6)",
    K2: `=SUM(${SCORES})`,
  });
}

const column = (range: unknown[][]): unknown[] => range.map((row) => row[0]);

function errorAt(hf: HyperFormula, a1: string): DetailedCellError {
  const value = hf.getCellValue(address(hf, a1));
  if (!(value instanceof DetailedCellError)) throw new Error(`${a1} shows ${JSON.stringify(value)}, not an error`);
  return value;
}

describe("RFM.SCORE and RFM.SEGMENT on the course's worked example (A2:C6)", () => {
  it("spills one row of R, F, M scores per customer: 555, 322, 445, 433, 533", () => {
    const hf = courseSheet();
    expect(valuesOf(hf, "E2:G6")).toEqual(COURSE_SCORES);
    expect(hf.isCellPartOfArray(address(hf, "G6"))).toBe(true);
    expect(hf.isCellPartOfArray(address(hf, "E7"))).toBe(false);
    expect(hf.isCellPartOfArray(address(hf, "H2"))).toBe(false);
  });

  it("segments the nested RFM.SCORE into the course's labels, one per customer", () => {
    const hf = courseSheet();
    expect(column(valuesOf(hf, "I2:I6"))).toEqual(COURSE_SEGMENTS_ZH);
    expect(hf.isCellPartOfArray(address(hf, "I7"))).toBe(false);
  });

  it("segments the cells of a spill the same way as the nested call", () => {
    const hf = courseSheet();
    expect(valuesOf(hf, "J2:J6")).toEqual(valuesOf(hf, "I2:I6"));
  });

  it("answers to the bare function ids as well as to SALES.*", () => {
    const hf = buildSheet(COURSE, { E2: "=RFM.SEGMENT(RFM.SCORE(A2:A6,B2:B6,C2:C6))" });
    expect(column(valuesOf(hf, "E2:E6"))).toEqual(COURSE_SEGMENTS_ZH);
  });

  it("chains into SUM: the 15 scores add up to 56", () => {
    expect(courseSheet().getCellValue({ sheet: 0, col: 10, row: 1 })).toBe(56);
  });

  it("labels in English with the language argument, the arguments before it skipped", () => {
    const hf = buildSheet(COURSE, { E2: `=SALES.RFM.SEGMENT(${SCORES},,,"en")` });
    expect(column(valuesOf(hf, "E2:E6"))).toEqual([
      "Important value",
      "General win-back",
      "Important retain",
      "General win-back",
      "General develop",
    ]);
  });
});

describe("recalculation", () => {
  it("rescores A002 and moves it to 一般发展客户 when its recency drops from 180 to 20 days", () => {
    const hf = courseSheet();
    hf.setCellContents(address(hf, "A3"), 20);

    expect(valuesOf(hf, "E3:G3")).toEqual([[5, 2, 2]]);
    // Column means are now R 4.6, F 3.4, M 3.6: A002 is high on R only (100), A003's R of 4 turns low
    // but it stays 011; A005 stays 100.
    expect(column(valuesOf(hf, "I2:I6"))).toEqual(["重要价值客户", "一般发展客户", "重要保持客户", "一般挽留客户", "一般发展客户"]);
    expect(column(valuesOf(hf, "J2:J6"))).toEqual(column(valuesOf(hf, "I2:I6")));
    expect(hf.getCellValue(address(hf, "K2"))).toBe(58);
  });
});

describe("bad and partly blank input", () => {
  it("shows #VALUE! naming the argument and the row for text in a number column, down the whole chain", () => {
    const hf = courseSheet();
    hf.setCellContents(address(hf, "A3"), "abc");

    const error = errorAt(hf, "E2");
    expect(error.value).toBe("#VALUE!");
    expect(error.message).toContain("recency, row 2");
    expect(error.message).toContain('"abc"');
    for (const dependent of ["I2", "J2", "K2"]) expect(errorAt(hf, dependent).value).toBe("#VALUE!");
    expect(errorAt(hf, "I2").message).toBe(error.message);
  });

  it("ignores trailing blank rows of the selection (A2:A10 over 5 filled rows) and picks up a row filled in later", () => {
    const hf = buildSheet(COURSE, { E2: "=SALES.RFM.SCORE(A2:A10,B2:B10,C2:C10)" });
    expect(valuesOf(hf, "E2:G6")).toEqual(COURSE_SCORES);
    // HyperFormula reserves the spill for all 9 selected rows (see the bridge); the blank ones stay empty.
    expect(valuesOf(hf, "E7:G10").flat().every((cell) => cell === null)).toBe(true);

    hf.setCellContents(address(hf, "A7"), [[400, 0, 50]]);
    expect(valuesOf(hf, "E7:G7")).toEqual([[1, 1, 1]]);
  });
});

describe("RFM.TABLE over an order list", () => {
  /** An Excel date serial (days since 1899-12-30). */
  const serial = (iso: string): number => (Date.parse(iso) - Date.parse("1899-12-30")) / 86_400_000;
  const ORDERS = [
    ["customer", "order_date", "amount"],
    ["C001", serial("2024-01-10"), 120],
    ["C002", serial("2024-02-15"), 80],
    ["C001", serial("2024-03-01"), 200],
    ["C003", serial("2024-03-20"), 50],
    ["C002", serial("2024-03-31"), 40],
  ];

  it("spills a header row and one row per distinct customer, recency counted to the latest order", () => {
    const hf = buildSheet(ORDERS, { E1: "=SALES.RFM.TABLE(A2:A6,B2:B6,C2:C6,,TRUE())" });
    expect(valuesOf(hf, "E1:H4")).toEqual([
      ["customer_id", "recency_days", "frequency", "monetary"],
      ["C001", 30, 2, 320],
      ["C002", 0, 2, 120],
      ["C003", 11, 1, 50],
    ]);
    expect(hf.isCellPartOfArray(address(hf, "H4"))).toBe(true);
    expect(hf.isCellPartOfArray(address(hf, "E5"))).toBe(false);
    expect(hf.isCellPartOfArray(address(hf, "I1"))).toBe(false);
  });

  it("spills one row less without the header row", () => {
    const hf = buildSheet(ORDERS, { E1: "=SALES.RFM.TABLE(A2:A6,B2:B6,C2:C6)" });
    expect(valuesOf(hf, "E1:E3")).toEqual([["C001"], ["C002"], ["C003"]]);
    expect(hf.isCellPartOfArray(address(hf, "E3"))).toBe(true);
    expect(hf.isCellPartOfArray(address(hf, "E4"))).toBe(false);
  });

  it("updates a customer's monetary cell when an order amount changes", () => {
    const hf = buildSheet(ORDERS, { E1: "=SALES.RFM.TABLE(A2:A6,B2:B6,C2:C6,,TRUE())" });
    hf.setCellContents(address(hf, "C4"), 250);
    expect(hf.getCellValue(address(hf, "H2"))).toBe(370);
    expect(valuesOf(hf, "H3:H4")).toEqual([[120], [50]]);
  });
});
