/**
 * The segmentation the sheet's formulas compute, computed in the pane with the same core functions: for the
 * preview of the write step (customers per segment, CLV fitted or not) and for the values-only sheet. The
 * functions' adapters (src/functions/rfm.ts, clv.ts) and this module call the same core routines with the
 * same options, so the counts agree with the sheet's; the wizard's tests check that they do.
 */
import { bgnbdProbabilityAlive, clvSummary, clvValue, fitBgnbd, fitGammaGamma } from "../../../core/clv";
import {
  ACTIVITY_KEYS,
  CN8_KEYS,
  cn8Codes,
  COURSE_KEYS,
  courseCodes,
  customerTags,
  FREQUENCY_KEYS,
  matchRules,
  NO_RULE,
  ORDER_VALUE_KEYS,
  RFM_R_RULES,
  rfmScore,
  rfmTable,
  type CustomerId,
  type RfmMethod,
  type SegmentRule,
} from "../../../core/rfm";
import { isCoreError, type CoreError } from "../../../core/shared/errors";
import type { Language } from "../../../i18n/language";
import { SEGMENT_LABELS, TAG_LABELS } from "../../../i18n/segments";
import type { OrderColumns, RfmColumns } from "./source-data";

/** The segmentation schemes of RFM.SEGMENT; "rules" is the user's own rule table. */
export type SchemeName = "course" | "cn8" | "rfm-r" | "rules";

export type Scheme = { readonly name: "course" | "cn8" | "rfm-r" } | { readonly name: "rules"; readonly rules: readonly SegmentRule[] };

/** What the segmentation depends on, as validated from the form. */
export interface SegmentSettings {
  /** The analysis date (a serial's day); undefined: the latest order date (RFM.TABLE's default). */
  readonly analysisDate: number | undefined;
  /** RFM.TABLE's window_days; undefined: every order counts. */
  readonly windowDays: number | undefined;
  readonly method: RfmMethod;
  readonly scheme: Scheme;
  /** Language of the segment and tag labels (RFM.SEGMENT's and CUSTOMER.TAGS's `language`). */
  readonly labels: Language;
  /** Add CLV.VALUE over the next 12 months and CLV.ALIVE (orders only). */
  readonly clv: boolean;
}

/** One customer as the sheet's table shows it. */
export interface CustomerRow {
  readonly id: CustomerId;
  /** The last order's day (analysis date − recency); undefined for an R/F/M table (no dates). */
  readonly lastOrder: number | undefined;
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly scores: readonly [number, number, number];
  readonly segment: string;
  readonly tags: readonly [string, string, string];
  /** Predicted value over the next 12 months and P(active), when asked for and the models could be fitted. */
  readonly clv?: { readonly value: number; readonly alive: number };
}

export interface Segmentation {
  readonly customers: readonly CustomerRow[];
  /** The scheme's segments, in its order (every label a customer can get, "Others" last where it exists). */
  readonly segments: readonly SegmentName[];
  /** The analysis date used (orders), a serial's day. */
  readonly analysisDate: number | undefined;
  /** Why CLV could not be added (the models could not be fitted): the sheet's CLV cells show this error. */
  readonly clvProblem?: CoreError;
}

const labelOf = (key: string, language: Language) => SEGMENT_LABELS[key]?.[language] ?? key;

/** A segment as the summary lists it: its label and, for the built-in schemes, its key (src/i18n/segments.ts). */
export interface SegmentName {
  readonly label: string;
  readonly key?: string;
}

/** Every segment the scheme gives, in order: what the summary lists and the campaign list offers. */
export function schemeSegments(scheme: Scheme, language: Language): SegmentName[] {
  const named = (key: string): SegmentName => ({ key, label: labelOf(key, language) });
  switch (scheme.name) {
    case "course":
      return COURSE_KEYS.map(named);
    case "cn8":
      // Best first: the codes count down from 111 (重要价值) to 000 (一般挽留).
      return [...CN8_KEYS].reverse().map(named);
    case "rfm-r":
      return [...RFM_R_RULES.map((rule) => named(rule.name)), named("others")];
    case "rules": {
      const others = named("others");
      return [...new Set(scheme.rules.map((rule) => rule.name))].filter((name) => name !== others.label).map((label): SegmentName => ({ label })).concat(others);
    }
  }
}

