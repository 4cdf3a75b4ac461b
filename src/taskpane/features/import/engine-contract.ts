/**
 * What the Import page (大文件导入) asks of the engine that summarises order files too big for Excel.
 * The engine is DuckDB-wasm in a Web Worker (engine/), loaded only when the page needs it; jsdom tests use
 * a fake with the same contract. The file's first bytes are sniffed in plain TypeScript (core/import), so
 * the page shows a preview before any WebAssembly is loaded.
 */
import type { FileSniff, SummaryRequest } from "../../../core/import/contract";

export type { FileSniff, SummaryRequest } from "../../../core/import/contract";

/** One row the engine could not read, as the user can find it in the file. */
export interface RejectedRow {
  /** 1-based line number in the file (the header is line 1); for Parquet, the 1-based row number. */
  readonly line: number;
  /** Which field could not be read; "row" when the row itself is malformed (wrong column count, quotes). */
  readonly field: "customer" | "date" | "amount" | "row";
  /** The text that was read there (cut to 80 characters). */
  readonly text: string;
}

/** One row per customer: the columns of RFM.TABLE and CLV.SUMMARY, in order of first appearance. */
export interface CustomerSummary {
  readonly ids: readonly string[];
  /** Excel serials (whole days). */
  readonly firstOrder: Float64Array;
  readonly lastOrder: Float64Array;
  /** Order rows and their amounts, all time. */
  readonly orders: Float64Array;
  readonly amount: Float64Array;
  /** Order rows and amounts inside the window (RFM.TABLE's frequency and monetary); all time when no window. */
  readonly windowOrders: Float64Array;
  readonly windowAmount: Float64Array;
  /** Days from the last order to the analysis date (RFM.TABLE's recency). */
  readonly recencyDays: Float64Array;
  /** CLV.SUMMARY's frequency (repeat purchase days), recency and T (in periods), monetary value. */
  readonly clvFrequency: Float64Array;
  readonly clvRecency: Float64Array;
  readonly clvT: Float64Array;
  readonly clvMonetary: Float64Array;
}

/** One row per period × dimension value: the actuals of the Progress wizard. */
export interface PeriodSummary {
  /** Excel serial of the period's first day (months: the 1st). */
  readonly periodStart: Float64Array;
  /** The dimension's value (salesperson, channel, …); "" when the request has no dimension. */
  readonly dimension: readonly string[];
  readonly orders: Float64Array;
  readonly amount: Float64Array;
}

export interface SummaryResult {
  /** Data rows in the file (rejected ones included). */
  readonly rows: number;
  readonly rejectedCount: number;
  /** The first few rejected rows (at most MAX_LISTED_REJECTS), in file order. */
  readonly rejected: readonly RejectedRow[];
  /**
   * The analysis date used (the request's, else the latest order day), as an Excel serial; 0 when no row
   * could be read (customers and periods are then absent, and the rejected rows say why).
   */
  readonly analysisDate: number;
  readonly customers?: CustomerSummary;
  readonly periods?: PeriodSummary;
  /** Wall time of the summary in the engine, for the page to show. */
  readonly elapsedMs: number;
}

export const MAX_LISTED_REJECTS = 5;

/** How far a summary got: bytes of the file read so far (prepared: transcoded or registered) and the phase. */
export interface SummaryProgress {
  readonly phase: "loading" | "reading" | "summarising" | "collecting";
  /** 0–1 when known. */
  readonly fraction?: number;
}

/** Why the engine failed, for the page to say what to do. */
export type EngineProblem =
  | "noWebAssembly" // the webview cannot run WebAssembly (or CSP forbids it)
  | "loadTimeout" // the engine did not start in time (a blocked worker or wasm file)
  | "outOfMemory" // the file is too big for the webview's memory
  | "unreadableFile" // not a CSV/Parquet file the engine can read
  | "cancelled";

export class EngineError extends Error {
  constructor(
    readonly problem: EngineProblem,
    readonly detail?: string,
  ) {
    super(detail === undefined ? problem : `${problem}: ${detail}`);
    this.name = "EngineError";
  }
}

export interface OrderFileEngine {
  /**
   * Summarises the whole file. Rejects with EngineError("cancelled") once `signal` is aborted (the worker
   * is stopped; nothing was written anywhere).
   */
  summarise(
    file: Blob & { readonly name: string },
    sniff: FileSniff,
    request: SummaryRequest,
    options?: { readonly onProgress?: (progress: SummaryProgress) => void; readonly signal?: AbortSignal },
  ): Promise<SummaryResult>;
  /** Stops the worker and frees its memory. */
  dispose(): void;
}
