import fc from "fast-check";
import { CustomFunctionsError } from "../../../src/workbench/custom-functions-stand-in";

/**
 * Cell values and ranges as Excel hands them to a custom function: a range is rows of cells (`[[a], [b]]`
 * for a column, `[[a, b]]` for a row), a blank cell is `null` (or `""`), an error cell is a
 * `CustomFunctions.Error`, an omitted optional argument is `null`.
 */

export type Orientation = "column" | "row";
export type Range = unknown[][];

/** A one-column or one-row range of `values`. */
export function listRange(values: readonly unknown[], orientation: Orientation): Range {
  return orientation === "row" ? [[...values]] : values.map((value) => [value]);
}

/** A one-cell range, as Excel passes a value typed into a range argument. */
export const cell = (value: unknown): Range => [[value]];

/** An error cell (#N/A, #REF!…) as Excel passes it inside a range or as an argument. */
export const errorCell = (code: string): CustomFunctionsError => new CustomFunctionsError(code);

export const orientation: fc.Arbitrary<Orientation> = fc.constantFrom("column", "row");

/** Numbers with a few decimals at most, as typed into sheets (fast-check doubles are mostly noise). */
export function decimal(min: number, max: number, digits = 2): fc.Arbitrary<number> {
  const scale = 10 ** digits;
  return fc.integer({ min: Math.ceil(min * scale), max: Math.floor(max * scale) }).map((k) => k / scale + 0);
}

/** A rate in (0, 1]: 40% is 0.4. */
export const rate: fc.Arbitrary<number> = fc.oneof(decimal(0.01, 1, 2), fc.constantFrom(1, 1 / 3, 0.05, 0.125));

/** A rate in [0, 1]. */
export const rateOrZero: fc.Arbitrary<number> = fc.oneof(rate, fc.constant(0));

/**
 * A number as a Chinese or English sheet may hold it: mostly the number, sometimes numeric text
 * ("1234.5", "1,234.5", "¥1,200", "12%") that the functions read as the same number.
 */
export function asCell(n: fc.Arbitrary<number>): fc.Arbitrary<unknown> {
  return fc.tuple(n, fc.integer({ min: 0, max: 9 })).map(([x, pick]) => {
    if (pick >= 3) return x;
    if (pick === 0) return String(x);
    if (pick === 1 && Number.isInteger(x) && x >= 0) return `¥${x.toLocaleString("en-US")}`;
    if (pick === 2 && x >= 0 && x <= 1 && Number.isInteger(x * 100)) return `${x * 100}%`;
    return x;
  });
}

/** An Excel date serial from 2000-01-01 to 2030-12-31. */
export const serial: fc.Arbitrary<number> = fc.integer({ min: 36526, max: 47848 });

/** yyyy-mm-dd of a serial (day part). */
export function isoOf(s: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(s) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** A date as a cell may hold it: a serial, or text 2024-03-01, 2024/3/1, 20240301. */
export function dateCell(s: number, pick: number): unknown {
  const iso = isoOf(s);
  switch (pick % 6) {
    case 0:
      return iso;
    case 1:
      return iso.replace(/-0?/g, "/");
    case 2:
      return iso.replace(/-/g, "");
    default:
      return s;
  }
}

/** Error values as Excel passes them in cells. */
export const EXCEL_ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"] as const;

/** Numbers at the edges of what a double or a sheet holds, and counts far beyond any sensible input. */
export const EXTREME_NUMBERS: readonly number[] = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  9.99999999999999e307,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  -0,
  0,
  -1,
  1e-15,
  0.5,
  1.5,
  1e7,
  1e9,
  1e15,
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  -1e9,
];

/** Text a sheet may hold where a number or an option is expected. */
export const HOSTILE_TEXT: readonly string[] = [
  "",
  "   ",
  "abc",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e999",
  "-1e999",
  "0x10",
  "1_000",
  "2024年3月1日",
  "1.2万",
  "¥1,200",
  "１２３",
  "12%%",
  "1,2,3",
  "TRUE",
  "#N/A",
  "=1+1",
  "销售额",
  "null",
  "undefined",
  "constructor",
  "__proto__",
  "toString",
  "x".repeat(10_000),
  "中".repeat(5_000),
];

/** One hostile cell: blanks, text, booleans, Excel errors, extreme numbers. */
export const hostileCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, "", true, false),
  fc.constantFrom(...HOSTILE_TEXT),
  fc.constantFrom(...EXCEL_ERRORS).map(errorCell),
  fc.constantFrom(...EXTREME_NUMBERS),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Every number in a range replaced by `f(number)`; other cells kept. */
export function mapNumbers(range: Range, f: (x: number) => number): Range {
  return range.map((row) => row.map((value) => (typeof value === "number" ? f(value) : value)));
}
