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
