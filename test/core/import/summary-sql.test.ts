/**
 * The summary SQL on native DuckDB (the same DuckDB 1.4.3 as the pane's DuckDB-wasm) against the core's
 * RFM.TABLE and CLV.SUMMARY on the same orders: equal value by value with ===, not within a tolerance.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { clvSummary } from "../../../src/core/clv";
import type { ColumnMapping, SummaryRequest } from "../../../src/core/import/contract";
import { sniffCsv } from "../../../src/core/import/sniff";
import {
  csvSource,
  customerSummarySql,
  quoteIdentifier,
  quoteLiteral,
  stagingSql,
  summaryPlan,
  SummarySqlError,
  textColumnsSource,
} from "../../../src/core/import/summary-sql";
import { rfmTable } from "../../../src/core/rfm";
import { compensatedSum } from "../../../src/core/shared/sum";
import { dayFromText, serialFromYmd, ymdFromSerial } from "../../../src/core/shared/excel-date";
import { numberFromText } from "../../../src/core/shared/number-text";
import { FIXTURES, readCsv } from "../../support/fixtures";
import { connect, NodeSummary, rows, summarise } from "./duckdb-run";
import { csvText, writeTemp } from "./csv-write";

/** Orders as the JavaScript side reads a CSV: ids as text, days by dayFromText, amounts by numberFromText. */
interface Orders {
  readonly ids: string[];
  readonly days: number[];
  readonly amounts: number[];
}

function readOrders(records: readonly Record<string, string>[], id: string, date: string, amount: string): Orders {
  return {
    ids: records.map((r) => r[id] as string),
    days: records.map((r) => dayFromText(r[date] as string) as number),
    amounts: records.map((r) => numberFromText(r[amount] as string) as number),
  };
}

/** The first position where two columns differ (=== on numbers, so 0 and -0 are the same cell), else -1. */
function firstDifference(actual: ArrayLike<number | string>, expected: ArrayLike<number | string>): number {
  if (actual.length !== expected.length) return Math.min(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) if (actual[i] !== expected[i]) return i;
  return -1;
}

function expectSame(name: string, actual: ArrayLike<number | string>, expected: ArrayLike<number | string>): void {
  const at = firstDifference(actual, expected);
  if (at >= 0) throw new Error(`${name} differs at ${at}: SQL ${String(actual[at])}, core ${String(expected[at])} (lengths ${actual.length}, ${expected.length})`);
}

/** The SQL's customers equal rfmTable (with and without the window) and clvSummary on the same orders. */
function expectCustomersEqualCore(result: NodeSummary, orders: Orders, request: SummaryRequest): void {
  const c = result.customers!;
  const analysis = request.analysisDate;
  const all = rfmTable(orders.ids, orders.days, orders.amounts, analysis);
  const windowed = rfmTable(orders.ids, orders.days, orders.amounts, analysis, request.windowDays);
  const clv = clvSummary(orders.ids, orders.days, orders.amounts, analysis, request.periodDays);
  expect(result.analysisDay).toBe(Math.floor(all.analysisDate));
  expectSame("ids", c.ids, all.ids as string[]);
  expectSame("orders", c.orders, all.frequency);
  expectSame("amount", c.amount, all.monetary);
  expectSame("recency", c.recencyDays, all.recency);
  expectSame("window orders", c.windowOrders, windowed.frequency);
  expectSame("window amount", c.windowAmount, windowed.monetary);
  expectSame("clv ids", c.ids, clv.ids as string[]);
  expectSame("clv frequency", c.clvFrequency, clv.frequency);
  expectSame("clv recency", c.clvRecency, clv.recency);
  expectSame("clv T", c.clvT, clv.T);
  expectSame("clv monetary", c.clvMonetary, clv.monetaryValue);
  // First and last order days: recency and T say them too, but the sheet shows them as dates.
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  orders.ids.forEach((id, i) => {
    const day = orders.days[i] as number;
    first.set(id, Math.min(first.get(id) ?? Infinity, day));
    last.set(id, Math.max(last.get(id) ?? -Infinity, day));
  });
  expectSame("first order", c.firstOrder, c.ids.map((id) => first.get(id) as number));
  expectSame("last order", c.lastOrder, c.ids.map((id) => last.get(id) as number));
}

const ORDER_COLUMNS: ColumnMapping = { customer: 0, date: 1, amount: 2, dimensions: {} };

function sniffFile(path: string) {
  const bytes = new Uint8Array(readFileSync(path));
  return sniffCsv(bytes.subarray(0, 256 * 1024), bytes.length);
}

