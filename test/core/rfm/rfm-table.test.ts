import fc from "fast-check";
import { customerKey, rfmTable } from "../../../src/core/rfm";
import { serialFromText } from "../../../src/core/shared/excel-date";
import { readCsv } from "../../support/fixtures";
import { thrown } from "../../support/core-error";

const day = (iso: string) => serialFromText(iso) as number;

describe("RFM table from order rows", () => {
  const ids = Object.freeze(["A001", "A002", "A001", "A003", "A002", "A001"]);
  const dates = Object.freeze([day("2024-01-05"), day("2024-02-10"), day("2024-03-01"), day("2024-03-20"), day("2023-12-01"), day("2024-02-01")]);
  const amounts = Object.freeze([100, 250.5, 80, 1200, -50.5, 20]);

  it("gives one row per customer in order of first appearance", () => {
    const table = rfmTable(ids, dates, amounts, day("2024-03-31"));
    expect(table.ids).toEqual(["A001", "A002", "A003"]);
    expect(Array.from(table.recency)).toEqual([30, 50, 11]);
    expect(Array.from(table.frequency)).toEqual([3, 2, 1]);
    expect(Array.from(table.monetary)).toEqual([200, 200, 1200]);
  });

  it("measures recency to the latest order date when no analysis date is given", () => {
    const table = rfmTable(ids, dates, amounts);
    expect(table.analysisDate).toBe(day("2024-03-20"));
    expect(Array.from(table.recency)).toEqual([19, 39, 0]);
  });

  it("counts whole days and ignores the time of day", () => {
    const table = rfmTable(["x", "y"], [day("2024-03-30") + 0.9, day("2024-03-31") + 0.1], [1, 1], day("2024-03-31") + 0.5);
    expect(Array.from(table.recency)).toEqual([1, 0]);
  });

  it("treats a number and its plain text as one customer, and nothing else", () => {
    const table = rfmTable([1001, "1001", "001001", "A1", "a1", 2.5, "2.5", " 1001"], Array(8).fill(day("2024-01-01")), Array(8).fill(1));
    expect(table.ids).toEqual([1001, "001001", "A1", "a1", 2.5, " 1001"]);
    expect(Array.from(table.frequency)).toEqual([2, 1, 1, 1, 2, 1]);
    expect(customerKey("1e3")).toBe("1e3");
    expect(customerKey("-7")).toBe(-7);
  });

  it("sums a million cents without drift (compensated summation)", () => {
    const n = 1_000_000;
    const table = rfmTable(Array(n).fill("c"), new Float64Array(n).fill(day("2024-01-01")), new Float64Array(n).fill(0.01));
    expect(table.monetary[0]).toBe(10000);
    let naive = 0;
    for (let i = 0; i < n; i++) naive += 0.01;
    expect(naive).not.toBe(10000); // what plain summation would have shown
  });

  it("agrees with a straightforward group-by on random orders", () => {
    const order = fc.tuple(fc.constantFrom("a", "b", "c", "d", 7, "7", 8), fc.integer({ min: 40000, max: 40400 }), fc.integer({ min: -100, max: 1000 }));
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 100 }), fc.integer({ min: 40400, max: 40500 }), (orders, analysis) => {
        const table = rfmTable(orders.map((o) => o[0]), orders.map((o) => o[1]), orders.map((o) => o[2]), analysis);
        const expected = new Map<string, { last: number; count: number; sum: number }>();
        for (const [id, date, amount] of orders) {
          const key = String(id);
          const entry = expected.get(key) ?? { last: -Infinity, count: 0, sum: 0 };
          expected.set(key, { last: Math.max(entry.last, date), count: entry.count + 1, sum: entry.sum + amount });
        }
        expect(table.ids.map(String)).toEqual([...expected.keys()]);
        table.ids.forEach((id, c) => {
          const e = expected.get(String(id))!;
          expect(table.recency[c]).toBe(analysis - e.last);
          expect(table.frequency[c]).toBe(e.count);
          expect(table.monetary[c]).toBe(e.sum);
        });
      }),
    );
  });

  it("summarises the CDNOW sample into its 2,357 customers", () => {
    const rows = readCsv("external/cdnow_sample_transactions.csv");
    const date = (yyyymmdd: string) => day(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}`);
    const table = rfmTable(rows.map((r) => Number(r.id_sample)), rows.map((r) => date(r.date as string)), rows.map((r) => Number(r.total_value)));
    expect(table.ids).toHaveLength(2357);
    expect(Array.from(table.frequency).reduce((a, b) => a + b, 0)).toBe(rows.length);
  });
});

describe("RFM table errors", () => {
  it("rejects an order dated after the analysis date, naming its position", () => {
    const error = thrown(() => rfmTable(["a", "b", "c"], [day("2024-01-01"), day("2024-04-02"), day("2024-01-01")], [1, 1, 1], day("2024-03-31")));
    expect(error.code).toBe("ORDER_AFTER_ANALYSIS");
    expect(error.details).toMatchObject({ arg: "order_dates", index: 1, date: day("2024-04-02"), analysisDate: day("2024-03-31") });
  });

  it("accepts an order later on the analysis day itself", () => {
    expect(Array.from(rfmTable(["a"], [day("2024-03-31") + 0.8], [1], day("2024-03-31")).recency)).toEqual([0]);
  });

  it("rejects lists of different lengths and empty input", () => {
    expect(thrown(() => rfmTable(["a", "b"], [1], [1, 2])).details).toMatchObject({ arg: "order_dates", length: 1, otherLength: 2 });
    expect(thrown(() => rfmTable(["a"], [1], [1, 2])).details).toMatchObject({ arg: "amounts", length: 2, otherLength: 1 });
    expect(thrown(() => rfmTable([], [], [])).code).toBe("EMPTY");
  });
});

describe("RFM table over a window of the last days", () => {
  const analysis = day("2024-12-31");
  // A: orders on 2024-01-01 (365 days before the analysis day) and 2024-01-02 (364 days before);
  // B: only 2023 orders; C: one order on the analysis day.
  const ids = Object.freeze(["A", "B", "A", "B", "C"]);
  const dates = Object.freeze([day("2024-01-01"), day("2023-06-30"), day("2024-01-02"), day("2023-11-15") + 0.75, analysis + 0.5]);
  const amounts = Object.freeze([100, 40, 250, 60, 9.99]);

  it("counts orders and amounts of the last window_days days only; recency still from the last order ever", () => {
    const table = rfmTable(ids, dates, amounts, analysis, 365);
    expect(table.ids).toEqual(["A", "B", "C"]);
    expect(Array.from(table.recency)).toEqual([364, 412, 0]);
    // 2024-01-01 is exactly 365 days before 2024-12-31: out of the window; 2024-01-02 is in.
    expect(Array.from(table.frequency)).toEqual([1, 0, 1]);
    expect(Array.from(table.monetary)).toEqual([250, 0, 9.99]);
  });

  it("keeps a customer whose orders are all older than the window, with frequency 0 and monetary 0", () => {
    const table = rfmTable(ids, dates, amounts, analysis, 30);
    expect(table.ids).toEqual(["A", "B", "C"]);
    expect(Array.from(table.frequency)).toEqual([0, 0, 1]);
    expect(Array.from(table.monetary)).toEqual([0, 0, 9.99]);
    expect(Array.from(table.recency)).toEqual([364, 412, 0]);
    expect(Object.is(table.monetary[0], 0)).toBe(true); // not -0
  });

  it("moves the boundary one day with the window: 366 days takes in the order 365 days back", () => {
    expect(Array.from(rfmTable(ids, dates, amounts, analysis, 366).frequency)).toEqual([2, 0, 1]);
    expect(Array.from(rfmTable(ids, dates, amounts, analysis, 365).frequency)).toEqual([1, 0, 1]);
  });

  it("counts the analysis day alone with a window of 1 day, the time of day ignored", () => {
    const table = rfmTable(["x", "x", "y"], [analysis - 1 + 0.99, analysis + 0.01, analysis - 1], [5, 7, 3], analysis + 0.5, 1);
    expect(Array.from(table.frequency)).toEqual([1, 0]);
    expect(Array.from(table.monetary)).toEqual([7, 0]);
    expect(Array.from(table.recency)).toEqual([0, 1]);
  });

  it("measures the window back from the latest order when no analysis date is given", () => {
    const table = rfmTable(ids, dates, amounts, undefined, 365);
    expect(table.analysisDate).toBe(analysis + 0.5);
    expect(Array.from(table.frequency)).toEqual([1, 0, 1]);
  });

  it("equals the table without a window once the window reaches back past the first order", () => {
    const all = rfmTable(ids, dates, amounts, analysis);
    const wide = rfmTable(ids, dates, amounts, analysis, 10_000);
    expect(wide).toEqual(all);
  });

  it("agrees with filtering the orders by hand, on random orders and windows", () => {
    const order = fc.tuple(fc.constantFrom("a", "b", "c", 7, "7"), fc.integer({ min: 40000, max: 40400 }), fc.integer({ min: -100, max: 1000 }));
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 450 }), (orders, window) => {
        const analysis = 40400;
        const table = rfmTable(orders.map((o) => o[0]), orders.map((o) => o[1]), orders.map((o) => o[2]), analysis, window);
        const all = rfmTable(orders.map((o) => o[0]), orders.map((o) => o[1]), orders.map((o) => o[2]), analysis);
        expect(table.ids).toEqual(all.ids);
        expect(table.recency).toEqual(all.recency);
        table.ids.forEach((id, c) => {
          const mine = orders.filter((o) => customerKey(o[0]) === customerKey(id) && o[1] > analysis - window);
          expect(table.frequency[c]).toBe(mine.length);
          expect(table.monetary[c]).toBe(mine.reduce((s, o) => s + o[2], 0));
        });
      }),
    );
  });
});

describe("RFM table window errors", () => {
  it.each([
    [0, "TOO_SMALL", { min: 1 }],
    [-30, "TOO_SMALL", { min: 1 }],
    [30.5, "NOT_INTEGER", {}],
    [36_526, "TOO_LARGE", { max: 36_525 }],
  ])("rejects a window of %p days", (window, code, details) => {
    const error = thrown(() => rfmTable(["a"], [day("2024-01-01")], [1], undefined, window));
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ arg: "window_days", value: window, ...details });
  });

  it("takes the longest window, 100 years", () => {
    expect(Array.from(rfmTable(["a"], [day("1950-01-01")], [1], day("2024-01-01"), 36_525).frequency)).toEqual([1]);
  });
});
