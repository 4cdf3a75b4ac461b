/**
 * The shapes shared by the file sniffer (sniff.ts), the summary SQL (summary-sql.ts) and the pane's engine:
 * pure data, no DOM.
 */

export type FileFormat = "csv" | "parquet";
export type TextEncoding = "utf-8" | "gb18030";
export type Delimiter = "," | "\t" | ";";
/** What a column's first rows hold, read with the core's own text readers (serialFromText, numberFromText). */
export type ColumnType = "date" | "number" | "text" | "empty";

/** What the first bytes of a file say: enough for the preview and the column mapping. */
export interface FileSniff {
  readonly format: FileFormat;
  /** CSV only; Parquet text is UTF-8 by definition. A UTF-8 BOM is skipped. */
  readonly encoding: TextEncoding;
  readonly delimiter: Delimiter;
  readonly hasHeader: boolean;
  /** The header row as written, or generated names ("Column 1", …) when there is none. */
  readonly headers: readonly string[];
  /** The first data rows (at most 20), as text. */
  readonly preview: readonly (readonly string[])[];
  readonly types: readonly ColumnType[];
  /** The file's size in bytes. */
  readonly bytes: number;
}

/** The dimensions a period summary can be broken down by. */
export const DIMENSIONS = ["person", "channel", "region", "product"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Which column (0-based, in the file) holds what. */
export interface ColumnMapping {
  readonly customer: number;
  readonly date: number;
  readonly amount: number;
  readonly dimensions: Readonly<Partial<Record<Dimension, number>>>;
}

export interface SummaryRequest {
  readonly mapping: ColumnMapping;
  /** Excel serial; the latest order day when omitted. Orders after it are rejected rows, never dropped silently. */
  readonly analysisDate?: number;
  /** RFM.TABLE's window in days (1–36,525); all orders count when omitted. */
  readonly windowDays?: number;
  /** CLV.SUMMARY's period in days (7 = weeks, the default). */
  readonly periodDays?: number;
  /** Which summaries to compute. */
  readonly customers: boolean;
  /** Per period × dimension (months); `dimension` omitted: per period only. */
  readonly periods?: { readonly dimension?: Dimension };
}
