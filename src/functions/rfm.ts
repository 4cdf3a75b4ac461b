/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][]; the metadata generator needs the type written out. */
import {
  ACTIVITY_KEYS,
  CN8_KEYS,
  cn8Codes,
  Cn8Thresholds,
  COURSE_KEYS,
  courseCodes,
  customerTags as tagCustomers,
  DEFAULT_BINS,
  FREQUENCY_KEYS,
  matchRules,
  NO_RULE,
  ORDER_VALUE_KEYS,
  RFM_R_RULES,
  rfmScore as scoreCustomers,
  rfmTable as tabulateOrders,
  RfmMethod,
  SegmentRule,
  TagCuts,
} from "../core/rfm";
import { fail } from "../core/shared/errors";
import { Language } from "../i18n/language";
import { RFM_TABLE_HEADERS, SEGMENT_LABELS, TAG_LABELS } from "../i18n/segments";
import { isBlank, toDate, toNumber, toText } from "./shared/cells";
import { flagOf, isOmitted, languageOf, optionalNumberOf, optionOf } from "./shared/options";
import { Call, officeLanguage, run } from "./shared/edge";
import { columnsOf, datesOf, List, numbersOf, parallelLists, scalarOf, shapeOf, textsOf } from "./shared/ranges";

/**
 * One row per customer from order rows: customer, recency (days since the last order), frequency (number of orders), monetary (total amount). Customers in order of first appearance.
 * @customfunction RFM.TABLE
 * @param customer_ids Customer of each order: text or a number (1001 and the text "1001" are one customer).
 * @param order_dates Date of each order: a date, or text such as 2024-03-31.
 * @param amounts Amount of each order, in your currency; refunds may be negative.
 * @param [analysis_date] Date recency is counted to. Default: the latest order date.
 * @param [headers] TRUE adds a header row. Default: FALSE.
 * @param [window_days] Count orders and amounts of the last N days up to analysis_date only (e.g. 365); recency still uses the last order ever. Default: all orders.
 * @returns One row per customer: customer, recency in days, number of orders, total amount.
 */
export function rfmTable(
  customer_ids: any[][],
  order_dates: any[][],
  amounts: any[][],
  analysis_date?: any,
  headers?: boolean,
  window_days?: any,
): any[][] {
  return run((call) => {
    const { lists } = parallelLists([
      call.list("customer_ids", customer_ids),
      call.list("order_dates", order_dates),
      call.list("amounts", amounts),
    ]);
    const [idList, dateList, amountList] = lists as [List, List, List];
    const analysisDate = isOmitted(analysis_date)
      ? undefined
      : toDate(scalarOf("analysis_date", analysis_date), { arg: "analysis_date" });
    const windowDays = optionalNumberOf("window_days", window_days);
    const table = tabulateOrders(textsOf(idList), datesOf(dateList), numbersOf(amountList), analysisDate, windowDays);

    const top = flagOf("headers", headers, false) ? 1 : 0;
    const customers = table.ids.length;
    const out = new Array<any[]>(top + customers);
    if (top === 1) out[0] = [...RFM_TABLE_HEADERS[officeLanguage()]];
    for (let c = 0; c < customers; c++) {
      out[top + c] = [table.ids[c], table.recency[c], table.frequency[c], table.monetary[c]];
    }
    return out;
  });
}

/**
 * R, F and M scores of each customer, 1 (worst) to 5 (best) by default: the course's table ("seed"), your cut points ("custom"), quantile bands ("quantile") or the R package rfm ("rfm-r").
 * @customfunction RFM.SCORE
 * @param recency Days since each customer's last order (0 or more).
 * @param frequency Number of orders of each customer (0 or more; orders a year for "seed").
 * @param monetary Amount each customer spent, in your currency (spend a year for "seed").
 * @param [method] "seed" (default), "custom", "quantile" or "rfm-r".
 * @param [cuts] For "custom": 3 rows of ascending cut points (recency days; frequency; monetary). For "quantile" and "rfm-r": the number of bands, 2 to 10 (default 5).
 * @returns One row per customer: R, F and M scores.
 */
export function rfmScore(
  recency: any[][],
  frequency: any[][],
  monetary: any[][],
  method?: string,
  cuts?: any[][],
): number[][] {
  return run((call) => {
    const { lists } = parallelLists([
      call.list("recency", recency),
      call.list("frequency", frequency),
      call.list("monetary", monetary),
    ]);
    const [r, f, m] = lists.map(numbersOf) as [Float64Array, Float64Array, Float64Array];
    const scores = scoreCustomers(r, f, m, methodOf(method, cuts));
    const out = new Array<number[]>(r.length);
    for (let i = 0; i < r.length; i++) {
      out[i] = [scores.recency[i] as number, scores.frequency[i] as number, scores.monetary[i] as number];
    }
    return out;
  });
}

const METHODS = ["seed", "custom", "quantile", "rfm-r"] as const;

