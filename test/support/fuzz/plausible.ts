import fc from "fast-check";
import { toExcelPrecision } from "../../../src/core/shared/rounding";
import { asCell, cell, dateCell, decimal, listRange, Orientation, orientation, Range, rate, rateOrZero, serial } from "./values";

/**
 * Plausible arguments for every registered function: what a sales manager would type, so that the fuzzer
 * reaches the success paths — lists that go together have one length, rates are in (0, 1], options are
 * valid, totals are multiples of their unit, histories hold two seasons. The hostile half of the fuzzer
 * starts from these and breaks one to three arguments (see hostile.ts).
 *
 * Keyed by function id, each entry names its parameters in the order of functions.json: the fuzzer fails
 * on a registered function, or a parameter, that this table does not know, so a new function cannot slip
 * past it.
 */

export type Args = Readonly<Record<string, unknown>>;

export interface FunctionSpec {
  /** Parameter names, in the order of functions.json. */
  readonly parameters: readonly string[];
  /** Arguments by parameter name; an omitted optional argument is `null`, as Excel passes it. */
  readonly plausible: fc.Arbitrary<Args>;
}

const spec = (parameters: readonly string[], plausible: fc.Arbitrary<Args>): FunctionSpec => ({ parameters, plausible });

/** `arb` or an omitted optional argument (`null`), about one time in three. */
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 3 });

const list = <T>(arb: fc.Arbitrary<T>, n: number) => fc.array(arb, { minLength: n, maxLength: n });

/** Blank cells a user's selection may run past the data (trailing rows are not data). */
const padding = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3 }));

/** A list range with `pad` trailing blank cells. */
const paddedList = (values: readonly unknown[], o: Orientation, pad: number): Range => listRange([...values, ...new Array<unknown>(pad).fill(null)], o);

/** Non-negative values, not all 0 (the first is made positive when all are 0). */
const someNonZero = (values: number[]): number[] => (values.every((v) => v === 0) ? [1, ...values.slice(1)] : values);

const count = (max: number) => fc.integer({ min: 0, max });
const money = decimal(0, 1_000_000, 2);
const customerId = fc.oneof(fc.integer({ min: 1001, max: 1008 }), fc.constantFrom("C001", "C002", "C003", "张三", "李四", "王五", "1001", "c-17"));

/** A unit of rounding (null = the default 1) and a total that is a whole number of units. */
const unitAndTotal = fc
  .record({ unit: fc.constantFrom<number | null>(null, 1, 1, 100, 10_000, 0.01, 0.5), units: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: -5_000, max: 1_000_000_000 })) })
  .map(({ unit, units }) => ({ unit, total: toExcelPrecision(units * (unit ?? 1)) }));

const ratesList = fc.record({ rates: fc.array(asCell(rate), { minLength: 1, maxLength: 6 }), o: orientation, pad: padding });

const kpiRatio = (numerator: string, denominator: string, options: { partOfWhole?: boolean; signed?: boolean } = {}) =>
  spec(
    [numerator, denominator],
    fc.record({ a: fc.oneof(count(10_000), money), b: fc.oneof(count(10_000), money), c: fc.oneof(money, count(100)) }).map(({ a, b, c }) => {
      if (options.partOfWhole === true) return { [numerator]: Math.min(a, b), [denominator]: Math.max(a, b) };
      return { [numerator]: options.signed === true ? a - c : a, [denominator]: b };
    }),
  );

/** A seasonal series: level + trend + season pattern + noise, every value above 0. */
const seasonalSeries = (m: number, length: number) =>
  fc
    .record({
      level: decimal(50, 1000, 1),
      trend: decimal(-2, 5, 2),
      pattern: list(decimal(-20, 40, 1), m),
      noise: list(decimal(-5, 5, 2), length),
    })
    .map(({ level, trend, pattern, noise }) => Array.from({ length }, (_, t) => Math.max(1, toExcelPrecision(level + trend * t + (pattern[t % m] as number) + (noise[t] as number)))));

const series = (minLength: number, maxLength: number) => fc.array(decimal(0, 1000, 1), { minLength, maxLength });

const smoothing = optional(fc.oneof(decimal(0, 1, 3), fc.constantFrom(0, 1)));

function cutsFor(method: string | null): fc.Arbitrary<unknown> {
  const name = method?.toLowerCase() ?? "seed";
  if (name === "seed") return fc.constant(null);
  if (name === "custom") {
    const row = fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 5 }).map((cuts) => cuts.sort((a, b) => a - b));
    return fc.tuple(row, row, row).map((rows) => {
      const width = Math.max(...rows.map((r) => r.length));
      return rows.map((r) => [...r, ...new Array<unknown>(width - r.length).fill(null)]);
    });
  }
  return optional(fc.integer({ min: 2, max: 10 }).map(cell));
}

