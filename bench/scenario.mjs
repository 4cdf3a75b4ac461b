// One benchmark scenario in its own process, so that its peak memory is its own.
// Usage: node --expose-gc bench/scenario.mjs <scenario> <rows>
// Prints one JSON line: { scenario, rows, coldMs, warmMs: [...], outputRows, peakRssMb, heapUsedMb }, and
// for RFM.TABLE also baselineMs: [...], a bare Map group-by over the same arrays timed between the calls.
import { readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";

const [scenario, rowsArg] = process.argv.slice(2);
const ROWS = Number(rowsArg);
// Three warm calls; five where a baseline is compared, whose ratio is the figure that matters.
const warmRuns = () => (baseline === undefined ? 3 : 5);

// The functions runtime's globals, then the production bundle, exactly as Excel loads it.
const associated = new Map();
class ExcelError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}
globalThis.CustomFunctions = { Error: ExcelError, associate: (id, fn) => associated.set(id, fn) };
globalThis.Office = { context: { displayLanguage: "zh-CN" } };
globalThis.self = globalThis;
globalThis.window = globalThis;
// BENCH_BUNDLE points at another build (e.g. a development build, for readable profiles).
const bundle = process.env.BENCH_BUNDLE ?? new URL("../dist/functions.js", import.meta.url).pathname;
runInThisContext(readFileSync(bundle, "utf8"), { filename: bundle });

// Deterministic data (a linear congruential generator), shaped as Excel passes ranges: rows of cells.
let seed = 20261122;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
/** yyyy-mm-dd of an Excel serial (after 1900-03-01). */
const isoDate = (serial) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
const column = (n, make) => {
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = [make(i)];
  return out;
};
/**
 * `count` monthly series of `months` values each (trend + yearly season + noise, two decimals), as a
 * sheet of product histories side by side would pass them: one column of cells per series.
 */
function monthlySeries(count, months) {
  const histories = [];
  for (let k = 0; k < count; k++) {
    const base = 100 + random() * 900;
    const slope = (random() - 0.3) * 5;
    const amplitude = base * (0.05 + random() * 0.3);
    histories.push(column(months, (t) => Math.round((base + slope * t + amplitude * Math.sin((2 * Math.PI * t) / 12) + (random() - 0.5) * base * 0.1) * 100) / 100));
  }
  return histories;
}

/**
 * What RFM.TABLE is measured against: the least work any group-by of these rows can do — one Map lookup
 * per row on the id as Excel passes it, the latest date, count and plain sum per customer in growing
 * arrays. No checks, no date or number parsing, no compensated sum, no result rows.
 */
function mapGroupBy(ids, dates, amounts) {
  const slotOf = new Map();
  const last = [];
  const count = [];
  const sum = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i][0];
    const date = dates[i][0];
    const amount = amounts[i][0];
    const slot = slotOf.get(id);
    if (slot === undefined) {
      slotOf.set(id, count.length);
      last.push(date);
      count.push(1);
      sum.push(amount);
    } else {
      if (date > last[slot]) last[slot] = date;
      count[slot]++;
      sum[slot] += amount;
    }
  }
  return count;
}

let baseline;

