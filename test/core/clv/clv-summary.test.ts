import fc from "fast-check";
import { clvSummary } from "../../../src/core/clv";
import { serialFromText } from "../../../src/core/shared/excel-date";
import { CDNOW_END, cdnowSerial, cdnowSummary } from "../../support/cdnow";
import { thrown } from "../../support/core-error";
import { readCsv } from "../../support/fixtures";

const day = (iso: string) => serialFromText(iso) as number;

describe("CLV summary: lifetimes' own unit test (period 1 day)", () => {
  // lifetimes 0.11 tests/test_utils.py: `summary_data_from_transaction_data(…, observation_period_end=today)`
  // with today = '2015-02-07', the day after the last order.
  const input = readCsv("external/lifetimes_summary_unit_input.csv");
  const expected = readCsv("external/lifetimes_summary_unit_expected.csv");
  const ids = input.map((r) => r.id as string);
  const dates = input.map((r) => day(r.date as string));
  const amounts = input.map((r) => Number(r.monetary_value));
  const summary = clvSummary(ids, dates, amounts, day("2015-02-07"), 1);

  it("gives lifetimes' frequency, recency, T and monetary value for every customer, exactly", () => {
    expect(summary.ids).toEqual(expected.map((r) => r.id));
    expect(Array.from(summary.frequency)).toEqual(expected.map((r) => Number(r.frequency)));
    expect(Array.from(summary.recency)).toEqual(expected.map((r) => Number(r.recency)));
    expect(Array.from(summary.T)).toEqual(expected.map((r) => Number(r.T)));
    expect(Array.from(summary.monetaryValue)).toEqual(expected.map((r) => Number(r.monetary_value)));
  });

  it("takes the latest order date as the analysis date when none is given: every T one day shorter", () => {
    const latest = clvSummary(ids, dates, amounts, undefined, 1);
    expect(latest.analysisDate).toBe(day("2015-02-06"));
    expect(Array.from(latest.T)).toEqual(expected.map((r) => Number(r.T) - 1));
    expect(Array.from(latest.recency)).toEqual(Array.from(summary.recency));
  });
});

describe("CLV summary of the CDNOW sample (weeks, observation end 1997-09-30)", () => {
  const rows = readCsv("external/cdnow_sample_transactions.csv");
  const serial = cdnowSerial;
  const end = CDNOW_END;
  const calibration = rows.filter((r) => serial(r.date as string) <= end);
  const summary = cdnowSummary();
  const at = (id: string) => summary.ids.indexOf(id);
  const sum = (values: ArrayLike<number>) => Array.from(values).reduce((s, v) => s + v, 0);

  it("has 2,357 customers, 946 with repeat purchases and 1,411 without, 2,457 repeat purchases in all", () => {
    expect(rows).toHaveLength(6919);
    expect(summary.ids).toHaveLength(2357);
    expect(Array.from(summary.frequency).filter((x) => x > 0)).toHaveLength(946);
    expect(Array.from(summary.frequency).filter((x) => x === 0)).toHaveLength(1411);
    expect(sum(summary.frequency)).toBe(2457);
  });

  it("derives customer 1's figures as one would by hand from the raw rows", () => {
    // Rows of customer 1 up to the end: 1997-01-01 29.33, 1997-01-18 29.73, 1997-08-02 14.96 (1997-12-12 is later).
    const own = calibration.filter((r) => r.id_sample === "1");
    expect(own.map((r) => r.date)).toEqual(["19970101", "19970118", "19970802"]);
    const days = (a: string, b: string) => (Date.UTC(+b.slice(0, 4), +b.slice(4, 6) - 1, +b.slice(6, 8)) - Date.UTC(+a.slice(0, 4), +a.slice(4, 6) - 1, +a.slice(6, 8))) / 86_400_000;
    const i = at("1");
    expect(summary.frequency[i]).toBe(2);
    expect(summary.recency[i]).toBe(days("19970101", "19970802") / 7); // 213/7 = 30.43 weeks
    expect(summary.T[i]).toBe(days("19970101", "19970930") / 7); // 272/7 = 38.86 weeks
    expect(summary.monetaryValue[i]).toBe((Number(own[1]!.total_value) + Number(own[2]!.total_value)) / 2);
  });

  it("agrees with lifetimes' published CDNOW summary (2 decimals) customer by customer", () => {
    // lifetimes/datasets/cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar.
    const published = [
      ["1", 2, 30.43, 38.86, 22.35],
      ["2", 1, 1.71, 38.86, 11.77],
      ["6", 7, 29.43, 38.86, 73.74],
      ["157", 29, 37.71, 38.0, 26.26],
      ["325", 25, 27.29, 36.86, 37.21],
      ["509", 18, 35.14, 35.86, 78.63],
      ["2354", 5, 24.29, 27.0, 44.93],
      ["2357", 0, 0, 27.0, 0],
    ] as const;
    for (const [id, x, tx, T, zbar] of published) {
      const i = at(id);
      expect(summary.frequency[i]).toBe(x);
      expect(Math.abs(summary.recency[i]! - tx)).toBeLessThan(0.005 + 1e-12);
      expect(Math.abs(summary.T[i]! - T)).toBeLessThan(0.005 + 1e-12);
      expect(Math.abs(summary.monetaryValue[i]! - zbar)).toBeLessThan(0.005 + 1e-12);
    }
  });

  it("lists customers in order of first appearance", () => {
    const firstSeen: string[] = [];
    for (const r of calibration) if (!firstSeen.includes(r.id_sample as string)) firstSeen.push(r.id_sample as string);
    expect(summary.ids).toEqual(firstSeen);
  });

  it("refuses orders after the analysis date, naming the first such row", () => {
    const error = thrown(() =>
      clvSummary(
        rows.map((r) => r.id_sample as string),
        rows.map((r) => serial(r.date as string)),
        rows.map((r) => Number(r.total_value)),
        end,
      ),
    );
    expect(error.code).toBe("ORDER_AFTER_ANALYSIS");
    expect(error.details).toMatchObject({ arg: "order_dates", index: 3, date: serial("19971212"), analysisDate: end });
  });
});