describe("rfm_data_orders (R package rfm 0.3.0): 4,906 orders of 995 customers", () => {
  const path = join(FIXTURES, "external/rfm_data_orders.csv");
  const orders = readOrders(readCsv("external/rfm_data_orders.csv"), "customer_id", "order_date", "revenue");
  const analysisDate = serialFromYmd(2006, 12, 31) as number;

  it("sniffs the file: comma, header, date and number columns", () => {
    const sniff = sniffFile(path);
    expect(sniff).toMatchObject({ encoding: "utf-8", delimiter: ",", hasHeader: true, headers: ["customer_id", "order_date", "revenue"] });
    expect(sniff.types).toEqual(["text", "date", "number"]);
  });

  it.each([
    ["no window, the latest order as analysis date", { periodDays: 7 }],
    ["the package's analysis date 2006-12-31", { analysisDate, periodDays: 7 }],
    ["a 365-day window, daily periods", { analysisDate, windowDays: 365, periodDays: 1 }],
    ["a 1-day window, a fractional period", { analysisDate: analysisDate + 0.75, windowDays: 1, periodDays: 30.4375 }],
  ])("equals RFM.TABLE and CLV.SUMMARY exactly: %s", async (_, options) => {
    const request: SummaryRequest = { mapping: ORDER_COLUMNS, customers: true, ...options };
    const result = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, request);
    expect(result.rows).toBe(4906);
    expect(result.rejectedCount).toBe(0);
    expect(result.customers!.ids).toHaveLength(995);
    expectCustomersEqualCore(result, orders, request);
  });
});

describe("the CDNOW sample (lifetimes 0.11): 6,919 transactions of 2,357 customers, dates yyyymmdd", () => {
  const path = join(FIXTURES, "external/cdnow_sample_transactions.csv");
  const records = readCsv("external/cdnow_sample_transactions.csv");
  const end = serialFromYmd(1997, 9, 30) as number;
  const kept = records.filter((r) => (dayFromText(r.date as string) as number) <= end);
  const mapping: ColumnMapping = { customer: 1, date: 2, amount: 4, dimensions: {} };

  it.each([7, 1])("equals CLV.SUMMARY and RFM.TABLE exactly up to 1997-09-30, period %s days; the later orders are rejected rows", async (periodDays) => {
    const request: SummaryRequest = { mapping, customers: true, analysisDate: end, windowDays: 90, periodDays };
    const result = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, request);
    expect(result.rows).toBe(6919);
    expect(result.rejectedCount).toBe(6919 - kept.length);
    // The first order after the analysis date, by line (the header is line 1).
    const firstLate = records.findIndex((r) => (dayFromText(r.date as string) as number) > end);
    expect(result.rejected[0]).toEqual({ line: firstLate + 2, field: "date", text: isoOf(records[firstLate]!.date as string) });
    expectCustomersEqualCore(result, readOrders(kept, "id_sample", "date", "total_value"), request);
  });

  it("gives lifetimes' T for customer 1 (38.857142857142854 weeks, as the CDNOW tests of the CLV functions)", async () => {
    const result = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, { mapping, customers: true, analysisDate: end });
    const at = result.customers!.ids.indexOf("1");
    expect(result.customers!.clvT[at]).toBe(272 / 7);
    expect(result.customers!.clvT[at]).toBe(38.857142857142854);
  });
});

/** yyyymmdd as the ISO date the rejected-rows list shows for an order after the analysis date. */
function isoOf(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

describe("period × dimension", () => {
  it("equals a JavaScript group-by (months, first appearance, Neumaier sums in file order)", async () => {
    const records = readCsv("external/cdnow_sample_transactions.csv");
    // num_cds as the dimension: a text column like a channel or a salesperson.
    const path = join(FIXTURES, "external/cdnow_sample_transactions.csv");
    const request: SummaryRequest = { mapping: { customer: 1, date: 2, amount: 4, dimensions: { channel: 3 } }, customers: false, periods: { dimension: "channel" } };
    const result = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, request);
    const groups = new Map<string, { start: number; dimension: string; amounts: number[] }>();
    for (const r of records) {
      const { year, month } = ymdFromSerial(dayFromText(r.date as string) as number);
      const start = serialFromYmd(year, month, 1) as number;
      const key = `${start}|${r.num_cds}`;
      if (!groups.has(key)) groups.set(key, { start, dimension: r.num_cds as string, amounts: [] });
      groups.get(key)!.amounts.push(numberFromText(r.total_value as string) as number);
    }
    // Months in order; within a month, values in order of first appearance (a stable sort keeps it).
    const expected = [...groups.values()].sort((a, b) => a.start - b.start);
    const p = result.periods!;
    expectSame("period start", p.periodStart, expected.map((g) => g.start));
    expectSame("dimension", p.dimension, expected.map((g) => g.dimension));
    expectSame("orders", p.orders, expected.map((g) => g.amounts.length));
    expectSame("amount", p.amount, expected.map((g) => compensatedSum(g.amounts)));
    expect(compensatedSum(p.orders)).toBe(records.length);
  });

  it("without a dimension gives one row per month", async () => {
    const path = writeTemp(csvText([["id", "date", "amount"], ["A", "2024-01-31", "1"], ["B", "2024-02-01", "2"], ["A", "2024-01-02 23:00", "3"], ["C", "1900-02-29", "4"]]));
    const result = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, { mapping: ORDER_COLUMNS, customers: false, periods: {} });
    expect(result.periods).toEqual({
      periodStart: Float64Array.from([32, serialFromYmd(2024, 1, 1) as number, serialFromYmd(2024, 2, 1) as number]),
      dimension: ["", "", ""],
      orders: Float64Array.from([1, 2, 1]),
      amount: Float64Array.from([4, 4, 2]),
    });
  });
});

