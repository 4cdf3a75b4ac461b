/**
 * The Segment customers page's draft (every field a string, so it survives page switches and reloads in the
 * draft store) and its checks per step. The data itself (a range of up to a million rows) is not in the draft:
 * its address is, and the page reads it again when it comes back without it.
 */
import { dayFromText } from "../../../core/shared/excel-date";
import { MAX_BINS, MIN_BINS } from "../../../core/rfm/rfm-score";
import type { SegmentStrings } from "../../../i18n/segment";
import type { Validation } from "../../components/validation";
import { rolesOf, type ColumnMap, type DataKind, type Role } from "./columns";
import type { MethodSpec } from "./segment-plan";
import type { SchemeName } from "./segment-model";
import type { SourceReading } from "./source-data";

export const SCHEMES = ["course", "cn8", "rfm-r"] as const satisfies readonly SchemeName[];
export const METHODS = ["seed", "quantile", "custom", "rfm-r"] as const;
export const WINDOWS = ["all", "year", "custom"] as const;
export const MAX_CUTS = 9;
export const MAX_WINDOW_DAYS = 36_525;

export interface SegmentDraft {
  readonly [field: string]: string;
  /** "selection" or "named" (a table or a named range). */
  readonly source: string;
  /** The table's or name's address chosen in the list. */
  readonly named: string;
  /** The range last read ("'Orders'!A1:C4907"); "" before the first read. */
  readonly address: string;
  readonly kind: string;
  /** "true" / "false". */
  readonly hasHeader: string;
  /** Each role's column within the range (0-based, as text); "" when none is chosen. */
  readonly col_customer: string;
  readonly col_date: string;
  readonly col_amount: string;
  readonly col_recency: string;
  readonly col_frequency: string;
  readonly col_monetary: string;
  /** "latest" or "chosen". */
  readonly analysis: string;
  readonly analysisDate: string;
  readonly window: string;
  readonly windowDays: string;
  readonly method: string;
  readonly bands: string;
  readonly cutsR: string;
  readonly cutsF: string;
  readonly cutsM: string;
  readonly scheme: string;
  readonly labels: string;
  readonly chart: string;
  readonly clv: string;
  /** "formulas" or "values". */
  readonly output: string;
  /** The segments ticked for the campaign list, joined by "\n". */
  readonly campaign: string;
}

export const EMPTY_DRAFT: SegmentDraft = {
  source: "selection",
  named: "",
  address: "",
  kind: "orders",
  hasHeader: "true",
  col_customer: "",
  col_date: "",
  col_amount: "",
  col_recency: "",
  col_frequency: "",
  col_monetary: "",
  analysis: "latest",
  analysisDate: "",
  window: "all",
  windowDays: "365",
  method: "seed",
  bands: "5",
  cutsR: "30, 90, 180, 365",
  cutsF: "1, 2, 5, 10",
  cutsM: "100, 500, 2000, 5000",
  scheme: "course",
  labels: "zh",
  chart: "bar",
  clv: "false",
  output: "formulas",
  campaign: "",
};

export const columnField = (role: Role) => `col_${role}` as const;

/** The columns chosen in the draft. */
export function columnsOf(draft: SegmentDraft): ColumnMap {
  const map: Partial<Record<Role, number>> = {};
  for (const role of rolesOf(draft.kind === "rfm" ? "rfm" : "orders")) {
    const text = draft[columnField(role)] ?? "";
    if (/^\d+$/.test(text)) map[role] = Number(text);
  }
  return map;
}

/** The codes the checks give: keys of the page's strings (those taking words get them in params). */
export type SegmentErrorCode =
  | "errNoData"
  | "errNoRows"
  | "errUnreadable"
  | "errRequired"
  | "columnTwice"
  | "errDate"
  | "errBeforeLatest"
  | "errWindow"
  | "errBands"
  | "errCuts"
  | "errCutsAscending"
  | "errTooManyCuts";

/** The data step: data read (`read`), a column for every role, distinct, rows, and every cell readable. */
export function validateData(draft: SegmentDraft, reading: SourceReading | undefined, read: boolean): Validation<SourceReading, SegmentErrorCode> {
  if (!read) return { ok: false, errors: { address: "errNoData" }, params: {} };
  const errors: Record<string, SegmentErrorCode> = {};
  const kind: DataKind = draft.kind === "rfm" ? "rfm" : "orders";
  const columns = columnsOf(draft);
  const seen = new Map<number, Role>();
  for (const role of rolesOf(kind)) {
    const column = columns[role];
    if (column === undefined) errors[columnField(role)] = "errRequired";
    else if (seen.has(column)) errors[columnField(role)] = "columnTwice";
    else seen.set(column, role);
  }
  if (Object.keys(errors).length === 0) {
    if (reading === undefined) errors.address = "errNoData";
    else if (reading.rows === 0) errors.address = "errNoRows";
    else if (reading.problemCount > 0) errors.address = "errUnreadable";
  }
  if (Object.keys(errors).length > 0 || reading === undefined) return { ok: false, errors: Object.keys(errors).length > 0 ? errors : { address: "errNoData" }, params: {} };
  return { ok: true, data: reading };
}

