import fc from "fast-check";
import {
  MAX_BINS,
  quantileCuts,
  rfmRBreaks,
  rfmScore,
  RfmMethod,
  rfmTable,
  SEED_CUTS,
} from "../../../src/core/rfm";
import { serialFromText } from "../../../src/core/shared/excel-date";
import { sortedCopy } from "../../../src/core/shared/quantile";
import { readCsv } from "../../support/fixtures";
import { thrown } from "../../support/core-error";

const codes = (s: ReturnType<typeof rfmScore>): string[] =>
  Array.from(s.recency, (r, i) => `${r}${s.frequency[i]}${s.monetary[i]}`);

describe("RFM scores: the course's worked example (seed table)", () => {
  const example = readCsv("seed/seed_threshold_example.csv");

  it("scores A001–A005 as 555, 322, 445, 433, 533", () => {
    const scores = rfmScore(
      example.map((c) => Number(c.recency_days)),
      example.map((c) => Number(c.frequency)),
      example.map((c) => Number(c.monetary)),
    );
    expect(codes(scores)).toEqual(["555", "322", "445", "433", "533"]);
    expect(codes(scores)).toEqual(example.map((c) => `${c.r_score}${c.f_score}${c.m_score}`));
    expect(scores.maxScore).toEqual({ recency: 5, frequency: 5, monetary: 5 });
  });
});

describe("seed table boundaries", () => {
  const one = (r: number, f: number, m: number) => codes(rfmScore([r], [f], [m]))[0];

  it.each([
    [0, 5],
    [30, 5],
    [30.5, 4],
    [31, 4],
    [90, 4],
    [91, 3],
    [180, 3],
    [181, 2],
    [365, 2],
    [366, 1],
    [4000, 1],
  ])("recency %p days scores %p", (days, score) => {
    expect(one(days, 1, 100)?.[0]).toBe(String(score));
  });

  it.each([
    [0, 1],
    [0.99, 1],
    [1, 2],
    [1.99, 2],
    [2, 3],
    [4.99, 3],
    [5, 4],
    [9.99, 4],
    [10, 5],
    [250, 5],
  ])("frequency %p a year scores %p", (orders, score) => {
    expect(one(10, orders, 100)?.[1]).toBe(String(score));
  });

  it.each([
    [-50, 1],
    [0, 1],
    [99.99, 1],
    [100, 2],
    [499.99, 2],
    [500, 3],
    [1999.99, 3],
    [2000, 4],
    [4999.99, 4],
    [5000, 5],
    [1e9, 5],
  ])("monetary %p a year scores %p", (spend, score) => {
    expect(one(10, 1, spend)?.[2]).toBe(String(score));
  });
});

describe("custom cut points", () => {
  it("are the seed table when given the seed table's cuts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: -100, max: 9000, noNaN: true })), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const r = rows.map((x) => x[0]);
          const f = rows.map((x) => x[1]);
          const m = rows.map((x) => x[2]);
          expect(codes(rfmScore(r, f, m, { method: "custom", cuts: SEED_CUTS }))).toEqual(codes(rfmScore(r, f, m)));
        },
      ),
    );
  });

  it("give k+1 scores for k cut points, per metric", () => {
    const scores = rfmScore([5, 50, 500], [1, 3, 9], [10, 20, 30], {
      method: "custom",
      cuts: { recency: [30, 365], frequency: [3], monetary: [15, 20, 25] },
    });
    expect(Array.from(scores.recency)).toEqual([3, 2, 1]);
    expect(Array.from(scores.frequency)).toEqual([1, 2, 2]);
    expect(Array.from(scores.monetary)).toEqual([1, 3, 4]);
    expect(scores.maxScore).toEqual({ recency: 3, frequency: 2, monetary: 4 });
  });

  it("must rise strictly within each row", () => {
    const error = thrown(() =>
      rfmScore([1], [1], [1], { method: "custom", cuts: { recency: [30, 90], frequency: [1, 2, 2], monetary: [100] } }),
    );
    expect(error.code).toBe("NOT_ASCENDING");
    expect(error.details).toMatchObject({ arg: "cuts", row: 2, column: 3, value: 2, previous: 2 });
  });

  it("need at least one cut point per row", () => {
    const error = thrown(() => rfmScore([1], [1], [1], { method: "custom", cuts: { recency: [30], frequency: [1], monetary: [] } }));
    expect(error.code).toBe("EMPTY");
    expect(error.details).toMatchObject({ arg: "cuts", row: 3 });
  });
});