describe("rejected rows: counted, listed with their lines and fields, never dropped silently", () => {
  it("lists an empty id, an unreadable date, an unreadable amount and a short row with their lines", async () => {
    const text = [
      "客户ID,下单日期,实付金额", // line 1
      "A001,2024年3月1日,\"¥1,200\"", // 2
      ",2024-03-02,5", // 3: no customer
      "B,2023-02-29,5", // 4: no such day
      "C,2024-03-03,五元", // 5: not a number
      "D,2024-03-04", // 6: a column missing (DuckDB's reader)
      "\"E\nF\",2024-03-05,7", // 7: a quoted line break: one record
      "G,,7", // 8: empty date
      "H,2024-03-06,", // 9: empty amount
      "   ,2024-03-06,1", // 10: a blank id
    ].join("\n");
    const path = writeTemp(text + "\n");
    const result = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, { mapping: ORDER_COLUMNS, customers: true }, "exact");
    expect(result.rows).toBe(9);
    expect(result.rejectedCount).toBe(7);
    expect(result.rejected).toEqual([
      { line: 3, field: "customer", text: "" },
      { line: 4, field: "date", text: "2023-02-29" },
      { line: 5, field: "amount", text: "五元" },
      { line: 6, field: "row", text: "D,2024-03-04" },
      { line: 8, field: "date", text: "" },
    ]);
    expect(result.customers!.ids).toEqual(["A001", "E\nF"]);
  });

  it("rejects the orders after the analysis date, with their lines, and summarises the rest", async () => {
    const path = writeTemp(csvText([["id", "date", "amount"], ["A", "2024-03-01", "1"], ["B", "2024-03-09", "2"], ["A", "2024-03-02", "3"], ["C", "2024-03-10 08:00", "4"]]));
    const request: SummaryRequest = { mapping: ORDER_COLUMNS, customers: true, analysisDate: serialFromYmd(2024, 3, 5) as number };
    const result = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, request);
    expect(result.rejectedCount).toBe(2);
    expect(result.rejected).toEqual([
      { line: 3, field: "date", text: "2024-03-09" },
      { line: 5, field: "date", text: "2024-03-10" },
    ]);
    expect(result.customers!.ids).toEqual(["A"]);
    expect(result.customers!.recencyDays[0]).toBe(3);
  });

  it("numbers the rows after a row DuckDB's reader rejected by their own lines", async () => {
    const path = writeTemp(["id,date,amount", "A,2024-03-01,1", "B,2024-03-01,1,extra", "C,2024-03-01,1", "D,2024-03-01", "E,2024-13-01,1", "F,x,1"].join("\n") + "\n");
    const result = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, { mapping: ORDER_COLUMNS, customers: true });
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([
      [3, "row"],
      [5, "row"],
      [6, "date"],
      [7, "date"],
    ]);
    expect(result.rows).toBe(6);
  });

  it("reads a file without a header from line 1", async () => {
    const path = writeTemp("A,2024-03-01,1\nB,bad,2\n");
    const sniff = sniffFile(path);
    expect(sniff.hasHeader).toBe(false);
    const result = await summarise({ kind: "csv", path, sniff }, { mapping: ORDER_COLUMNS, customers: true });
    expect(result.rejected).toEqual([{ line: 2, field: "date", text: "bad" }]);
  });

  it("cuts a long text to 80 characters", async () => {
    const long = "x".repeat(200);
    const path = writeTemp(csvText([["id", "date", "amount"], ["A", long, "1"], ["B", "2024-01-01", "1"]]));
    const result = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, { mapping: ORDER_COLUMNS, customers: true });
    expect(result.rejected[0]!.text).toBe("x".repeat(80));
  });
});

describe("headers and names that SQL must quote", () => {
  it("reads a file whose headers hold quotes, commas and Chinese, from a path with a quote", async () => {
    const text = csvText([['客户"ID"', "date, local", "it's"], ["A'1", "2024-03-01", "1"], ['B"2', "2024-03-02", "2"]]);
    const path = writeTemp(text, "it's.csv");
    const sniff = sniffFile(path);
    expect(sniff.headers).toEqual(['客户"ID"', "date, local", "it's"]);
    const result = await summarise({ kind: "csv", path, sniff }, { mapping: ORDER_COLUMNS, customers: true });
    expect(result.customers!.ids).toEqual(["A'1", 'B"2']);
  });

  it("quotes identifiers and literals", () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
    expect(quoteLiteral("it's \\n")).toBe("'it''s \\n'");
    expect(() => quoteLiteral("a\0b")).toThrow(SummarySqlError);
    expect(csvSource("o'k.csv", { delimiter: "\t", hasHeader: true, headers: ["a", "b"] })).toContain("read_csv('o''k.csv'");
  });
});