function methodOf(method: unknown, cuts: unknown): RfmMethod {
  const name = optionOf("method", method, METHODS, "seed");
  switch (name) {
    case "seed":
      if (!isOmitted(cuts)) throw fail("UNUSED_ARGUMENT", { arg: "cuts", because: "method", value: name });
      return { method: "seed" };
    case "custom":
      return { method: "custom", cuts: customCutsOf(cuts) };
    case "quantile":
    case "rfm-r": {
      const bins = isOmitted(cuts) ? DEFAULT_BINS : toNumber(scalarOf("cuts", cuts), { arg: "cuts" });
      return { method: name, bins };
    }
  }
}

/** Three rows of cut points; trailing blanks in a row are allowed (rows may have different lengths). */
function customCutsOf(cuts: unknown): { recency: number[]; frequency: number[]; monetary: number[] } {
  if (isOmitted(cuts)) throw fail("EMPTY", { arg: "cuts" });
  const rows = Array.isArray(cuts) ? (cuts as unknown[][]) : [[cuts]];
  const shape = shapeOf(rows);
  if (shape.rows !== 3) throw fail("BAD_SHAPE", { arg: "cuts", expectedRows: 3, ...shape });
  const [recencyCuts, frequencyCuts, monetaryCuts] = rows.map((cells, r) => {
    let end = cells.length;
    while (end > 0 && isBlank(cells[end - 1])) end--;
    const values: number[] = [];
    for (let c = 0; c < end; c++) values.push(toNumber(cells[c], { arg: "cuts", row: r + 1, column: c + 1 }));
    return values;
  }) as [number[], number[], number[]];
  return { recency: recencyCuts, frequency: frequencyCuts, monetary: monetaryCuts };
}

/**
 * Customer segment of each row of R, F, M scores: the 8 classic types ("cn8", e.g. 重要价值客户), the course's 7 groups ("course"), the R package rfm segments ("rfm-r"), or your own rule table (first match wins).
 * @customfunction RFM.SEGMENT
 * @param scores R, F and M scores, one customer per row (3 columns), e.g. the result of RFM.SCORE.
 * @param [scheme] "cn8" (default), "course", "rfm-r", or a 7-column rule table: name, r_min, r_max, f_min, f_max, m_min, m_max (a header row is allowed); the first matching rule wins, else "Others".
 * @param [threshold] For "cn8" and "course": a score is high when it is at least this. One value, or three (R, F, M). Default: each column's mean.
 * @param [language] "zh" (Chinese) or "en" (English). Default: Chinese for "cn8" and "course", English otherwise.
 * @returns One segment label per customer.
 */