describe("quantile bands", () => {
  it("cut at PERCENTILE.INC of each metric; a value's band is 1 + the cuts it strictly exceeds", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileCuts(sortedCopy(values), 5)).toEqual([2.8, 4.6, 6.4, 8.2].map((x) => expect.closeTo(x, 12)));
    const scores = rfmScore(values, values, values, { method: "quantile", bins: 5 });
    expect(Array.from(scores.frequency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(scores.recency)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it("skip bands under heavy ties instead of splitting equal values (most customers bought once)", () => {
    const frequency = [...Array(80).fill(1), ...Array(12).fill(2), 3, 3, 4, 5, 6, 8, 9, 12];
    const n = frequency.length;
    const scores = rfmScore(Array(n).fill(10), frequency, Array(n).fill(100), { method: "quantile", bins: 5 });
    const f = Array.from(scores.frequency);
    // Cut points 1, 1, 1, 1 → every one-time buyer shares band 1 and the next value jumps to band 5.
    expect(new Set(f.slice(0, 80))).toEqual(new Set([1]));
    expect(new Set(f.slice(80))).toEqual(new Set([5]));
    // Equal values (all recency 10, all monetary 100) share one band; with no spread that is band 1.
    expect(new Set(scores.recency)).toEqual(new Set([5]));
    expect(new Set(scores.monetary)).toEqual(new Set([1]));
  });

  it("accept 2 to 10 bands, whole numbers only", () => {
    expect(thrown(() => rfmScore([1], [1], [1], { method: "quantile", bins: 1 })).code).toBe("TOO_SMALL");
    expect(thrown(() => rfmScore([1], [1], [1], { method: "quantile", bins: MAX_BINS + 1 })).code).toBe("TOO_LARGE");
    expect(thrown(() => rfmScore([1], [1], [1], { method: "rfm-r", bins: 4.5 })).code).toBe("NOT_INTEGER");
  });
});

describe("rfm-r: compatible with the R package rfm 0.3.0", () => {
  const orders = readCsv("external/rfm_data_orders.csv");
  const table = rfmTable(
    orders.map((o) => o.customer_id as string),
    orders.map((o) => serialFromText(o.order_date as string) as number),
    orders.map((o) => Number(o.revenue)),
    serialFromText("2006-12-31"),
  );
  const scores = rfmScore(table.recency, table.frequency, table.monetary, { method: "rfm-r", bins: 5 });
  const byCustomer = new Map(table.ids.map((id, i) => [id, codes(scores)[i]]));

  it("summarises rfm_data_orders into its 995 customers", () => {
    expect(orders).toHaveLength(4906);
    expect(table.ids).toHaveLength(995);
  });

  it.each([
    ["Abbey O'Reilly", "343"],
    ["Add Senger", "412"],
    ["Aden Lesch", "323"],
    ["Aden Murphy", "544"],
    ["Admiral Senger", "433"],
    ["Agness O'Keefe", "555"],
    ["Aileen Barton", "555"],
    ["Ailene Hermann", "355"],
    ["Aiyanna Bruen", "321"],
    ["Akeelah Walsh", "445"],
  ])("scores %s %s as the R package publishes", (customer, code) => {
    expect(byCustomer.get(customer)).toBe(code);
  });

  it("uses the breaks of the package's example (its custom thresholds are these, rounded)", () => {
    // rfm_table_order(..., recency_bins = c(115, 181, 297, 482), frequency_bins = c(4, 5, 6, 8),
    //                 monetary_bins = c(256, 382, 506, 666)) in the package documentation.
    const round = (xs: number[]) => xs.map((x) => Math.round(x));
    expect(round(rfmRBreaks(sortedCopy(table.recency), 5))).toEqual([115, 181, 297, 482]);
    expect(round(rfmRBreaks(sortedCopy(table.frequency), 5))).toEqual([4, 5, 6, 8]);
    expect(round(rfmRBreaks(sortedCopy(table.monetary), 5))).toEqual([256, 382, 506, 666]);
  });

  it("puts a value just above a fractional cut point in the lower bin, unlike quantile (R adds 1 to the cut)", () => {
    // Recency cut 296.4 (break 297.4): 297 days exceeds the quantile cut but is below R's break.
    const recency = [...table.recency];
    const at297 = recency.indexOf(297);
    expect(at297).toBeGreaterThanOrEqual(0);
    const quantile = rfmScore(table.recency, table.frequency, table.monetary, { method: "quantile", bins: 5 });
    expect(quantile.recency[at297]).toBe(2);
    expect(scores.recency[at297]).toBe(3);
  });

  it("equals quantile whenever every cut point is a whole number", () => {
    // R's probabilities are k·(1/bins) (seq()), which can exceed k/bins in the last bit and then
    // interpolate a hair above a data value: such breaks are not whole numbers and R's bins differ.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 2, max: 10 }), (values, bins) => {
        const sorted = sortedCopy(values);
        const cuts = quantileCuts(sorted, bins);
        const breaks = rfmRBreaks(sorted, bins);
        fc.pre(cuts.every((cut, k) => Number.isInteger(cut) && breaks[k] === cut + 1));
        const q = rfmScore(values, values, values, { method: "quantile", bins });
        const r = rfmScore(values, values, values, { method: "rfm-r", bins });
        expect(codes(r)).toEqual(codes(q));
      }),
    );
  });
});