describe("requests the SQL refuses, before anything runs", () => {
  const source = { kind: "csv" as const, path: "x.csv", sniff: { delimiter: "," as const, hasHeader: true, headers: ["a", "b", "c"] } };

  it("a column the file does not have", () => {
    expect(() => summaryPlan(source, { mapping: { ...ORDER_COLUMNS, amount: 3 }, customers: true })).toThrow(/amount column is 3, but the file has columns 0 to 2/);
    expect(() => summaryPlan(source, { mapping: { ...ORDER_COLUMNS, dimensions: { region: -1 } }, customers: true })).toThrow(SummarySqlError);
  });

  it("a period summary by a dimension that is not mapped", () => {
    expect(() => summaryPlan(source, { mapping: ORDER_COLUMNS, customers: false, periods: { dimension: "person" } })).toThrow(/by person, but no column/);
  });

  it("a window RFM.TABLE would refuse, a period that is not positive, an analysis date that is not a number", () => {
    expect(() => summaryPlan(source, { mapping: ORDER_COLUMNS, customers: true, windowDays: 0 })).toThrow(/1 to 36525/);
    expect(() => summaryPlan(source, { mapping: ORDER_COLUMNS, customers: true, windowDays: 1.5 })).toThrow(/1 to 36525/);
    expect(() => summaryPlan(source, { mapping: ORDER_COLUMNS, customers: true, periodDays: 0 })).toThrow(/positive/);
    expect(() => summaryPlan(source, { mapping: ORDER_COLUMNS, customers: true, analysisDate: NaN })).toThrow(/must be a number/);
    expect(() => customerSummarySql({}, 45000.5)).toThrow(/whole number/);
  });

  it("a table source without columns", () => {
    expect(() => textColumnsSource("t", 0)).toThrow(SummarySqlError);
  });
});

// --- Reading text in SQL as the core does ---------------------------------------------------------------

/** Reads date and amount texts through the staging query (a table source), row by row. */
async function readInSql(dates: readonly string[], amounts: readonly string[]): Promise<{ day: number | null; amount: number | null; problem: string | null }[]> {
  const connection = await connect();
  try {
    await connection.run("CREATE OR REPLACE TEMP TABLE spx_texts (customer VARCHAR, date VARCHAR, amount VARCHAR)");
    const values = dates.map((d, i) => `('x', ${quoteLiteral(d)}, ${quoteLiteral(amounts[i] as string)})`).join(", ");
    await connection.run(`INSERT INTO spx_texts VALUES ${values}`);
    const staging = stagingSql(textColumnsSource("spx_texts", 3), ORDER_COLUMNS, 0, 3);
    const result = await rows(connection, `SELECT CAST(order_day AS DOUBLE) AS day, amount, problem FROM (${staging}) ORDER BY line`);
    return result as { day: number | null; amount: number | null; problem: string | null }[];
  } finally {
    connection.closeSync();
  }
}

/** Records keyed by the header, as readCsv gives a fixture's. */
function readCsvText(table: readonly (readonly string[])[]): Record<string, string>[] {
  const [header, ...body] = table as [readonly string[], ...(readonly string[])[]];
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

const digitsOf = (n: number, width: number) => String(n).padStart(width, "0");
const toFullWidth = (text: string) => text.replace(/[0-9.,()%+\-:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const SPACES = ["", " ", "  ", "\u3000", "\u00a0", "\t"];

/** Dates written every way serialFromText reads, and near misses. */
const dateText = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1899, max: 2100 }), fc.constantFrom(1900, 9999, 2000, 2024)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    form: fc.constantFrom("iso", "slash", "dot", "chinese", "hao", "compact", "mixed"),
    pad: fc.boolean(),
    time: fc.option(fc.record({ h: fc.integer({ min: 0, max: 25 }), m: fc.integer({ min: 0, max: 61 }), s: fc.option(fc.constantFrom("00", "59", "60", "30.5", "59.999999999")) })),
    timeSeparator: fc.constantFrom(" ", "T", "", "  "),
    wide: fc.boolean(),
    before: fc.constantFrom(...SPACES),
    after: fc.constantFrom(...SPACES),
  })
  .map((d) => {
    const m = d.pad ? digitsOf(d.month, 2) : String(d.month);
    const dd = d.pad ? digitsOf(d.day, 2) : String(d.day);
    const y = digitsOf(d.year, 4);
    const body =
      d.form === "iso" ? `${y}-${m}-${dd}` : d.form === "slash" ? `${y}/${m}/${dd}` : d.form === "dot" ? `${y}.${m}.${dd}` : d.form === "chinese" ? `${y}年${m}月${dd}日` : d.form === "hao" ? `${y} 年 ${m} 月 ${dd} 号` : d.form === "compact" ? `${y}${digitsOf(d.month, 2)}${digitsOf(d.day, 2)}` : `${y}-${m}/${dd}`;
    const time = d.time === null ? "" : `${d.timeSeparator}${d.time.h}:${digitsOf(d.time.m, 2)}${d.time.s === null ? "" : `:${d.time.s}`}`;
    const text = body + time;
    return d.before + (d.wide ? toFullWidth(text) : text) + d.after;
  });

