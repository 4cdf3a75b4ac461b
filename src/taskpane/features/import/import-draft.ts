/**
 * The Import page's draft (every field a string, kept across page switches and reloads) and its checks per
 * step. The file itself cannot be kept (a File object does not survive a reload): its name, size and date
 * are, so the page can say which file was chosen and ask for it again without losing the rest.
 */
import { DIMENSIONS, type ColumnMapping, type Delimiter, type Dimension, type FileSniff, type SummaryRequest, type TextEncoding } from "../../../core/import/contract";
import { dayFromText } from "../../../core/shared/excel-date";
import type { Validation } from "../../components/validation";

export const MAX_WINDOW_DAYS = 36_525;
/** The largest CLV period accepted (a year): beyond it every customer's T rounds to nothing useful. */
export const MAX_PERIOD_DAYS = 366;
export const FILE_EXTENSIONS = [".csv", ".txt", ".tsv", ".parquet"] as const;

/** The columns to map: the three an order needs, then the optional dimensions. */
export const REQUIRED_ROLES = ["customer", "date", "amount"] as const;
export type RequiredRole = (typeof REQUIRED_ROLES)[number];
export type ImportRole = RequiredRole | Dimension;
export const IMPORT_ROLES: readonly ImportRole[] = [...REQUIRED_ROLES, ...DIMENSIONS];

export interface ImportDraft {
  readonly [field: string]: string;
  /** The file chosen last: name, size in bytes, last modified (ms); "" before any. */
  readonly fileName: string;
  readonly fileSize: string;
  readonly fileModified: string;
  /** "csv" or "parquet" (as sniffed). */
  readonly format: string;
  /** As sniffed, or as the user chose: "utf-8" / "gb18030"; "," / "\t" / ";"; "true" / "false". */
  readonly encoding: string;
  readonly delimiter: string;
  readonly hasHeader: string;
  /** Each role's column in the file (0-based, as text); "" for none. */
  readonly col_customer: string;
  readonly col_date: string;
  readonly col_amount: string;
  readonly col_person: string;
  readonly col_channel: string;
  readonly col_region: string;
  readonly col_product: string;
  /** "true" / "false": the per-customer summary. */
  readonly customers: string;
  /** "latest" or "chosen". */
  readonly analysis: string;
  readonly analysisDate: string;
  /** "all", "year" or "custom". */
  readonly window: string;
  readonly windowDays: string;
  readonly periodDays: string;
  /** "true" / "false": the per-month summary. */
  readonly periods: string;
  /** "" (month only) or a Dimension. */
  readonly dimension: string;
}

export const EMPTY_DRAFT: ImportDraft = {
  fileName: "",
  fileSize: "",
  fileModified: "",
  format: "csv",
  encoding: "utf-8",
  delimiter: ",",
  hasHeader: "true",
  col_customer: "",
  col_date: "",
  col_amount: "",
  col_person: "",
  col_channel: "",
  col_region: "",
  col_product: "",
  customers: "true",
  analysis: "latest",
  analysisDate: "",
  window: "all",
  windowDays: "365",
  periodDays: "7",
  periods: "false",
  dimension: "person",
};

export const columnField = (role: ImportRole) => `col_${role}` as const;

