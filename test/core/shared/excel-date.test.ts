import fc from "fast-check";
import {
  FICTITIOUS_LEAP_DAY,
  isValidSerial,
  isoFromSerial,
  MAX_SERIAL,
  serialFromText,
  serialFromYmd,
  ymdFromSerial,
} from "../../../src/core/shared/excel-date";
import { readCsv } from "../../support/fixtures";

describe("Excel date serials", () => {
  it.each([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 2, 29, FICTITIOUS_LEAP_DAY],
    [1900, 3, 1, 61],
    [1970, 1, 1, 25569],
    [2006, 12, 31, 39082],
    [2024, 3, 31, 45382],
    [9999, 12, 31, MAX_SERIAL],
  ])("gives %i-%i-%i the serial Excel's DATE() gives (%i)", (y, m, d, serial) => {
    expect(serialFromYmd(y, m, d)).toBe(serial);
  });

  it.each([
    [2023, 2, 29],
    [2024, 4, 31],
    [2024, 13, 1],
    [1899, 12, 31],
    [10000, 1, 1],
    [99, 1, 1],
  ])("has no serial for %i-%i-%i", (y, m, d) => {
    expect(serialFromYmd(y, m, d)).toBeUndefined();
  });

  it("turns serials back into days, the fictitious 1900-02-29 included", () => {
    expect(ymdFromSerial(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(ymdFromSerial(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(ymdFromSerial(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(isoFromSerial(45382.75)).toBe("2024-03-31");
  });

  it("round-trips every serial from 1900 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL }), (serial) => {
        const { year, month, day } = ymdFromSerial(serial);
        expect(serialFromYmd(year, month, day)).toBe(serial);
      }),
    );
  });

  it.each([
    ["2024-03-31", 45382],
    ["2024/3/31", 45382],
    ["2024.03.31", 45382],
    [" 2024-03-31 ", 45382],
    ["2024-03-31 12:00", 45382.5],
    ["2024-03-31T18:00:00", 45382.75],
    ["1900-02-29", 60],
  ])("reads the text %p as serial %p", (text, serial) => {
    expect(serialFromText(text)).toBeCloseTo(serial, 10);
  });

  it.each(["31/03/2024", "2024-3-31x", "2024-02-30", "2024-03-31 25:00", "2024/03-31", "", "abc", "45382"])(
    "does not read %p as a date",
    (text) => {
      expect(serialFromText(text)).toBeUndefined();
    },
  );

  it("accepts serials Excel can show and nothing else", () => {
    expect(isValidSerial(1)).toBe(true);
    expect(isValidSerial(MAX_SERIAL + 0.99)).toBe(true);
    expect(isValidSerial(0)).toBe(false);
    expect(isValidSerial(-5)).toBe(false);
    expect(isValidSerial(MAX_SERIAL + 1)).toBe(false);
    expect(isValidSerial(Number.NaN)).toBe(false);
  });

  it("agrees with R's day counts on the 39,999 customers of rfm_data_customer", () => {
    // R package rfm: recency_days = as.Date("2007-01-01") - most_recent_visit.
    const analysis = serialFromText("2007-01-01") as number;
    const rows = readCsv("external/rfm_data_customer.csv");
    expect(rows).toHaveLength(39999);
    const mismatches = rows.filter((row) => analysis - (serialFromText(row.most_recent_visit as string) as number) !== Number(row.recency_days));
    expect(mismatches).toEqual([]);
  });
});