/** Amounts written every way numberFromText reads, and near misses. */
const amountText = fc
  .record({
    whole: fc.oneof(fc.nat({ max: 9_999_999 }), fc.nat({ max: 999 })),
    fraction: fc.option(fc.stringMatching(/^\d{0,4}$/)),
    grouped: fc.constantFrom("none", "right", "wrong"),
    sign: fc.constantFrom("", "-", "+", "--"),
    parens: fc.constantFrom(false, false, true),
    currency: fc.constantFrom("", "", "¥", "￥", "$", "€", "£", "RMB", "rmb", "CNY", "人民币"),
    magnitude: fc.constantFrom("", "", "万", "亿"),
    unit: fc.constantFrom("", "", "元", "RMB", "CNY"),
    percent: fc.constantFrom(false, false, true),
    exponent: fc.option(fc.integer({ min: -20, max: 20 })),
    space: fc.constantFrom(...SPACES),
    wide: fc.boolean(),
  })
  .map((a) => {
    let whole = String(a.whole);
    if (a.grouped === "right") whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    if (a.grouped === "wrong" && whole.length > 2) whole = `${whole.slice(0, 2)},${whole.slice(2)}`;
    const number = `${whole}${a.fraction === null ? "" : `.${a.fraction}`}${a.exponent === null ? "" : `e${a.exponent}`}`;
    let text = `${a.currency}${a.space}${a.sign}${number}${a.space}${a.percent ? "%" : `${a.magnitude}${a.unit}`}`;
    if (a.parens) text = `(${text})`;
    return a.wide ? toFullWidth(text) : text;
  });

const junk = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", " ", "inf", "NaN", "Infinity", "0x10", "1_000", "1e400", "-0", "1.2.3", "12,34", "(-5)", "¥12%", "2024-03-0114:30", "45352"));

describe("reading dates and amounts in SQL equals serialFromText and numberFromText", () => {
  it("dates: the same day, or both reject", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 5, arbitrary: dateText }, { weight: 1, arbitrary: junk }), { minLength: 1, maxLength: 300 }), async (texts) => {
        const read = await readInSql(texts, texts.map(() => "1"));
        texts.forEach((text, i) => {
          const expected = dayFromText(text);
          const got = read[i]!;
          if (expected === undefined) expect({ text, problem: got.problem }).toEqual({ text, problem: "date" });
          else expect({ text, day: got.day, problem: got.problem }).toEqual({ text, day: expected, problem: null });
        });
      }),
      { numRuns: 15 },
    );
  });

  it("amounts: the same double, or both reject (a value beyond the double range is rejected)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 5, arbitrary: amountText }, { weight: 1, arbitrary: junk }), { minLength: 1, maxLength: 300 }), async (texts) => {
        const read = await readInSql(texts.map(() => "2024-01-01"), texts);
        texts.forEach((text, i) => {
          const value = numberFromText(text);
          const got = read[i]!;
          if (value === undefined || !Number.isFinite(value)) expect({ text, problem: got.problem }).toEqual({ text, problem: "amount" });
          else {
            expect({ text, problem: got.problem }).toEqual({ text, problem: null });
            if (got.amount !== value) throw new Error(`${JSON.stringify(text)}: SQL ${got.amount}, numberFromText ${value}`);
          }
        });
      }),
      { numRuns: 15 },
    );
  });

  it("dates in the shapes exports write (2024-03-01 14:30:15, 2024/3/1), read by DuckDB's date cast: the same day as dayFromText", async () => {
    // Around the places where the cast and the core could disagree: Excel's 1900-02-29, days before
    // 1900-03-01, days a month lacks, leap years, months 0 and 13, one-digit parts, times on either side of midnight.
    const exportDate = fc
      .record({
        year: fc.oneof(fc.integer({ min: 1899, max: 2100 }), fc.constantFrom(1899, 1900, 2000, 2100, 9999)),
        month: fc.oneof(fc.integer({ min: 0, max: 13 }), fc.constantFrom(2, 2, 3)),
        day: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(28, 29, 30, 31)),
        slash: fc.boolean(),
        pad: fc.boolean(),
        time: fc.option(fc.constantFrom(" 00:00", " 23:59:59", "T12:30", " 24:00", " 12:60", " 12:00:60", " 23:59")),
      })
      .map((d) => {
        const y = digitsOf(d.year, 4);
        if (d.slash) return `${y}/${d.pad ? digitsOf(d.month, 2) : d.month}/${d.pad ? digitsOf(d.day, 2) : d.day}`;
        return `${y}-${digitsOf(d.month, 2)}-${digitsOf(d.day, 2)}${d.time ?? ""}`;
      });
    await fc.assert(
      fc.asyncProperty(fc.array(exportDate, { minLength: 1, maxLength: 300 }), async (texts) => {
        const read = await readInSql(texts, texts.map(() => "1"));
        texts.forEach((text, i) => {
          const expected = dayFromText(text);
          const got = read[i]!;
          if (expected === undefined) expect({ text, problem: got.problem }).toEqual({ text, problem: "date" });
          else expect({ text, day: got.day, problem: got.problem }).toEqual({ text, day: expected, problem: null });
        });
      }),
      { numRuns: 15 },
    );
  });

  it("amounts in the shapes exports write (-¥1,234.56, 1234.56元), read by a cast: the same double as numberFromText", async () => {
    // Long digit strings make the rounding to a double matter; near misses (grouping off, two marks) must
    // fall through to the grammar and read as numberFromText reads them, or be rejected as it rejects them.
    const exportAmount = fc
      .record({
        sign: fc.constantFrom("", "-", "+", "--"),
        yen: fc.constantFrom("", "¥", "¥¥"),
        whole: fc.oneof(fc.stringMatching(/^\d{1,22}$/), fc.constantFrom("0", "00", "9007199254740993")),
        grouped: fc.constantFrom("none", "right", "wrong"),
        fraction: fc.option(fc.stringMatching(/^\d{0,22}$/)),
        yuan: fc.constantFrom("", "元", "元元"),
      })
      .map((a) => {
        let whole = a.whole;
        if (a.grouped === "right") whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        if (a.grouped === "wrong" && whole.length > 2) whole = `${whole.slice(0, 2)},${whole.slice(2)}`;
        return `${a.sign}${a.yen}${whole}${a.fraction === null ? "" : `.${a.fraction}`}${a.yuan}`;
      });
    await fc.assert(
      fc.asyncProperty(fc.array(exportAmount, { minLength: 1, maxLength: 300 }), async (texts) => {
        const read = await readInSql(texts.map(() => "2024-01-01"), texts);
        texts.forEach((text, i) => {
          const value = numberFromText(text);
          const got = read[i]!;
          if (value === undefined || !Number.isFinite(value)) expect({ text, problem: got.problem }).toEqual({ text, problem: "amount" });
          else if (got.problem !== null || !Object.is(got.amount, value)) throw new Error(`${JSON.stringify(text)}: SQL ${got.amount} (${got.problem}), numberFromText ${value}`);
        });
      }),
      { numRuns: 15 },
    );
  });

  it("reads the forms the issue names", async () => {
    const dates = ["2024-03-01", "2024/3/1", "2024.3.1", "2024年3月1日", "2024年3月1号", "20240301", "2024-03-01 14:30:00", "2024-03-01T14:30", "2024年3月1日14:30", "２０２４年３月１日", "1900-02-29", "1900-03-01", "1900-01-01"];
    const days = (await readInSql(dates, dates.map(() => "1"))).map((r) => r.day);
    const march1 = serialFromYmd(2024, 3, 1) as number;
    expect(days).toEqual([march1, march1, march1, march1, march1, march1, march1, march1, march1, march1, 60, 61, 1]);
    const amounts = ["¥1,200", "￥1200.50", "1.2万", "1200元", "(1,200)", "１２００", "RMB 1200", "人民币1200", "1.2亿", "3万元", "$5", "12%"];
    const values = (await readInSql(amounts.map(() => "2024-01-01"), amounts)).map((r) => r.amount);
    expect(values).toEqual([1200, 1200.5, 12000, 1200, -1200, 1200, 1200, 1200, 120_000_000, 30_000, 5, 0.12]);
  });
});