describe("score invariants (all methods)", () => {
  const methods: RfmMethod[] = [
    { method: "seed" },
    { method: "custom", cuts: { recency: [7, 60], frequency: [2, 4, 8], monetary: [0, 1000] } },
    { method: "quantile", bins: 5 },
    { method: "quantile", bins: 3 },
    { method: "rfm-r", bins: 5 },
    { method: "rfm-r", bins: 10 },
  ];
  const customer = fc.tuple(
    fc.integer({ min: 0, max: 2000 }),
    fc.integer({ min: 0, max: 50 }),
    fc.double({ min: -500, max: 1e6, noNaN: true }),
  );
  const data = fc.array(customer, { minLength: 1, maxLength: 80 });
  const split = (rows: [number, number, number][]) => [rows.map((x) => x[0]), rows.map((x) => x[1]), rows.map((x) => x[2])] as const;

  it.each(methods.map((m) => [JSON.stringify(m), m] as const))("%s: every score is in 1..max", (_, method) => {
    fc.assert(
      fc.property(data, (rows) => {
        const [r, f, m] = split(rows);
        const s = rfmScore(r, f, m, method);
        for (const [scores, max] of [[s.recency, s.maxScore.recency], [s.frequency, s.maxScore.frequency], [s.monetary, s.maxScore.monetary]] as const) {
          for (const score of scores) {
            expect(Number.isInteger(score)).toBe(true);
            expect(score).toBeGreaterThanOrEqual(1);
            expect(score).toBeLessThanOrEqual(max);
          }
        }
      }),
    );
  });

  it.each(methods.map((m) => [JSON.stringify(m), m] as const))("%s: equal inputs score equally; better never scores lower", (_, method) => {
    fc.assert(
      fc.property(data, (rows) => {
        const [r, f, m] = split(rows);
        const s = rfmScore(r, f, m, method);
        for (let i = 0; i < rows.length; i++) {
          for (let j = 0; j < rows.length; j++) {
            // More recent (fewer days), more frequent, more spend never scores lower.
            if ((r[i] as number) <= (r[j] as number)) expect(s.recency[i]).toBeGreaterThanOrEqual(s.recency[j] as number);
            if ((f[i] as number) >= (f[j] as number)) expect(s.frequency[i]).toBeGreaterThanOrEqual(s.frequency[j] as number);
            if ((m[i] as number) >= (m[j] as number)) expect(s.monetary[i]).toBeGreaterThanOrEqual(s.monetary[j] as number);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("RFM score errors", () => {
  it("rejects lists of different lengths", () => {
    const error = thrown(() => rfmScore([1, 2], [1], [1, 2]));
    expect(error.code).toBe("LENGTH_MISMATCH");
    expect(error.details).toMatchObject({ arg: "frequency", length: 1, otherArg: "recency", otherLength: 2 });
  });

  it("rejects an empty list", () => {
    expect(thrown(() => rfmScore([], [], [])).code).toBe("EMPTY");
  });

  it("rejects a negative recency (an order after the analysis date) and names its position", () => {
    const error = thrown(() => rfmScore([3, -1], [1, 1], [1, 1]));
    expect(error).toMatchObject({ code: "TOO_SMALL", kind: "value" });
    expect(error.details).toMatchObject({ arg: "recency", index: 1, value: -1, min: 0 });
  });

  it("rejects a negative order count but accepts negative spend (refunds)", () => {
    expect(thrown(() => rfmScore([3], [-2], [1])).details).toMatchObject({ arg: "frequency", index: 0 });
    expect(codes(rfmScore([3], [1], [-250]))).toEqual(["521"]);
  });
});

describe("rfm-r floating-point fidelity", () => {
  it("reproduces R's seq() probabilities: 6·(1/10) lands a hair above 0.6 and lifts the break above 37", () => {
    const values = [37, 37, 37, 0, 37, 0, 0, 36, 0, 0, 0];
    const sorted = sortedCopy(values);
    expect(6 * (1 / 10)).toBeGreaterThan(0.6);
    expect(quantileCuts(sorted, 10)[5]).toBe(36);
    expect(rfmRBreaks(sorted, 10)[5]).toBeGreaterThan(37);
    const r = rfmScore(values, values, values, { method: "rfm-r", bins: 10 });
    const q = rfmScore(values, values, values, { method: "quantile", bins: 10 });
    expect(r.frequency[0]).toBe(6);
    expect(q.frequency[0]).toBe(7);
  });
});