/** A rule table of RFM.SEGMENT: name, r_min, r_max, f_min, f_max, m_min, m_max; sometimes a header row. */
const ruleTable: fc.Arbitrary<unknown> = fc
  .record({
    rules: fc.array(fc.tuple(fc.constantFrom("VIP", "At risk", "新客户", "沉睡客户"), list(fc.integer({ min: 1, max: 5 }), 6)), { minLength: 1, maxLength: 4 }),
    header: fc.boolean(),
  })
  .map(({ rules, header }) => {
    const rows: unknown[][] = rules.map(([name, b]) => [name, Math.min(b[0]!, b[1]!), Math.max(b[0]!, b[1]!), Math.min(b[2]!, b[3]!), Math.max(b[2]!, b[3]!), Math.min(b[4]!, b[5]!), Math.max(b[4]!, b[5]!)]);
    return header ? [["segment", "r_min", "r_max", "f_min", "f_max", "m_min", "m_max"], ...rows] : rows;
  });

/** RFM.SEGMENT's schemes that take a threshold: cn8 (the default) and course. */
function takesThreshold(scheme: unknown): boolean {
  if (scheme === null) return true;
  const name = Array.isArray(scheme) && scheme.length === 1 ? String((scheme[0] as unknown[])[0]).toLowerCase() : "";
  return name === "cn8" || name === "course";
}

/**
 * Customers as CLV.SUMMARY gives them (frequency, recency and T in weeks of whole days, mean repeat spend),
 * drawn from the BG/NBD and Gamma-Gamma models themselves with parameters of the kind real fits give, so
 * that a fit usually finds an interior maximum: a seed drives a linear congruential generator (fast-check
 * replays a case from its seed).
 */
