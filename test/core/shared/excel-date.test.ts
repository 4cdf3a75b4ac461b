import fc from "fast-check";
import {
  dayFromText,
  FICTITIOUS_LEAP_DAY,
  isValidSerial,
  isoFromSerial,
  MAX_SERIAL,
  serialFromText,
  serialFromYmd,
  serialFromYyyymmdd,
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

  it("counts days from 1900 to 9999 as the calendar does: every day of 1900–1905, then every 11th day", () => {
    let mismatches = 0;
    for (let serial = 1; serial <= MAX_SERIAL; serial += serial < 2200 ? 1 : 11) {
      const { year, month, day } = ymdFromSerial(serial);
      if (serialFromYmd(year, month, day) !== serial) mismatches++;
    }
    expect(mismatches).toBe(0);
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
    // Chinese exports (2024-03-01 = 45352)
    ["2024年3月1日", 45352],
    ["2024年03月01日", 45352],
    ["2024年3月1号", 45352],
    ["2024 年 3 月 1 日", 45352],
    ["２０２４年３月１日", 45352],
    ["２０２４－０３－０１", 45352],
    ["2024/3/1", 45352],
    ["2024.3.1", 45352],
    ["2024-03-01 14:30:00", 45352 + 14.5 / 24],
    ["2024/03/01 14:30", 45352 + 14.5 / 24],
    ["2024年3月1日 14:30", 45352 + 14.5 / 24],
    ["2024年3月1日14:30:00", 45352 + 14.5 / 24],
    ["20240301", 45352],
    ["２０２４０３０１", 45352],
  ])("reads the text %p as serial %p", (text, serial) => {
    expect(serialFromText(text)).toBeCloseTo(serial, 10);
  });

  it.each(["31/03/2024", "2024-3-31x", "2024-02-30", "2024-03-31 25:00", "2024/03-31", "", "abc", "45382", "2024年2月30日", "2024年3月", "2024年3月1", "3月1日", "2024-03-0114:30", "2024年3月1日 下午2点", "20240230", "202403011", "2024-03-01 14:30 Z"])(
    "does not read %p as a date",
    (text) => {
      expect(serialFromText(text)).toBeUndefined();
    },
  );

  it("drops the time of a date written as text when only the day counts", () => {
    expect(dayFromText("2024-03-01 14:30:00")).toBe(45352);
    expect(dayFromText("2024年3月1日 23:59:59")).toBe(45352);
    expect(dayFromText("2024-03-01")).toBe(45352);
    expect(dayFromText("soon")).toBeUndefined();
  });

  it("reads a whole number written yyyymmdd (as exports store dates), which no serial can be", () => {
    expect(serialFromYyyymmdd(20240301)).toBe(45352);
    expect(serialFromYyyymmdd(19000101)).toBe(1);
    expect(serialFromYyyymmdd(99991231)).toBe(MAX_SERIAL);
    for (const x of [20240230, 20241301, 2024030, 20240301.5, 45352, 100000000, -20240301]) expect(serialFromYyyymmdd(x)).toBeUndefined();
  });

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