export function rfmSegment(scores: any[][], scheme?: any[][], threshold?: any[][], language?: string): string[][] {
  return run((call) => {
    const { lists } = parallelLists(columnsOf("scores", scores, 3));
    const [r, f, m] = lists.map(numbersOf) as [Float64Array, Float64Array, Float64Array];
    const chosen = schemeOf(scheme);

    if (chosen.kind === "cn8" || chosen.kind === "course") {
      const lang = languageOf("language", language, "zh");
      const thresholds = thresholdsOf(call, threshold);
      const [keys, codes] =
        chosen.kind === "cn8" ? [CN8_KEYS, cn8Codes(r, f, m, thresholds)] : [COURSE_KEYS, courseCodes(r, f, m, thresholds)];
      const labels = keys.map((key) => labelOf(key, lang));
      const out = new Array<string[]>(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = [labels[codes[i] as number] as string];
      return out;
    }

    if (!isOmitted(threshold)) {
      throw fail("UNUSED_ARGUMENT", { arg: "threshold", because: "scheme", value: chosen.name });
    }
    const lang = languageOf("language", language, "en");
    const names = chosen.rules.map((rule) => (chosen.kind === "rfm-r" ? labelOf(rule.name, lang) : rule.name));
    const others = labelOf("others", lang);
    const matched = matchRules(r, f, m, chosen.rules);
    const out = new Array<string[]>(matched.length);
    for (let i = 0; i < matched.length; i++) {
      const k = matched[i] as number;
      out[i] = [k === NO_RULE ? others : (names[k] as string)];
    }
    return out;
  });
}

type Scheme =
  | { kind: "cn8" }
  | { kind: "course" }
  | { kind: "rfm-r"; name: string; rules: readonly SegmentRule[] }
  | { kind: "rules"; name: string; rules: readonly SegmentRule[] };

function schemeOf(scheme: unknown): Scheme {
  if (isOmitted(scheme)) return { kind: "cn8" };
  const { columns } = shapeOf(scheme);
  if (columns === 7) return { kind: "rules", name: "rules", rules: rulesOf(scheme as unknown[][]) };
  const name = optionOf("scheme", scheme, ["cn8", "course", "rfm-r"] as const, "cn8");
  return name === "rfm-r" ? { kind: "rfm-r", name, rules: RFM_R_RULES } : { kind: name };
}

/** A user rule table: name, r_min, r_max, f_min, f_max, m_min, m_max; an optional header row. */
function rulesOf(table: unknown[][]): SegmentRule[] {
  const first = table[0] ?? [];
  const hasHeader = first.slice(1).every((cell) => typeof cell === "string" && !isBlank(cell) && !/\d/.test(cell));
  const rules: SegmentRule[] = [];
  let end = table.length;
  while (end > 0 && (table[end - 1] as unknown[]).every(isBlank)) end--;
  for (let i = hasHeader ? 1 : 0; i < end; i++) {
    const cells = table[i] as unknown[];
    const row = i + 1;
    const bound = (c: number): number => toNumber(cells[c], { arg: "scheme", row, column: c + 1 });
    const pair = (c: number): [number, number] => {
      const lower = bound(c);
      const upper = bound(c + 1);
      if (lower > upper) throw fail("BAD_BOUNDS", { arg: "scheme", row, column: c + 1, lower, upper });
      return [lower, upper];
    };
    const name = String(toText(cells[0], { arg: "scheme", row, column: 1 }));
    rules.push({ name, recency: pair(1), frequency: pair(3), monetary: pair(5) });
  }
  if (rules.length === 0) throw fail("EMPTY", { arg: "scheme" });
  return rules;
}

function thresholdsOf(call: Call, threshold: unknown): Cn8Thresholds {
  if (isOmitted(threshold)) return {};
  const list = call.list("threshold", threshold);
  const values = list.cells.map((cell, index) => toNumber(cell, { arg: "threshold", index }));
  if (values.length === 1) {
    const [all] = values as [number];
    return { recency: all, frequency: all, monetary: all };
  }
  if (values.length === 3) {
    const [recency, frequency, monetary] = values as [number, number, number];
    return { recency, frequency, monetary };
  }
  const { rows, columns } = shapeOf(threshold);
  throw fail("BAD_SHAPE", { arg: "threshold", expectedColumns: 3, rows, columns });
}

function labelOf(key: string, language: Language): string {
  return SEGMENT_LABELS[key]?.[language] ?? key;
}

/**
 * Behaviour tags per customer: activity (recency ≤30 days highly active, ≤90 active, ≤180 low, else dormant), purchase frequency (≥5 frequent, ≥2 regular, else occasional), order value (monetary ÷ frequency vs its 1/3 and 2/3 quantiles).
 * @customfunction CUSTOMER.TAGS
 * @param recency Days since each customer's last order (0 or more).
 * @param frequency Number of orders of each customer (0 or more; 0 gives the order-value tag "No orders").
 * @param monetary Amount each customer spent, in your currency.
 * @param [cuts] 3 rows replacing the defaults: recency days {30,90,180}; frequency {2,5}; two order values (default: the 1/3 and 2/3 quantiles). A blank row keeps its default.
 * @param [language] "zh" (Chinese, default) or "en" (English).
 * @returns One row per customer: activity, purchase frequency and order-value tags.
 */
export function customerTags(recency: any[][], frequency: any[][], monetary: any[][], cuts?: any[][], language?: string): string[][] {
  return run((call) => {
    const { lists } = parallelLists([
      call.list("recency", recency),
      call.list("frequency", frequency),
      call.list("monetary", monetary),
    ]);
    const [r, f, m] = lists.map(numbersOf) as [Float64Array, Float64Array, Float64Array];
    const given = tagCutsOf(cuts);
    const lang = languageOf("language", language, "zh");
    const tags = tagCustomers(r, f, m, given);
    const activity = ACTIVITY_KEYS.map((key) => tagLabelOf(key, lang));
    const often = FREQUENCY_KEYS.map((key) => tagLabelOf(key, lang));
    const orderValue = ORDER_VALUE_KEYS.map((key) => tagLabelOf(key, lang));
    const out = new Array<string[]>(r.length);
    for (let i = 0; i < r.length; i++) {
      out[i] = [
        activity[tags.activity[i] as number] as string,
        often[tags.frequency[i] as number] as string,
        orderValue[tags.orderValue[i] as number] as string,
      ];
    }
    return out;
  });
}

/** Three rows of cut points (recency, frequency, order value), trailing blanks allowed; a row of blanks keeps its default. */
function tagCutsOf(cuts: unknown): Partial<TagCuts> {
  if (isOmitted(cuts)) return {};
  const rows = Array.isArray(cuts) ? (cuts as unknown[][]) : [[cuts]];
  const shape = shapeOf(rows);
  if (shape.rows !== 3) throw fail("BAD_SHAPE", { arg: "cuts", expectedRows: 3, ...shape });
  const given: { -readonly [K in keyof TagCuts]?: number[] } = {};
  (["recency", "frequency", "orderValue"] as const).forEach((set, r) => {
    const cells = rows[r] as unknown[];
    let end = cells.length;
    while (end > 0 && isBlank(cells[end - 1])) end--;
    if (end === 0) return;
    const values: number[] = [];
    for (let c = 0; c < end; c++) values.push(toNumber(cells[c], { arg: "cuts", row: r + 1, column: c + 1 }));
    given[set] = values;
  });
  return given;
}

function tagLabelOf(key: string, language: Language): string {
  return TAG_LABELS[key]?.[language] ?? key;
}