// --- Generated orders -------------------------------------------------------------------------------------

const BASE_DAY = serialFromYmd(2023, 1, 1) as number;

/** Orders written as a CSV in mixed date and amount forms, with what the core reads from each row. */
const generatedOrders = fc.array(
  fc.record({
    id: fc.constantFrom("A001", "a001", "001", "1", "1.0", " B ", "客户甲", 'Q"uote', "Co,mma", "李四"),
    day: fc.integer({ min: 0, max: 500 }),
    time: fc.option(fc.constantFrom(" 00:00", " 23:59:59", "T12:30")),
    dateForm: fc.constantFrom("iso", "chinese", "compact", "slash"),
    cents: fc.oneof(fc.integer({ min: -100_000, max: 10_000_000 }), fc.constantFrom(1, 10, 7, 333, 0)),
    amountForm: fc.constantFrom("plain", "yen", "grouped", "wan", "yuan", "parens"),
  }),
  { minLength: 1, maxLength: 120 },
);

function writeOrder(order: { id: string; day: number; time: string | null; dateForm: string; cents: number; amountForm: string }): string[] {
  const { year, month, day } = ymdFromSerial(BASE_DAY + order.day);
  const date =
    order.dateForm === "iso" ? `${year}-${digitsOf(month, 2)}-${digitsOf(day, 2)}` : order.dateForm === "chinese" ? `${year}年${month}月${day}日` : order.dateForm === "compact" ? `${year}${digitsOf(month, 2)}${digitsOf(day, 2)}` : `${year}/${month}/${day}`;
  const value = (Math.abs(order.cents) / 100).toFixed(2);
  const negative = order.cents < 0;
  const [integer, cents] = value.split(".") as [string, string];
  const grouped = `${integer.replace(/\B(?=(\d{3})+$)/g, ",")}.${cents}`;
  const amount =
    order.amountForm === "plain" ? `${negative ? "-" : ""}${value}` : order.amountForm === "yen" ? `¥${negative ? "-" : ""}${value}` : order.amountForm === "grouped" ? `${negative ? "-" : ""}${grouped}` : order.amountForm === "wan" ? `${negative ? "-" : ""}${(Math.abs(order.cents) / 1_000_000).toFixed(6)}万` : order.amountForm === "yuan" ? `${negative ? "-" : ""}${value}元` : negative ? `(${value})` : value;
  // serialFromText reads yyyymmdd alone, without a time.
  return [order.id, date + (order.dateForm === "compact" ? "" : (order.time ?? "")), amount];
}