describe("CLV summary rules", () => {
  it("counts several orders on one day as one purchase, amounts summed, the time of day ignored", () => {
    const s = clvSummary(
      ["a", "a", "a", "a"],
      [day("2024-01-01") + 0.3, day("2024-01-08") + 0.1, day("2024-01-08") + 0.9, day("2024-01-15")],
      [10, 20, 5, 40],
      day("2024-01-29") + 0.5,
    );
    expect(Array.from(s.frequency)).toEqual([2]);
    expect(Array.from(s.recency)).toEqual([2]);
    expect(Array.from(s.T)).toEqual([4]);
    expect(Array.from(s.monetaryValue)).toEqual([(25 + 40) / 2]);
  });

  it("leaves out the whole first day's spend, whichever row comes first, and gives 0 without repeat purchases", () => {
    const s = clvSummary(["a", "b", "a", "a"], [day("2024-03-01"), day("2024-03-05"), day("2024-02-01"), day("2024-02-01")], [30, 99, 7, 3], undefined, 1);
    expect(s.ids).toEqual(["a", "b"]);
    expect(Array.from(s.frequency)).toEqual([1, 0]);
    expect(Array.from(s.recency)).toEqual([29, 0]);
    expect(Array.from(s.T)).toEqual([33, 0]);
    expect(Array.from(s.monetaryValue)).toEqual([30, 0]);
  });

  it("treats a number and its plain text as one customer", () => {
    const s = clvSummary([1001, "1001", "A1"], [day("2024-01-01"), day("2024-01-02"), day("2024-01-02")], [1, 2, 3]);
    expect(s.ids).toEqual([1001, "A1"]);
    expect(Array.from(s.frequency)).toEqual([1, 0]);
  });

  it("gives the same figures for rows in any order (a straightforward group-by agrees)", () => {
    const order = fc.record({ id: fc.integer({ min: 0, max: 6 }), day: fc.integer({ min: 0, max: 40 }), cents: fc.integer({ min: 1, max: 100_000 }) });
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 14 }), (orders, period) => {
        const start = day("2024-01-01");
        const s = clvSummary(orders.map((o) => `c${o.id}`), orders.map((o) => start + o.day), orders.map((o) => o.cents / 100), start + 45, period);
        const byCustomer = new Map<string, Map<number, number>>();
        for (const o of orders) {
          const days = byCustomer.get(`c${o.id}`) ?? new Map<number, number>();
          days.set(o.day, (days.get(o.day) ?? 0) + o.cents);
          byCustomer.set(`c${o.id}`, days);
        }
        expect(s.ids).toEqual([...byCustomer.keys()]);
        [...byCustomer.values()].forEach((days, i) => {
          const sorted = [...days.keys()].sort((a, b) => a - b);
          const x = sorted.length - 1;
          expect(s.frequency[i]).toBe(x);
          expect(s.recency[i]).toBe((sorted[x]! - sorted[0]!) / period);
          expect(s.T[i]).toBe((45 - sorted[0]!) / period);
          const repeatCents = sorted.slice(1).reduce((sum, d) => sum + days.get(d)!, 0);
          expect(Math.abs(s.monetaryValue[i]! - (x > 0 ? repeatCents / 100 / x : 0))).toBeLessThanOrEqual(1e-12 * Math.max(1, s.monetaryValue[i]!));
          expect(s.recency[i]).toBeLessThanOrEqual(s.T[i]!);
        });
      }),
    );
  });

  it("checks its input: parallel lists, not empty, a positive period", () => {
    expect(thrown(() => clvSummary(["a"], [1, 2], [1])).code).toBe("LENGTH_MISMATCH");
    expect(thrown(() => clvSummary(["a"], [1], [])).details).toMatchObject({ arg: "amounts" });
    expect(thrown(() => clvSummary([], [], [])).code).toBe("EMPTY");
    expect(thrown(() => clvSummary(["a"], [45000], [1], undefined, 0)).details).toMatchObject({ arg: "period_days", exclusive: true });
  });
});