function build() {
  switch (scenario) {
    case "RFM.TABLE":
    case "RFM.TABLE window": {
      const customers = 200_000;
      const ids = column(ROWS, () => `C${String(Math.floor(random() * customers)).padStart(6, "0")}`);
      const dates = column(ROWS, () => 44927 + Math.floor(random() * 1095)); // 2023-01-01 + 3 years
      const amounts = column(ROWS, () => Math.round(random() * 200000) / 100);
      baseline = () => mapGroupBy(ids, dates, amounts);
      const window = scenario === "RFM.TABLE window" ? 365 : null;
      return () => associated.get("RFM.TABLE")(ids, dates, amounts, null, null, window);
    }
    case "CUSTOMER.TAGS": {
      const recency = column(ROWS, () => Math.floor(random() * 1095));
      const frequency = column(ROWS, () => (random() < 0.1 ? 0 : 1 + Math.floor(-Math.log(1 - random()) * 3)));
      const monetary = column(ROWS, (i) => (frequency[i][0] === 0 ? 0 : Math.round(random() * 1e6) / 100));
      return () => associated.get("CUSTOMER.TAGS")(recency, frequency, monetary, null, null);
    }
    case "RFM.TABLE text": {
      // The same orders exported as text: ISO dates and grouped amounts ("2024-03-15", "1,234.50").
      const customers = 200_000;
      const ids = column(ROWS, () => `C${String(Math.floor(random() * customers)).padStart(6, "0")}`);
      const dates = column(ROWS, () => isoDate(44927 + Math.floor(random() * 1095)));
      const amounts = column(ROWS, () => (Math.round(random() * 200000) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 }));
      return () => associated.get("RFM.TABLE")(ids, dates, amounts, null, null);
    }
    case "RFM.TABLE 中文": {
      // As a Chinese system exports them: "2024年3月15日" dates, "¥1,234.50" / "1.2万" / "1234.5元" amounts.
      const customers = 200_000;
      const ids = column(ROWS, () => `客户${String(Math.floor(random() * customers)).padStart(6, "0")}`);
      const dates = column(ROWS, () => {
        const [y, m, d] = isoDate(44927 + Math.floor(random() * 1095)).split("-").map(Number);
        return `${y}年${m}月${d}日`;
      });
      const amounts = column(ROWS, (i) => {
        const yuan = Math.round(random() * 200000) / 100;
        return i % 3 === 0 ? `¥${yuan.toLocaleString("en-US")}` : i % 3 === 1 ? `${(yuan / 10000).toFixed(4)}万` : `${yuan}元`;
      });
      return () => associated.get("RFM.TABLE")(ids, dates, amounts, null, null);
    }
    case "RFM.SCORE quantile":
    case "RFM.SCORE seed":
    case "RFM.SCORE rfm-r": {
      const recency = column(ROWS, () => Math.floor(random() * 1095));
      const frequency = column(ROWS, () => 1 + Math.floor(-Math.log(1 - random()) * 3)); // heavy ties at 1
      const monetary = column(ROWS, () => Math.round(random() * 1e6) / 100);
      const method = scenario.split(" ")[1];
      return () => associated.get("RFM.SCORE")(recency, frequency, monetary, method, null);
    }
    case "RFM.SEGMENT cn8":
    case "RFM.SEGMENT rfm-r": {
      const scores = new Array(ROWS);
      for (let i = 0; i < ROWS; i++) scores[i] = [1 + Math.floor(random() * 5), 1 + Math.floor(random() * 5), 1 + Math.floor(random() * 5)];
      const scheme = [[scenario.split(" ")[1]]];
      return () => associated.get("RFM.SEGMENT")(scores, scheme, null, null);
    }
    case "FORECAST.HW fit": {
      // 1,000 monthly series of 36 months (trend + season + noise), all three parameters fitted: one
      // FORECAST.HW call per series, as a sheet with a forecast beside each product's history.
      const histories = monthlySeries(1000, 36);
      const hw = associated.get("FORECAST.HW");
      return () => histories.map((history) => hw(history, 12, 12, null, null, null, null));
    }
    case "FORECAST.BACKTEST": {
      // The same 1,000 monthly series of 36 months, each backtested on its last 12 (one call per series):
      // MA(12), SES, Holt, both Holt-Winters and LINEAR on 24 months: four smoothing fits (1 + 2 + 3 + 3 parameters)
      // and a regression per series.
      const histories = monthlySeries(1000, 36);
      const backtest = associated.get("FORECAST.BACKTEST");
      return () => histories.map((history) => backtest(history, 12, 12));
    }
    case "TARGET.SPLIT": {
      // A million weights (e.g. last year's sales per SKU-store), a 120M target in units of 100.
      const weights = column(ROWS, () => Math.round(random() * 1e7) / 100);
      return () => associated.get("TARGET.SPLIT")(120_000_000, weights, 100);
    }
    case "TARGET.GRID": {
      // 1,000 salespeople × 12 months: last year's sales per person and month as weights, the quotas
      // (10,000s) and a seasonal month profile adding up to the same total (about 1.2 billion), in units of 100.
      const PEOPLE = 1000;
      const profile = [6, 5, 8, 8, 9, 10, 7, 7, 8, 9, 11, 12];
      const weights = Array.from({ length: PEOPLE }, () => profile.map((p) => Math.round(p * (50 + random() * 100) * 1000)));
      const quotas = column(PEOPLE, () => (80 + Math.floor(random() * 80)) * 10_000);
      const grand = quotas.reduce((a, [q]) => a + q, 0);
      const months = [profile.map((p) => Math.floor((grand * p) / 100 / 100) * 100)];
      months[0][11] += grand - months[0].reduce((a, b) => a + b, 0);
      return () => associated.get("TARGET.GRID")(quotas, months, weights, 100);
    }
    case "QUOTA.ALLOCATE": {
      // 100,000 salespeople: history, potential, a 60/30/10 blend, one in ten a new hire at 37.5%.
      const PEOPLE = 100_000;
      const history = column(PEOPLE, () => (random() < 0.1 ? 0 : Math.round(random() * 5e6)));
      const potential = column(PEOPLE, () => Math.round(1e6 + random() * 5e6));
      const capacity = column(PEOPLE, (i) => (history[i][0] === 0 ? 0.375 : 1));
      return () => associated.get("QUOTA.ALLOCATE")(250_000_000_000, history, potential, [[0.6, 0.3, 0.1]], capacity, 10_000);
    }
    case "CLV.SUMMARY": {
      // The RFM.TABLE orders (200,000 customers, three years), summarised in weeks.
      const customers = 200_000;
      const ids = column(ROWS, () => `C${String(Math.floor(random() * customers)).padStart(6, "0")}`);
      const dates = column(ROWS, () => 44927 + Math.floor(random() * 1095));
      const amounts = column(ROWS, () => Math.round(random() * 200000) / 100);
      return () => associated.get("CLV.SUMMARY")(ids, dates, amounts, null, null, null);
    }
    case "CLV.FIT":
    case "CLV.VALUE": {
      // 100,000 customers as CLV.SUMMARY gives them (whole days in weeks), drawn from a BG/NBD population
      // like CDNOW's (r 0.25, α 4.4 weeks, a 0.8, b 2.4) over up to three years, with Gamma-Gamma spend.
      const { frequency, recency, T, monetary } = bgnbdCustomers(100_000);
      if (scenario === "CLV.FIT") return () => associated.get("CLV.FIT")(frequency, recency, T);
      const params = [[0.25], [4.4], [0.8], [2.4]];
      const spend = [[6.25], [3.74], [15.44]];
      return () => associated.get("CLV.VALUE")(params, spend, frequency, recency, T, monetary, null, null, null);
    }
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

/** Gamma(k, 1) by Marsaglia and Tsang (boosted below k = 1), from the generator above. */
function gamma(k) {
  if (k < 1) return gamma(k + 1) * random() ** (1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** n customers' frequency, recency, T (weeks of whole days) and mean repeat spend, simulated. */
function bgnbdCustomers(n) {
  const frequency = new Array(n);
  const recency = new Array(n);
  const T = new Array(n);
  const monetary = new Array(n);
  for (let i = 0; i < n; i++) {
    const ageDays = 1 + Math.floor(random() * 1095);
    const rate = gamma(0.25) / 4.4 / 7; // purchases per day
    const g = gamma(0.8);
    const dropout = g / (g + gamma(2.4));
    const spendRate = gamma(3.74) / 15.44;
    let t = 0;
    let x = 0;
    let lastDay = 0;
    let spend = 0;
    for (;;) {
      t += -Math.log(1 - random()) / rate;
      const day = Math.floor(t);
      if (day > ageDays) break;
      if (day > lastDay) {
        x++;
        lastDay = day;
        spend += gamma(6.25) / spendRate;
      }
      if (random() < dropout) break;
    }
    frequency[i] = [x];
    recency[i] = [x > 0 ? lastDay / 7 : 0];
    T[i] = [ageDays / 7];
    monetary[i] = [x > 0 ? Math.round((spend / x) * 100) / 100 : 0];
  }
  return { frequency, recency, T, monetary };
}

const call = build();
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let t = performance.now();
let out = call();
const coldMs = performance.now() - t;
const heapUsedMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
const warmMs = [];
const baselineMs = [];
baseline?.(); // its own first, JIT-compiling run, not timed
for (let i = 0; i < warmRuns(); i++) {
  out = null;
  globalThis.gc?.();
  t = performance.now();
  out = call();
  warmMs.push(performance.now() - t);
  if (baseline !== undefined) {
    // Timed between the function's calls, so that both see the same machine load.
    globalThis.gc?.();
    t = performance.now();
    baseline();
    baselineMs.push(performance.now() - t);
  }
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const compared = baseline === undefined ? {} : { baselineMs };
console.log(JSON.stringify({ scenario, rows: ROWS, coldMs, warmMs, ...compared, outputRows: out.length, peakRssMb, heapUsedMb }));