function simulatedCustomers(seed: number, n: number): { x: number[]; recency: number[]; T: number[]; m: number[] } {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  // Gamma(k, 1): Marsaglia and Tsang, boosted below k = 1.
  const gamma = (k: number): number => {
    if (k < 1) return gamma(k + 1) * uniform() ** (1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const [r, alpha, a, b, p, q, v] = [0.3 + 2 * uniform(), 2 + 20 * uniform(), 0.5 + 2 * uniform(), 1 + 4 * uniform(), 2 + 6 * uniform(), 2 + 4 * uniform(), 5 + 30 * uniform()];
  const out = { x: [] as number[], recency: [] as number[], T: [] as number[], m: [] as number[] };
  for (let i = 0; i < n; i++) {
    const ageDays = 1 + Math.floor(uniform() * 365);
    const rate = gamma(r) / alpha;
    const g = gamma(a);
    const dropout = g / (g + gamma(b));
    const spendRate = gamma(q) / v;
    let t = 0;
    let x = 0;
    let lastDay = 0;
    let spend = 0;
    for (;;) {
      t += -Math.log(uniform()) / rate;
      const day = Math.floor(t * 7);
      if (day > ageDays) break;
      if (day > lastDay) {
        x++;
        lastDay = day;
        spend += gamma(p) / spendRate;
      }
      if (uniform() < dropout) break;
    }
    out.x.push(x);
    out.recency.push(x > 0 ? lastDay / 7 : 0);
    out.T.push(ageDays / 7);
    out.m.push(x > 0 ? Math.round((spend / x) * 100) / 100 : 0);
  }
  return out;
}

/** A customer list of CLV.SUMMARY's columns, in one orientation, sometimes padded or as numeric text. */
const clvCustomers = (min: number, max: number) =>
  fc.record({ seed: fc.integer(), n: fc.integer({ min, max }), o: orientation, pad: padding, text: fc.boolean() }).map(({ seed, n, o, pad, text }) => {
    const c = simulatedCustomers(seed, n);
    const shown = (values: number[]) => paddedList(text ? values.map((value, i) => (i % 5 === 0 ? String(value) : value)) : values, o, pad);
    return { frequency: shown(c.x), recency: shown(c.recency), T: shown(c.T), monetary_value: shown(c.m) };
  });

/** r, α, a, b as CLV.FIT returns them, sometimes with the log-likelihood below them. */
const bgnbdParams = fc
  .record({ r: decimal(0.05, 5, 3), alpha: decimal(0.5, 100, 2), a: decimal(0.05, 5, 3), b: decimal(0.1, 20, 2), ll: optional(decimal(-100_000, -1, 2)), o: orientation })
  .map(({ r, alpha, a, b, ll, o }) => listRange(ll === null ? [r, alpha, a, b] : [r, alpha, a, b, ll], o));

/** p, q, v as CLV.SPEND.FIT returns them (q above 1: a finite population mean), sometimes with the log-likelihood. */
const spendParams = fc
  .record({ p: decimal(0.5, 20, 2), q: decimal(1.1, 20, 2), v: decimal(1, 500, 2), ll: optional(decimal(-100_000, -1, 2)), o: orientation })
  .map(({ p, q, v, ll, o }) => listRange(ll === null ? [p, q, v] : [p, q, v, ll], o));

/** CUSTOMER.TAGS' cuts: 3 rows (recency days ×3, frequency ×2, order value ×2), any of them blank. */
const tagCuts: fc.Arbitrary<unknown> = fc
  .record({
    recency: optional(fc.uniqueArray(fc.integer({ min: 0, max: 720 }), { minLength: 3, maxLength: 3 })),
    frequency: optional(fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 2 })),
    orderValue: optional(fc.uniqueArray(fc.integer({ min: 0, max: 20_000 }), { minLength: 2, maxLength: 2 })),
  })
  .map(({ recency, frequency, orderValue }) => {
    const row = (cuts: number[] | null): unknown[] => {
      const sorted = (cuts ?? []).sort((a, b) => a - b);
      return [...sorted, ...new Array<unknown>(3 - sorted.length).fill(null)];
    };
    return [row(recency), row(frequency), row(orderValue)];
  });

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  "RFM.TABLE": spec(
    ["customer_ids", "order_dates", "amounts", "analysis_date", "headers", "window_days"],
    fc
      .record({ n: fc.integer({ min: 1, max: 25 }), o: orientation, pad: padding })
      .chain(({ n, o, pad }) =>
        fc
          .record({
            ids: list(customerId, n),
            dates: list(serial, n),
            forms: list(count(9), n),
            amounts: list(asCell(decimal(-500, 20_000, 2)), n),
            after: optional(fc.tuple(count(400), count(9))),
            headers: fc.constantFrom(null, true, false),
            window: optional(fc.oneof(fc.constantFrom(30, 90, 180, 365, 730), fc.integer({ min: 1, max: 3650 }), fc.constantFrom("365", [[90]]))),
          })
          .map((g) => ({
            customer_ids: paddedList(g.ids, o, pad),
            order_dates: paddedList(
              g.dates.map((d, i) => dateCell(d, g.forms[i] as number)),
              o,
              pad,
            ),
            amounts: paddedList(g.amounts, o, pad),
            analysis_date: g.after === null ? null : dateCell(Math.max(...g.dates) + g.after[0], g.after[1]),
            headers: g.headers,
            window_days: g.window,
          })),
      ),
  ),

  "RFM.SCORE": spec(
    ["recency", "frequency", "monetary", "method", "cuts"],
    fc
      .record({
        n: fc.integer({ min: 1, max: 25 }),
        o: orientation,
        pad: padding,
        method: fc.constantFrom(null, "seed", "custom", "quantile", "rfm-r", "Quantile", "RFM-R"),
      })
      .chain(({ n, o, pad, method }) =>
        fc
          .record({
            recency: list(count(800), n),
            frequency: list(count(40), n),
            monetary: list(asCell(decimal(0, 50_000, 2)), n),
            cuts: cutsFor(method),
          })
          .map((g) => ({
            recency: paddedList(g.recency, o, pad),
            frequency: paddedList(g.frequency, o, pad),
            monetary: paddedList(g.monetary, o, pad),
            method,
            cuts: g.cuts,
          })),
      ),
  ),

  "RFM.SEGMENT": spec(
    ["scores", "scheme", "threshold", "language"],
    fc
      .record({
        scores: fc.array(list(fc.integer({ min: 1, max: 5 }), 3), { minLength: 1, maxLength: 25 }),
        scheme: fc.oneof(fc.constant(null), fc.constantFrom("cn8", "rfm-r", "CN8", "RFM-R", "course", "Course").map(cell), ruleTable),
        threshold: optional(fc.oneof(fc.integer({ min: 1, max: 5 }).map(cell), fc.tuple(orientation, list(decimal(1, 5, 1), 3)).map(([o, t]) => listRange(t, o)))),
        language: fc.constantFrom(null, "zh", "en", "zh-CN", "en-US", "中文", "English"),
      })
      .map((g) => ({ ...g, threshold: takesThreshold(g.scheme) ? g.threshold : null })),
  ),

  "CUSTOMER.TAGS": spec(
    ["recency", "frequency", "monetary", "cuts", "language"],
    fc
      .record({ n: fc.integer({ min: 1, max: 25 }), o: orientation, pad: padding })
      .chain(({ n, o, pad }) =>
        fc
          .record({
            recency: list(count(800), n),
            frequency: list(count(20), n),
            monetary: list(asCell(decimal(0, 50_000, 2)), n),
            cuts: optional(tagCuts),
            language: fc.constantFrom(null, "zh", "en", "zh-CN", "English"),
          })
          .map((g) => ({
            recency: paddedList(g.recency, o, pad),
            frequency: paddedList(g.frequency, o, pad),
            // A customer without orders has spent nothing (RFM.TABLE outside its window).
            monetary: paddedList(g.monetary.map((m, i) => (g.frequency[i] === 0 ? 0 : m)), o, pad),
            cuts: g.cuts,
            language: g.language,
          })),
      ),
  ),

  "FUNNEL.TARGET": spec(
    ["target", "rates"],
    fc.record({ target: fc.oneof(fc.integer({ min: 1, max: 100_000 }), decimal(0.5, 1000, 1)), r: ratesList }).map(({ target, r }) => ({ target, rates: paddedList(r.rates, r.o, r.pad) })),
  ),

  "FUNNEL.PLAN": spec(
    ["target", "rates"],
    fc.record({ target: fc.oneof(fc.integer({ min: 1, max: 100_000 }), decimal(0.5, 1000, 1)), r: ratesList }).map(({ target, r }) => ({ target, rates: paddedList(r.rates, r.o, r.pad) })),
  ),

  "FUNNEL.STAGES": spec(
    ["top", "rates"],
    fc.record({ top: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), decimal(0.5, 1000, 2)), r: ratesList }).map(({ top, r }) => ({ top, rates: paddedList(r.rates, r.o, r.pad) })),
  ),

  "FUNNEL.LEVERS": spec(
    ["top", "rates", "improved"],
    fc
      .record({ top: fc.integer({ min: 1, max: 1_000_000 }), r: ratesList, better: fc.integer({ min: 1, max: 1_000_000 }), o: orientation })
      .chain(({ top, r, better, o }) =>
        list(asCell(rate), r.rates.length).map((improvedRates) => ({
          top,
          rates: paddedList(r.rates, r.o, r.pad),
          improved: listRange([better, ...improvedRates], o),
        })),
      ),
  ),

  "FUNNEL.PYRAMID": spec(
    ["target_revenue", "avg_order", "promotion_rates", "levels"],
    fc
      .record({
        avg: fc.integer({ min: 100, max: 500_000 }),
        times: fc.integer({ min: 1, max: 500 }),
        single: fc.boolean(),
        r: ratesList,
        levels: fc.integer({ min: 2, max: 26 }),
        giveLevels: fc.boolean(),
      })
      .map(({ avg, times, single, r, levels, giveLevels }) => {
        const rates = single ? r.rates.slice(0, 1) : r.rates;
        const levelsArg = single ? (giveLevels ? levels : null) : giveLevels ? rates.length + 1 : null;
        return { target_revenue: avg * times, avg_order: avg, promotion_rates: single && r.pad === 0 ? cell(rates[0]) : paddedList(rates, r.o, r.pad), levels: levelsArg };
      }),
  ),

  // Stage counts going down the funnel: whole people, or monthly averages with decimals; now and then the
  // bottom stages empty (#DIV/0! below a 0) or a count written as text.
  "FUNNEL.RATES": spec(
    ["counts"],
    fc
      .record({
        top: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), decimal(0.5, 5000, 1)),
        shares: fc.array(fc.oneof(decimal(0, 1, 2), fc.constant(1)), { minLength: 1, maxLength: 6 }),
        zeros: fc.integer({ min: 0, max: 2 }),
        whole: fc.boolean(),
        o: orientation,
        pad: padding,
      })
      .map(({ top, shares, zeros, whole, o, pad }) => {
        const counts: number[] = [top];
        for (const share of shares) counts.push(whole ? Math.floor((counts.at(-1) as number) * share) : toExcelPrecision((counts.at(-1) as number) * share));
        const shown = counts.map((c, i) => (i >= counts.length - zeros && i > 0 ? 0 : c)).map((c, i) => (i === 1 && Number.isInteger(c) ? c.toLocaleString("en-US") : c));
        return { counts: paddedList(shown, o, pad) };
      }),
  ),

  // Opportunities whose stages come from the stage table (respelled now and then: case, full width, spaces),
  // one in ten unknown (#N/A in its cell); amounts as numbers or 万 text; probabilities as fractions or "60%";
  // the table with or without a header row.
  "PIPELINE.WEIGHTED": spec(
    ["amounts", "stages", "stage_table"],
    fc
      .record({
        names: fc.uniqueArray(fc.constantFrom("初步接洽", "需求确认", "方案报价", "谈判", "赢单", "Prospecting", "Proposal", "Closed Won"), { minLength: 1, maxLength: 6 }),
        n: fc.integer({ min: 1, max: 25 }),
        header: fc.boolean(),
        o: orientation,
        pad: padding,
      })
      .chain(({ names, n, header, o, pad }) =>
        fc
          .record({
            probabilities: list(asCell(rateOrZero), names.length),
            amounts: list(fc.oneof(money, fc.integer({ min: 1, max: 2000 }).map((k) => `${k / 2}万`)), n),
            picks: list(fc.tuple(fc.nat(names.length - 1), fc.nat(9)), n),
          })
          .map(({ probabilities, amounts, picks }) => {
            const stages = picks.map(([k, how]) => {
              const name = names[k] as string;
              if (how === 0) return "签约中";
              if (how === 1) return `\u3000${name} `;
              if (how === 2) return name.toUpperCase();
              return name;
            });
            const rows = names.map((name, j) => [name, probabilities[j]]);
            return { amounts: paddedList(amounts, o, pad), stages: paddedList(stages, o, pad), stage_table: header ? [["商机阶段", "赢率"], ...rows] : rows };
          }),
      ),
  ),

  "TARGET.SPLIT": spec(
    ["total", "weights", "unit"],
    fc
      .record({
        split: unitAndTotal,
        weights: fc.oneof(
          fc.record({ values: fc.array(fc.oneof(decimal(0, 100, 2), count(1000)), { minLength: 1, maxLength: 20 }), o: orientation, pad: padding }).map(({ values, o, pad }) => paddedList(someNonZero(values), o, pad)),
          fc
            .record({ rows: fc.integer({ min: 2, max: 4 }), columns: fc.integer({ min: 2, max: 4 }) })
            .chain(({ rows, columns }) => list(count(100), rows * columns).map((v) => someNonZero(v)).map((v) => Array.from({ length: rows }, (_, r) => v.slice(r * columns, (r + 1) * columns)))),
        ),
      })
      .map(({ split, weights }) => ({ total: split.total, weights, unit: split.unit })),
  ),

  "TARGET.SEASONAL": spec(
    ["total", "history", "unit", "season_length"],
    fc
      .record({ split: unitAndTotal, m: fc.constantFrom(12, 4, 7, 3), seasons: fc.integer({ min: 1, max: 4 }), block: fc.boolean(), extra: count(11), o: orientation, giveLength: fc.boolean() })
      .chain(({ split, m, seasons, block, extra, o, giveLength }) =>
        seasonalSeries(m, seasons * m + (extra % m)).map((values) => {
          if (block) {
            const rows = Array.from({ length: Math.ceil(values.length / m) }, (_, r) => {
              const row: unknown[] = values.slice(r * m, (r + 1) * m);
              while (row.length < m) row.push(null); // this year's months not in yet
              return row;
            });
            return { total: split.total, history: rows, unit: split.unit, season_length: giveLength || rows.length === 1 ? m : null };
          }
          return { total: split.total, history: listRange(values, o), unit: split.unit, season_length: giveLength || m !== 12 ? m : null };
        }),
      ),
  ),

  "TARGET.TIERS": spec(
    ["standard", "floor_ratio", "challenge_ratio"],
    fc.record({ standard: fc.oneof(money, fc.integer({ min: 0, max: 100_000_000 })), floor_ratio: optional(fc.oneof(rate, fc.constant("90%"))), challenge_ratio: optional(fc.oneof(decimal(1, 10, 2), fc.constant("120%"))) }),
  ),

  "QUOTA.ALLOCATE": spec(
    ["total", "history", "potential", "weights", "capacity", "unit"],
    fc
      .record({ n: fc.integer({ min: 1, max: 12 }), o: orientation, split: unitAndTotal, withPotential: fc.boolean(), blend: optional(list(decimal(0, 1, 2), 3)), capacityKind: fc.constantFrom("none", "one", "each") })
      .chain(({ n, o, split, withPotential, blend, capacityKind }) =>
        fc
          .record({ history: list(money, n), potential: list(money, n), capacity: list(fc.oneof(rateOrZero, fc.constant(1), fc.constant("37.5%")), n), one: rate, wo: orientation })
          .map((g) => {
            let weights: number[] | null = blend;
            if (weights !== null && !withPotential) weights = [weights[0] as number, 0, weights[2] as number];
            if (weights !== null && weights.every((w) => w === 0)) weights = [1, 0, 0];
            const capacity = capacityKind === "none" ? null : capacityKind === "one" ? cell(g.one) : listRange(g.capacity.map((c, i) => (i === 0 ? 1 : c)), o);
            return {
              total: split.total,
              history: listRange(someNonZero(g.history), o),
              potential: withPotential ? listRange(someNonZero(g.potential), o) : null,
              weights: weights === null ? null : listRange(weights, g.wo),
              capacity,
              unit: split.unit,
            };
          }),
      ),
  ),

  "QUOTA.RECONCILE": spec(
    ["total", "commitments", "weights", "unit"],
    fc
      .record({ n: fc.integer({ min: 1, max: 10 }), o: orientation, unit: fc.constantFrom<number | null>(null, 1, 100, 10_000), gap: fc.integer({ min: -10_000, max: 100_000 }) })
      .chain(({ n, o, unit, gap }) =>
        fc.record({ commitments: list(fc.integer({ min: 0, max: 100_000 }).map((k) => k * (unit ?? 1)), n), weights: list(fc.oneof(decimal(0, 10, 1), count(5)), n) }).map((g) => ({
          total: g.commitments.reduce((a, b) => a + b, 0) + gap * (unit ?? 1),
          commitments: listRange(g.commitments, o),
          weights: listRange(someNonZero(g.weights), o),
          unit,
        })),
      ),
  ),

  "TARGET.PACE": spec(
    ["target", "actual", "elapsed", "plan"],
    fc
      .record({ target: decimal(1, 10_000_000, 0), share: decimal(0, 1.5, 3), o: orientation, plan: fc.constantFrom("none", "shares", "amounts"), periods: fc.integer({ min: 1, max: 12 }) })
      .chain(({ target, share, o, plan, periods }) =>
        fc.record({ amounts: list(fc.integer({ min: 1, max: 1000 }), periods), elapsed: decimal(0.01, 1, 2) }).map(({ amounts, elapsed }) => {
          const actual = toExcelPrecision(target * share);
          if (plan === "none") return { target, actual, elapsed, plan: null };
          const sum = amounts.reduce((a, b) => a + b, 0);
          const values = plan === "shares" ? amounts.map((a) => a / sum) : amounts.map((a) => a + 1);
          return { target, actual, elapsed: Math.max(0.01, toExcelPrecision(elapsed * periods)), plan: listRange(values, o) };
        }),
      ),
  ),

  "TARGET.GRID": spec(
    ["row_totals", "column_totals", "weights", "unit"],
    // Margins made from a random plan of whole units, so that they agree; weights as last year's sales.
    fc
      .record({ rows: fc.integer({ min: 1, max: 12 }), columns: fc.integer({ min: 1, max: 12 }), unit: fc.constantFrom<number | null>(null, 1, 100, 10_000, 0.01), ro: orientation, co: orientation, withWeights: fc.boolean() })
      .chain(({ rows, columns, unit, ro, co, withWeights }) =>
        fc.record({ units: list(count(100_000), rows * columns), weights: list(fc.oneof(count(1000), decimal(0, 100, 2)), rows * columns) }).map(({ units, weights }) => {
          const amount = (k: number) => toExcelPrecision(k * (unit ?? 1));
          const rowTotals = Array.from({ length: rows }, (_, i) => amount(units.slice(i * columns, (i + 1) * columns).reduce((a, b) => a + b, 0)));
          const columnTotals = Array.from({ length: columns }, (_, j) => amount(units.reduce((a, u, k) => (k % columns === j ? a + u : a), 0)));
          // A weight above 0 wherever the random plan has an amount, so that some plan fits.
          const w = weights.map((x, k) => ((units[k] as number) > 0 && x === 0 ? 1 : x));
          return {
            row_totals: listRange(rowTotals, ro),
            column_totals: listRange(columnTotals, co),
            weights: withWeights ? Array.from({ length: rows }, (_, i) => w.slice(i * columns, (i + 1) * columns)) : null,
            unit,
          };
        }),
      ),
  ),

  "KPI.CONVERSION": kpiRatio("buyers", "visitors", { partOfWhole: true }),
  "KPI.AOV": kpiRatio("revenue", "orders"),
  "KPI.MARGIN": kpiRatio("profit", "revenue", { signed: true }),
  "KPI.ROI": kpiRatio("return_amount", "cost"),
  "KPI.ROAS": kpiRatio("revenue", "ad_spend"),
  "KPI.CAC": kpiRatio("spend", "new_customers"),
  "KPI.REPURCHASE": kpiRatio("repeat_buyers", "buyers", { partOfWhole: true }),
  "KPI.CHURN": kpiRatio("lost", "customers_at_start", { partOfWhole: true }),
  "KPI.COLLECTION": kpiRatio("collected", "billed"),

  "KPI.CLV": spec(
    ["margin_per_period", "retention", "discount"],
    fc.record({ margin_per_period: decimal(-10_000, 100_000, 2), retention: rateOrZero, discount: optional(fc.oneof(decimal(0.01, 1, 2), fc.constant("10%"))) }),
  ),

  "KPI.SCORE": spec(
    ["actuals", "targets", "weights", "cap", "lower_is_better"],
    fc
      .record({ n: fc.integer({ min: 1, max: 8 }), o: orientation, cap: optional(fc.oneof(decimal(1, 10, 2), fc.constant("120%"))), flags: fc.boolean() })
      .chain(({ n, o, cap, flags }) =>
        fc
          .record({ actuals: list(money, n), targets: list(decimal(1, 1_000_000, 2), n), weights: list(fc.oneof(decimal(0, 1, 2), count(50)), n), lower: list(fc.constantFrom<unknown>(true, false, 1, 0, "TRUE", "false", null), n) })
          .map((g) => ({
            actuals: listRange(g.actuals, o),
            targets: listRange(g.targets, o),
            weights: listRange(someNonZero(g.weights), o),
            cap,
            lower_is_better: flags ? listRange(g.lower, o) : null,
          })),
      ),
  ),

  "COMMISSION.TIERED": spec(
    ["amount", "tiers", "mode"],
    fc
      .record({
        amount: fc.oneof(money, decimal(-1000, 0, 0)),
        bounds: fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 0, maxLength: 4 }),
        rates: list(rateOrZero, 5),
        mode: fc.constantFrom(null, "marginal", "flat", "FLAT"),
      })
      .map(({ amount, bounds, rates, mode }) => ({ amount, tiers: [0, ...bounds.sort((a, b) => a - b)].map((b, i) => [b, rates[i]]), mode })),
  ),

  "FORECAST.MA": spec(
    ["history", "window", "horizon"],
    fc
      .record({ values: series(1, 40), o: orientation, pad: padding, horizon: optional(fc.integer({ min: 1, max: 24 })) })
      .chain(({ values, o, pad, horizon }) => fc.integer({ min: 1, max: values.length }).map((window) => ({ history: paddedList(values, o, pad), window, horizon }))),
  ),

  "FORECAST.SES": spec(
    ["history", "horizon", "alpha"],
    fc.record({ values: series(2, 40), o: orientation, horizon: fc.integer({ min: 1, max: 24 }), alpha: smoothing }).map(({ values, o, horizon, alpha }) => ({ history: listRange(values, o), horizon, alpha })),
  ),

  "FORECAST.HOLT": spec(
    ["history", "horizon", "alpha", "beta"],
    fc.record({ values: series(3, 40), o: orientation, horizon: fc.integer({ min: 1, max: 24 }), alpha: smoothing, beta: smoothing }).map(({ values, o, horizon, alpha, beta }) => ({ history: listRange(values, o), horizon, alpha, beta })),
  ),

  "FORECAST.HW": spec(
    ["history", "horizon", "season_length", "model", "alpha", "beta", "gamma"],
    fc
      .record({ m: fc.integer({ min: 2, max: 12 }), seasons: fc.integer({ min: 2, max: 5 }), o: orientation, horizon: fc.integer({ min: 1, max: 24 }), model: fc.constantFrom(null, "additive", "multiplicative", "Multiplicative"), alpha: smoothing, beta: smoothing, gamma: smoothing })
      .chain(({ m, seasons, o, horizon, model, alpha, beta, gamma }) => seasonalSeries(m, m * seasons).map((values) => ({ history: listRange(values, o), horizon, season_length: m, model, alpha, beta, gamma }))),
  ),

  "FORECAST.HW.PARAMS": spec(
    ["history", "season_length", "model"],
    fc
      .record({ m: fc.integer({ min: 2, max: 12 }), seasons: fc.integer({ min: 2, max: 4 }), o: orientation, model: fc.constantFrom(null, "additive", "multiplicative") })
      .chain(({ m, seasons, o, model }) => seasonalSeries(m, m * seasons).map((values) => ({ history: listRange(values, o), season_length: m, model }))),
  ),

  "FORECAST.INTERVAL": spec(
    ["history", "horizon", "season_length", "model", "level", "alpha", "beta", "gamma"],
    fc
      .record({
        m: fc.integer({ min: 1, max: 12 }),
        seasons: fc.integer({ min: 2, max: 5 }),
        o: orientation,
        horizon: fc.integer({ min: 1, max: 36 }),
        level: optional(fc.constantFrom<unknown>(0.8, 0.95, 0.99, "95%", "80%", 0.5)),
        multiplicative: fc.boolean(),
        alpha: smoothing,
        beta: smoothing,
        gamma: smoothing,
        ses: fc.boolean(),
        holt: fc.constantFrom(null, "holt", "Holt"),
      })
      .chain(({ m, seasons, o, horizon, level, multiplicative, alpha, beta, gamma, ses, holt }) =>
        seasonalSeries(Math.max(m, 2), Math.max(m, 2) * seasons).map((values) => {
          // A season takes a seasonal model (default additive); none takes ses or holt, without gamma (or beta for ses).
          if (m > 1) return { history: listRange(values, o), horizon, season_length: m, model: multiplicative ? "multiplicative" : null, level, alpha, beta, gamma };
          return { history: listRange(values, o), horizon, season_length: null, model: ses ? "ses" : holt, level, alpha, beta: ses ? null : beta, gamma: null };
        }),
      ),
  ),

  "FORECAST.LINEAR": spec(
    ["history", "horizon", "season_length", "level"],
    fc
      .record({ m: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 0, max: 30 }), o: orientation, pad: padding, horizon: fc.integer({ min: 1, max: 36 }), level: optional(fc.constantFrom<unknown>(0.8, 0.95, "90%")), seasonless: fc.boolean() })
      .chain(({ m, extra, o, pad, horizon, level, seasonless }) =>
        seasonalSeries(Math.max(m, 2), m + 2 + extra).map((values) => ({ history: paddedList(values, o, pad), horizon, season_length: seasonless ? null : m, level })),
      ),
  ),

  "FORECAST.BACKTEST": spec(
    ["history", "holdout", "season_length"],
    fc
      .record({ m: fc.integer({ min: 1, max: 12 }), seasons: fc.integer({ min: 1, max: 4 }), o: orientation, pad: padding, seasonless: fc.boolean() })
      .chain(({ m, seasons, o, pad, seasonless }) =>
        seasonalSeries(Math.max(m, 2), Math.max(m, 2) * seasons + 3).chain((values) =>
          fc.integer({ min: 1, max: values.length - 2 }).map((holdout) => ({ history: paddedList(values, o, pad), holdout, season_length: seasonless ? null : m })),
        ),
      ),
  ),

  "CLV.SUMMARY": spec(
    ["customer_ids", "order_dates", "amounts", "analysis_date", "period_days", "headers"],
    fc
      .record({ n: fc.integer({ min: 1, max: 40 }), o: orientation, pad: padding })
      .chain(({ n, o, pad }) =>
        fc
          .record({
            ids: list(customerId, n),
            dates: list(serial, n),
            forms: list(count(9), n),
            amounts: list(asCell(decimal(0.01, 20_000, 2)), n),
            after: optional(fc.tuple(count(400), count(9))),
            period: fc.constantFrom<unknown>(null, null, 7, 1, 30, 3.5, "7"),
            headers: fc.constantFrom(null, true, false),
          })
          .map((g) => ({
            customer_ids: paddedList(g.ids, o, pad),
            order_dates: paddedList(
              g.dates.map((d, i) => dateCell(d, g.forms[i] as number)),
              o,
              pad,
            ),
            amounts: paddedList(g.amounts, o, pad),
            analysis_date: g.after === null ? null : dateCell(Math.max(...g.dates) + g.after[0], g.after[1]),
            period_days: g.period,
            headers: g.headers,
          })),
      ),
  ),

  "CLV.FIT": spec(
    ["frequency", "recency", "T"],
    clvCustomers(60, 120).map(({ frequency, recency, T }) => ({ frequency, recency, T })),
  ),

  "CLV.PURCHASES": spec(
    ["params", "t", "frequency", "recency", "T"],
    fc
      .record({ params: bgnbdParams, t: fc.oneof(fc.integer({ min: 1, max: 104 }), decimal(0.5, 520, 1)), customers: clvCustomers(1, 40) })
      .map(({ params, t, customers: { frequency, recency, T } }) => ({ params, t, frequency, recency, T })),
  ),

  "CLV.ALIVE": spec(
    ["params", "frequency", "recency", "T"],
    fc.record({ params: bgnbdParams, customers: clvCustomers(1, 40) }).map(({ params, customers: { frequency, recency, T } }) => ({ params, frequency, recency, T })),
  ),

  "CLV.SPEND.FIT": spec(
    ["frequency", "monetary_value"],
    clvCustomers(60, 120).map(({ frequency, monetary_value }) => ({ frequency, monetary_value })),
  ),

  "CLV.VALUE": spec(
    ["params", "spend_params", "frequency", "recency", "T", "monetary_value", "months", "discount", "periods_per_month"],
    fc
      .record({
        params: bgnbdParams,
        spend_params: spendParams,
        customers: clvCustomers(1, 30),
        months: optional(fc.integer({ min: 1, max: 60 })),
        discount: optional(fc.oneof(decimal(0, 0.2, 3), fc.constant("1%"))),
        periods_per_month: optional(fc.constantFrom(4.345, 30, 1)),
      })
      .map(({ customers, ...rest }) => ({ ...rest, ...customers })),
  ),

  "FORECAST.ACCURACY": spec(
    ["actual", "forecast", "training", "season_length"],
    fc
      .record({ n: fc.integer({ min: 1, max: 30 }), o: orientation, season: optional(fc.integer({ min: 1, max: 4 })), training: series(5, 30), withTraining: fc.boolean() })
      .chain(({ n, o, season, training, withTraining }) =>
        fc.record({ actual: list(decimal(0, 1000, 1), n), forecast: list(decimal(0, 1000, 1), n) }).map((g) => ({
          actual: listRange(g.actual, o),
          forecast: listRange(g.forecast, o),
          training: withTraining ? listRange(training, o) : null,
          season_length: season,
        })),
      ),
  ),
};