/** The draft's column of a role, or undefined. */
export function columnOf(draft: ImportDraft, role: ImportRole): number | undefined {
  const text = draft[columnField(role)] ?? "";
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The file the draft remembers, as it identifies it. */
export interface FileIdentity {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
}

export const identityOf = (file: { readonly name: string; readonly size: number; readonly lastModified?: number }): FileIdentity => ({ name: file.name, size: file.size, lastModified: file.lastModified ?? 0 });

/** Whether a file is the one the draft remembers (same name, size and date). */
export function isRemembered(draft: ImportDraft, file: FileIdentity): boolean {
  return draft.fileName === file.name && draft.fileSize === String(file.size) && draft.fileModified === String(file.lastModified);
}

/** Whether a file's name says it is one the page reads. */
export function hasOrderFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return FILE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

export const isEncoding = (text: string): text is TextEncoding => text === "utf-8" || text === "gb18030";
export const isDelimiter = (text: string): text is Delimiter => text === "," || text === "\t" || text === ";";
export const isDimension = (text: string): text is Dimension => (DIMENSIONS as readonly string[]).includes(text);

/** The codes the checks give: keys of the page's strings. */
export type ImportErrorCode = "errFile" | "errFileAgain" | "errNotOrders" | "errNoRows" | "errRequired" | "columnTwice" | "errNothing" | "errDate" | "errWindow" | "errPeriod" | "errDimension";

/**
 * The File step: a file chosen in this session (`sniff` is what its start held), with data rows. After a
 * reload the draft still names the file, but it must be chosen again.
 */
export function validateFile(draft: ImportDraft, sniff: FileSniff | undefined): Validation<FileSniff, ImportErrorCode> {
  if (sniff === undefined) return { ok: false, errors: { file: draft.fileName === "" ? "errFile" : "errFileAgain" }, params: {} };
  if (sniff.preview.length === 0) return { ok: false, errors: { file: "errNoRows" }, params: {} };
  return { ok: true, data: sniff };
}

/** The Columns step: a column for customer, date and amount, and no column chosen twice. */
export function validateColumns(draft: ImportDraft, width: number): Validation<ColumnMapping, ImportErrorCode> {
  const errors: Record<string, ImportErrorCode> = {};
  const seen = new Set<number>();
  const found: Partial<Record<ImportRole, number>> = {};
  for (const role of IMPORT_ROLES) {
    const column = columnOf(draft, role);
    const required = (REQUIRED_ROLES as readonly string[]).includes(role);
    if (column === undefined || column >= width) {
      if (required) errors[columnField(role)] = "errRequired";
      continue;
    }
    if (seen.has(column)) errors[columnField(role)] = "columnTwice";
    else {
      seen.add(column);
      found[role] = column;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, params: {} };
  const dimensions: Partial<Record<Dimension, number>> = {};
  for (const dimension of DIMENSIONS) if (found[dimension] !== undefined) dimensions[dimension] = found[dimension];
  return { ok: true, data: { customer: found.customer!, date: found.date!, amount: found.amount!, dimensions } };
}

/** What the Summaries step adds to the mapping. */
export type SummaryChoices = Omit<SummaryRequest, "mapping">;

/** The Summaries step: at least one summary; an analysis date, window and period that read; a mapped dimension. */
export function validateSummaries(draft: ImportDraft): Validation<SummaryChoices, ImportErrorCode> {
  const errors: Record<string, ImportErrorCode> = {};
  const customers = draft.customers === "true";
  const periods = draft.periods === "true";
  if (!customers && !periods) errors.customers = "errNothing";
  let analysisDate: number | undefined;
  if (draft.analysis === "chosen") {
    const day = dayFromText(draft.analysisDate);
    if (day === undefined) errors.analysisDate = "errDate";
    else analysisDate = day;
  }
  let windowDays: number | undefined;
  let periodDays: number | undefined;
  if (customers) {
    if (draft.window === "year") windowDays = 365;
    if (draft.window === "custom") {
      const text = draft.windowDays.trim();
      const days = Number(text);
      if (text === "" || !Number.isInteger(days) || days < 1 || days > MAX_WINDOW_DAYS) errors.windowDays = "errWindow";
      else windowDays = days;
    }
    const text = draft.periodDays.trim();
    const days = Number(text);
    if (text === "" || !Number.isFinite(days) || days <= 0 || days > MAX_PERIOD_DAYS) errors.periodDays = "errPeriod";
    else periodDays = days;
  }
  let dimension: Dimension | undefined;
  if (periods && draft.dimension !== "") {
    if (!isDimension(draft.dimension) || columnOf(draft, draft.dimension) === undefined) errors.dimension = "errDimension";
    else dimension = draft.dimension;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, params: {} };
  return {
    ok: true,
    data: {
      customers,
      ...(analysisDate === undefined ? {} : { analysisDate }),
      ...(windowDays === undefined ? {} : { windowDays }),
      ...(periodDays === undefined ? {} : { periodDays }),
      ...(periods ? { periods: dimension === undefined ? {} : { dimension } } : {}),
    },
  };
}

/** The request to the engine: the mapping and the summaries. */
export function summaryRequest(mapping: ColumnMapping, choices: SummaryChoices): SummaryRequest {
  return { mapping, ...choices };
}

/**
 * What a summary result was computed from: the file, how it was read and the request. A result is shown
 * (and written) only while its key is the draft's: a changed choice asks for a new run.
 */
export function runKey(draft: ImportDraft): string {
  const fields = ["fileName", "fileSize", "fileModified", "encoding", "delimiter", "hasHeader", ...IMPORT_ROLES.map(columnField), "customers", "analysis", "analysisDate", "window", "windowDays", "periodDays", "periods", "dimension"];
  return JSON.stringify(fields.map((field) => draft[field] ?? ""));
}