describe("generated orders: the SQL's summaries equal RFM.TABLE and CLV.SUMMARY", () => {
  it("for every window, analysis date and period", async () => {
    await fc.assert(
      fc.asyncProperty(
        generatedOrders,
        fc.option(fc.integer({ min: 1, max: 600 })),
        fc.option(fc.integer({ min: 0, max: 30 })),
        fc.constantFrom(7, 1, 30.4375),
        fc.constantFrom<"exact">("exact"),
        async (orders, windowDays, extraDays, periodDays, sums) => {
          const written = orders.map(writeOrder);
          const path = writeTemp(csvText([["客户", "日期", "金额"], ...written]));
          const core: Orders = {
            ids: written.map((w) => w[0] as string),
            days: written.map((w) => dayFromText(w[1] as string) as number),
            amounts: written.map((w) => numberFromText(w[2] as string) as number),
          };
          expect(core.days.every(Number.isInteger) && core.amounts.every(Number.isFinite)).toBe(true);
          const latest = Math.max(...core.days);
          const request: SummaryRequest = {
            mapping: ORDER_COLUMNS,
            customers: true,
            periodDays,
            ...(windowDays === null ? {} : { windowDays }),
            ...(extraDays === null ? {} : { analysisDate: latest + extraDays }),
          };
          const result = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, request, sums);
          expect(result.rejectedCount).toBe(0);
          expectCustomersEqualCore(result, core, request);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("file order within a group (what the exact sums rely on)", () => {
  it("DuckDB on one thread lists each group's rows in scan order, on 300,000 rows of 60,000 customers", async () => {
    const connection = await connect();
    try {
      await connection.run("SET threads = 1");
      await connection.run("CREATE OR REPLACE TEMP TABLE spx_scan AS SELECT i AS line, CAST(hash(i) % 60000 AS VARCHAR) AS customer_id FROM range(300000) t(i)");
      const [disordered] = await rows(connection, "SELECT CAST(count(*) AS DOUBLE) AS n FROM (SELECT list(line) AS lines FROM spx_scan GROUP BY customer_id) WHERE lines <> list_sort(lines)");
      expect(disordered!.n).toBe(0);
    } finally {
      connection.closeSync();
    }
  });
});

describe("every day Excel shows from 1900 to 2100, in three forms", () => {
  it("reads to serialFromYmd's serial, 1900-02-29 (serial 60) included", async () => {
    const expected: number[] = [];
    const lines = ["id,iso,slash,chinese"];
    const last = serialFromYmd(2100, 12, 31) as number;
    for (let serial = 1; serial <= last; serial++) {
      const { year, month, day } = ymdFromSerial(serial);
      expected.push(serial);
      lines.push(`A,${year}-${digitsOf(month, 2)}-${digitsOf(day, 2)},${year}/${month}/${day} 0:00,${year}年${month}月${day}日`);
    }
    const path = writeTemp(lines.join("\n") + "\n");
    const sniff = sniffFile(path);
    const connection = await connect();
    try {
      for (const column of [1, 2, 3]) {
        const staging = stagingSql(csvSource(path, sniff, { staged: "s", rejectErrors: "spx_days_errors", rejectScans: "spx_days_scans" }), { ...ORDER_COLUMNS, date: column, amount: 0 }, 1, 4);
        const days = await rows(connection, `SELECT CAST(order_day AS DOUBLE) AS day, CAST(order_month AS DOUBLE) AS month FROM (${staging}) ORDER BY line`);
        expectSame(`days of column ${column}`, days.map((r) => r.day as number), expected);
        expectSame(`months of column ${column}`, days.map((r) => r.month as number), expected.map((s) => serialFromYmd(ymdFromSerial(s).year, ymdFromSerial(s).month, 1) as number));
      }
    } finally {
      connection.closeSync();
    }
  });
});

describe("files as exports write them", () => {
  it.each([
    ["a UTF-8 BOM and CRLF, no header", "\uFEFFA,2024-01-01,5\r\nB,2024-01-02,6\r\n", ["A", "B"]],
    ["a quoted CRLF inside an id", 'id,date,amount\r\nA,2024-01-01,5\r\n"B\r\nC",2024-01-02,6\r\n', ["A", "B\r\nC"]],
    ["semicolons and old Mac line ends", "id;date;amount\rA;2024-01-01;5\rB;2024-01-02;6\r", ["A", "B"]],
    ["tabs", "id\tdate\tamount\nA\t2024-01-01\t5\nB\t2024-01-02\t6\n", ["A", "B"]],
  ])("reads %s", async (_, text, ids) => {
    const bytes = new TextEncoder().encode(text);
    const path = writeTemp(bytes);
    const result = await summarise({ kind: "csv", path, sniff: sniffCsv(bytes, bytes.length) }, { mapping: ORDER_COLUMNS, customers: true });
    expect(result.rejectedCount).toBe(0);
    expect(result.customers!.ids).toEqual(ids);
    expect([...result.customers!.amount]).toEqual([5, 6]);
  });
});

describe("a table loaded from Arrow (Parquet): typed columns read as their text", () => {
  it("DATE, TIMESTAMP and DOUBLE columns give the days and the very doubles the core gets", async () => {
    const amounts = [0.1, 0.2, 0.30000000000000004, 1e20, 1234.5678, -5e-7, 123456789.01, 0.1];
    const ids = ["A", "B", "A", "C", "A", "B", "A", "A"];
    const days = [0, 1, 2, 3, 3, 4, 5, 6].map((k) => (serialFromYmd(2024, 2, 27) as number) + k);
    const connection = await connect();
    try {
      // Column names as Parquet files have them: keywords, spaces, quotes, Chinese — never written into the SQL.
      await connection.run(`CREATE OR REPLACE TABLE spx_arrow ("客户 ID" VARCHAR, "order" DATE, "at" TIMESTAMP, "it's" DOUBLE)`);
      const values = ids.map((id, i) => {
        const { year, month, day } = ymdFromSerial(days[i] as number);
        const date = `${year}-${digitsOf(month, 2)}-${digitsOf(day, 2)}`;
        return `(${quoteLiteral(id)}, DATE '${date}', TIMESTAMP '${date} 23:59:59.5', ${String(amounts[i])})`;
      });
      await connection.run(`INSERT INTO spx_arrow VALUES ${values.join(", ")}`);
    } finally {
      connection.closeSync();
    }
    for (const date of [1, 2]) {
      const request: SummaryRequest = { mapping: { customer: 0, date, amount: 3, dimensions: {} }, customers: true, windowDays: 3 };
      const result = await summarise({ kind: "table", table: "spx_arrow", columnCount: 4 }, request);
      expect(result.rejectedCount).toBe(0);
      expectCustomersEqualCore(result, { ids, days, amounts }, request);
    }
  });
});

describe("sums: exact and plain", () => {
  const path = join(FIXTURES, "external/cdnow_sample_transactions.csv");
  const records = readCsv("external/cdnow_sample_transactions.csv");
  const request: SummaryRequest = { mapping: { customer: 1, date: 2, amount: 4, dimensions: {} }, customers: true };

  it("exact is Neumaier's sum in file order, where plain sums and Kahan's fsum lose everything", async () => {
    // 0.1 + 1e100 + 0.1 − 1e100: Neumaier keeps both 0.1s (0.2); a plain sum and Kahan's give 0.
    const texts = ["0.1", "1e100", "0.1", "-1e100", "5"];
    const rowsWritten = [["id", "date", "amount"], ...texts.map((amount, k) => ["A", `2024-01-0${k + 1}`, amount]), ["B", "2024-01-01", "1"]];
    const file = writeTemp(csvText(rowsWritten));
    const request: SummaryRequest = { mapping: ORDER_COLUMNS, customers: true, windowDays: 4, periodDays: 1, periods: {} };
    const exact = await summarise({ kind: "csv", path: file, sniff: sniffFile(file) }, request);
    const orders = readOrders(readCsvText(rowsWritten), "id", "date", "amount");
    expectCustomersEqualCore(exact, orders, request);
    expect(exact.customers!.amount[0]).toBe(5.2);
    expect(exact.customers!.clvMonetary[0]).toBe(rfmTable(["A", "A", "A", "A"], [1, 2, 3, 4], [1e100, 0.1, -1e100, 5]).monetary[0]! / 4);
    expect(exact.periods!.amount[0]).toBe(compensatedSum([0.1, 1e100, 0.1, -1e100, 5, 1]));
    const plain = await summarise({ kind: "csv", path: file, sniff: sniffFile(file) }, request, "plain");
    expect(plain.customers!.amount[0]).toBe(5);
  });

  it("plain is the plain sum in file order, and misses RFM.TABLE's last bits for some customers", async () => {
    const orders = readOrders(records, "id_sample", "date", "total_value");
    const plain = await summarise({ kind: "csv", path, sniff: sniffFile(path) }, request, "plain");
    const sums = new Map<string, number>();
    orders.ids.forEach((id, i) => sums.set(id, (sums.get(id) ?? 0) + (orders.amounts[i] as number)));
    expectSame("plain sums", plain.customers!.amount, plain.customers!.ids.map((id) => sums.get(id) as number));
    const core = rfmTable(orders.ids, orders.days, orders.amounts);
    const differing = core.ids.filter((_, i) => plain.customers!.amount[i] !== core.monetary[i]);
    expect(differing.length).toBeGreaterThan(0);
    // Never by more than a few units in the last place: the same amounts, added without compensation.
    core.monetary.forEach((m, i) => expect(Math.abs((plain.customers!.amount[i] as number) - m)).toBeLessThanOrEqual(8 * Number.EPSILON * Math.max(1, Math.abs(m))));
  });
});