/** What the settings step gives the plan and the model. */
export interface SettingsData {
  /** A date chosen by the user (a serial's day), or undefined for the latest order. */
  readonly analysisDate: number | undefined;
  readonly windowDays: number | undefined;
  readonly method: MethodSpec;
  readonly scheme: (typeof SCHEMES)[number];
  readonly labels: "zh" | "en";
  readonly chart: "bar" | "pie";
  readonly clv: boolean;
}

/** Numbers separated by commas (ASCII or full-width), rising; or the code of the first problem. */
export function parseCuts(text: string): { cuts: number[] } | { code: SegmentErrorCode; params?: Record<string, unknown> } {
  const parts = text
    .split(/[,，、;；\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return { code: "errRequired" };
  if (parts.length > MAX_CUTS) return { code: "errTooManyCuts" };
  const cuts: number[] = [];
  for (const part of parts) {
    const value = Number(part);
    if (!Number.isFinite(value) || value < 0) return { code: "errCuts" };
    const previous = cuts[cuts.length - 1];
    if (previous !== undefined && value <= previous) return { code: "errCutsAscending", params: { value: part, previous: String(previous) } };
    cuts.push(value);
  }
  return { cuts };
}

/**
 * The settings step. `latest`: the latest order's day (orders), below which no analysis date may be (RFM.TABLE
 * refuses an order after the analysis date).
 */
export function validateSettings(draft: SegmentDraft, latest: number | undefined): Validation<SettingsData, SegmentErrorCode> {
  const errors: Record<string, SegmentErrorCode> = {};
  const params: Record<string, Record<string, unknown>> = {};
  const orders = draft.kind !== "rfm";
  let analysisDate: number | undefined;
  if (orders && draft.analysis === "chosen") {
    const day = draft.analysisDate.trim() === "" ? undefined : dayFromText(draft.analysisDate);
    if (draft.analysisDate.trim() === "") errors.analysisDate = "errRequired";
    else if (day === undefined) errors.analysisDate = "errDate";
    else if (latest !== undefined && day < Math.floor(latest)) {
      errors.analysisDate = "errBeforeLatest";
      params.analysisDate = { latest: Math.floor(latest) };
    } else analysisDate = day;
  }
  let windowDays: number | undefined;
  if (orders && draft.window === "year") windowDays = 365;
  if (orders && draft.window === "custom") {
    const days = Number(draft.windowDays.trim());
    if (draft.windowDays.trim() === "" || !Number.isInteger(days) || days < 1 || days > MAX_WINDOW_DAYS) errors.windowDays = "errWindow";
    else windowDays = days;
  }
  let method: MethodSpec = { method: "seed" };
  if (draft.method === "quantile" || draft.method === "rfm-r") {
    const bands = Number(draft.bands.trim());
    if (!Number.isInteger(bands) || bands < MIN_BINS || bands > MAX_BINS) errors.bands = "errBands";
    else method = { method: draft.method, bands };
  } else if (draft.method === "custom") {
    const parsed = (["cutsR", "cutsF", "cutsM"] as const).map((field) => {
      const result = parseCuts(draft[field]);
      if ("code" in result) {
        errors[field] = result.code;
        if (result.params !== undefined) params[field] = result.params;
        return [];
      }
      return result.cuts;
    });
    method = { method: "custom", cuts: [parsed[0]!, parsed[1]!, parsed[2]!] };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, params };
  const scheme = (SCHEMES as readonly string[]).includes(draft.scheme) ? (draft.scheme as SettingsData["scheme"]) : "course";
  return {
    ok: true,
    data: { analysisDate, windowDays, method, scheme, labels: draft.labels === "en" ? "en" : "zh", chart: draft.chart === "pie" ? "pie" : "bar", clv: orders && draft.clv === "true" },
  };
}

/** The message of a code, with its params. */
export function segmentMessage(code: SegmentErrorCode, params: Readonly<Record<string, unknown>> | undefined, s: SegmentStrings, formatDate: (serial: number) => string): string {
  switch (code) {
    case "errBeforeLatest":
      return s.errBeforeLatest(formatDate(Number(params?.latest)));
    case "errCutsAscending":
      return s.errCutsAscending(String(params?.value), String(params?.previous));
    default:
      return s[code];
  }
}