/** Each customer's label, as RFM.SEGMENT gives it (thresholds: the column means). */
function segmentLabels(r: Int32Array, f: Int32Array, m: Int32Array, scheme: Scheme, language: Language): string[] {
  if (scheme.name === "course" || scheme.name === "cn8") {
    const [keys, codes] = scheme.name === "cn8" ? [CN8_KEYS, cn8Codes(r, f, m)] : [COURSE_KEYS, courseCodes(r, f, m)];
    const labels = keys.map((key) => labelOf(key, language));
    return Array.from(codes, (code) => labels[code] as string);
  }
  const rules: readonly SegmentRule[] = scheme.name === "rules" ? scheme.rules : RFM_R_RULES;
  const names = rules.map((rule) => (scheme.name === "rules" ? rule.name : labelOf(rule.name, language)));
  const others = labelOf("others", language);
  return Array.from(matchRules(r, f, m, rules), (k) => (k === NO_RULE ? others : (names[k] as string)));
}

/** R, F, M per customer: RFM.TABLE of the orders, or the table as given. */
function summarise(data: OrderColumns | RfmColumns, settings: SegmentSettings) {
  if (data.kind === "rfm") return { ids: data.ids, recency: data.recency, frequency: data.frequency, monetary: data.monetary, analysisDate: undefined };
  const table = rfmTable(data.ids, data.dates, data.amounts, settings.analysisDate, settings.windowDays);
  return { ids: table.ids, recency: table.recency, frequency: table.frequency, monetary: table.monetary, analysisDate: Math.floor(table.analysisDate) };
}

/** CLV over 12 months and P(alive) per customer, or the problem that stopped the fits. */
function lifetimeValues(data: OrderColumns, analysisDate: number | undefined): { value: Float64Array; alive: Float64Array } | CoreError {
  try {
    const summary = clvSummary(data.ids, data.dates, data.amounts, analysisDate);
    const fit = fitBgnbd(summary.frequency, summary.recency, summary.T);
    const spend = fitGammaGamma(summary.frequency, summary.monetaryValue);
    const params = [fit.r, fit.alpha, fit.a, fit.b];
    return {
      value: clvValue(params, [spend.p, spend.q, spend.v], summary.frequency, summary.recency, summary.T, summary.monetaryValue),
      alive: bgnbdProbabilityAlive(params, summary.frequency, summary.recency, summary.T),
    };
  } catch (error) {
    if (isCoreError(error)) return error;
    throw error;
  }
}

/**
 * The whole segmentation of the data with the settings. Throws a CoreError where the sheet's formulas would
 * show one (an order after the analysis date, bad cut points); a model that cannot be fitted is not thrown
 * but returned as `clvProblem` (the rest of the sheet still works).
 */
export function segmentCustomers(data: OrderColumns | RfmColumns, settings: SegmentSettings): Segmentation {
  const { ids, recency, frequency, monetary, analysisDate } = summarise(data, settings);
  const scores = rfmScore(recency, frequency, monetary, settings.method);
  const segments = segmentLabels(scores.recency, scores.frequency, scores.monetary, settings.scheme, settings.labels);
  const tags = customerTags(recency, frequency, monetary);
  const tag = (keys: readonly string[]) => keys.map((key) => TAG_LABELS[key]?.[settings.labels] ?? key);
  const [activity, often, orderValue] = [tag(ACTIVITY_KEYS), tag(FREQUENCY_KEYS), tag(ORDER_VALUE_KEYS)];
  const clv = settings.clv && data.kind === "orders" ? lifetimeValues(data, settings.analysisDate) : undefined;
  const values = clv === undefined || isCoreError(clv) ? undefined : clv;
  const customers = ids.map(
    (id, i): CustomerRow => ({
      id,
      lastOrder: analysisDate === undefined ? undefined : analysisDate - (recency[i] as number),
      recency: recency[i] as number,
      frequency: frequency[i] as number,
      monetary: monetary[i] as number,
      scores: [scores.recency[i] as number, scores.frequency[i] as number, scores.monetary[i] as number],
      segment: segments[i] as string,
      tags: [activity[tags.activity[i] as number] as string, often[tags.frequency[i] as number] as string, orderValue[tags.orderValue[i] as number] as string],
      ...(values === undefined ? {} : { clv: { value: values.value[i] as number, alive: values.alive[i] as number } }),
    }),
  );
  const listed = schemeSegments(settings.scheme, settings.labels);
  return { customers, segments: listed, analysisDate, ...(clv !== undefined && isCoreError(clv) ? { clvProblem: clv } : {}) };
}

/** Customers per segment, in the scheme's order. */
export function countBySegment(segmentation: Segmentation): { segment: string; customers: number }[] {
  const counts = new Map(segmentation.segments.map((segment) => [segment.label, 0]));
  for (const customer of segmentation.customers) counts.set(customer.segment, (counts.get(customer.segment) ?? 0) + 1);
  return [...counts].map(([segment, customers]) => ({ segment, customers }));
}
