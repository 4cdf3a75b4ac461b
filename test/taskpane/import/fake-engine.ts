/**
 * A stand-in for the Import page's engine (DuckDB-wasm cannot run in jsdom): the same contract, the real
 * sniffer (core/import/sniff.ts), and a summary computed in plain TypeScript by the core's own RFM.TABLE and
 * CLV.SUMMARY on the rows it can read — so the page's tests check the sheets against the functions. It
 * honours the signal (a cancelled run rejects with EngineError "cancelled") and can be held mid-run or made
 * to fail.
 */
import type { FileSniff, SummaryRequest } from "../../../src/core/import/contract";
import { parseCsv, sniffCsv } from "../../../src/core/import/sniff";
import { clvSummary } from "../../../src/core/clv/clv-summary";
import { rfmTable } from "../../../src/core/rfm/rfm-table";
import { dayFromText, dayOf, serialFromYmd, ymdFromSerial } from "../../../src/core/shared/excel-date";
import { numberFromText } from "../../../src/core/shared/number-text";
import { EngineError, MAX_LISTED_REJECTS, type OrderFileEngine, type RejectedRow, type SummaryProgress, type SummaryResult } from "../../../src/taskpane/features/import/engine-contract";
import type { ImportEngineModule } from "../../../src/taskpane/features/import/import-engine";

/** The bytes of files made by {@link orderFile} (jsdom's File gives no bytes back synchronously). */
const BYTES = new WeakMap<Blob, Uint8Array>();

/** A File of these bytes (UTF-8 from utf8, GB18030 from test/core/import/gb18030.ts). */
export function orderFile(name: string, bytes: Uint8Array): File {
  const file = new File([new Uint8Array(bytes)], name, { lastModified: 1_700_000_000_000 });
  BYTES.set(file, bytes);
  return file;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** The summary the engine is asked for, computed with the core's functions. */
export function summariseText(text: string, sniff: FileSniff, request: SummaryRequest): SummaryResult {
  const records = parseCsv(text, sniff.delimiter).records;
  const data = sniff.hasHeader ? records.slice(1) : records;
  const { mapping } = request;
  const ids: string[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  const dims: string[] = [];
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  const reject = (row: RejectedRow) => {
    rejectedCount++;
    if (rejected.length < MAX_LISTED_REJECTS) rejected.push(row);
  };
  data.forEach((record, i) => {
    const line = i + (sniff.hasHeader ? 2 : 1);
    const customer = record[mapping.customer] ?? "";
    const dateText = record[mapping.date] ?? "";
    const amountText = record[mapping.amount] ?? "";
    const day = dayFromText(dateText);
    const amount = numberFromText(amountText);
    if (customer.trim() === "") return reject({ line, field: "customer", text: customer });
    if (day === undefined) return reject({ line, field: "date", text: dateText });
    if (amount === undefined) return reject({ line, field: "amount", text: amountText });
    if (request.analysisDate !== undefined && day > request.analysisDate) return reject({ line, field: "date", text: dateText });
    ids.push(customer);
    dates.push(day);
    amounts.push(amount);
    const dimension = request.periods?.dimension;
    dims.push(dimension === undefined ? "" : (record[mapping.dimensions[dimension] ?? -1] ?? ""));
  });
  const analysisDate = request.analysisDate ?? (dates.length === 0 ? 0 : Math.max(...dates));
  const result: { -readonly [K in keyof SummaryResult]: SummaryResult[K] } = { rows: data.length, rejectedCount, rejected, analysisDate, elapsedMs: 1234 };
  if (request.customers && ids.length > 0) {
    const all = rfmTable(ids, dates, amounts, analysisDate);
    const window = rfmTable(ids, dates, amounts, analysisDate, request.windowDays);
    const clv = clvSummary(ids, dates, amounts, analysisDate, request.periodDays ?? 7);
    const first = new Map<string, number>();
    ids.forEach((id, i) => first.set(id, Math.min(first.get(id) ?? Infinity, dayOf(dates[i]!))));
    result.customers = {
      ids: all.ids.map(String),
      firstOrder: Float64Array.from(all.ids, (id) => first.get(String(id))!),
      lastOrder: all.recency.map((r) => analysisDate - r),
      orders: all.frequency,
      amount: all.monetary,
      windowOrders: window.frequency,
      windowAmount: window.monetary,
      recencyDays: all.recency,
      clvFrequency: clv.frequency,
      clvRecency: clv.recency,
      clvT: clv.T,
      clvMonetary: clv.monetaryValue,
    };
  }
  if (request.periods !== undefined) {
    const sums = new Map<string, { start: number; dimension: string; orders: number; amount: number }>();
    dates.forEach((day, i) => {
      const { year, month } = ymdFromSerial(day);
      const start = serialFromYmd(year, month, 1)!;
      const key = `${start}|${dims[i]}`;
      const sum = sums.get(key) ?? { start, dimension: dims[i]!, orders: 0, amount: 0 };
      sum.orders++;
      sum.amount += amounts[i]!;
      sums.set(key, sum);
    });
    const rows = [...sums.values()].sort((a, b) => a.start - b.start || a.dimension.localeCompare(b.dimension));
    result.periods = {
      periodStart: Float64Array.from(rows, (r) => r.start),
      dimension: rows.map((r) => r.dimension),
      orders: Float64Array.from(rows, (r) => r.orders),
      amount: Float64Array.from(rows, (r) => r.amount),
    };
  }
  return result;
}

export interface FakeEngine extends ImportEngineModule {
  /** Summaries started, and engines disposed. */
  readonly runs: SummaryRequest[];
  disposed: number;
  /** When set, a summary waits for it (after reporting "reading" at 50%) before it finishes. */
  hold: Promise<void> | undefined;
  /** When set, the next engine fails to start with it. */
  failStart: EngineError | undefined;
}

/** A fake engine module over files made by {@link orderFile}. */
export function fakeEngine(): FakeEngine {
  const fake: FakeEngine = {
    runs: [],
    disposed: 0,
    hold: undefined,
    failStart: undefined,
    async sniffFile(file) {
      const bytes = BYTES.get(file);
      if (bytes === undefined) throw new Error("not a test file");
      return sniffCsv(bytes, bytes.length);
    },
    async createOrderFileEngine(): Promise<OrderFileEngine> {
      const failure = fake.failStart;
      fake.failStart = undefined;
      if (failure !== undefined) throw failure;
      return {
        async summarise(file, sniff, request, options = {}) {
          fake.runs.push(request);
          const progress = (p: SummaryProgress) => options.onProgress?.(p);
          const stopIfCancelled = () => {
            if (options.signal?.aborted === true) throw new EngineError("cancelled");
          };
          progress({ phase: "reading", fraction: 0.5 });
          if (fake.hold !== undefined) {
            const cancelled = new Promise<never>((_, reject) => options.signal?.addEventListener("abort", () => reject(new EngineError("cancelled"))));
            await Promise.race([fake.hold, cancelled]);
          }
          stopIfCancelled();
          progress({ phase: "summarising" });
          const bytes = BYTES.get(file)!;
          return summariseText(new TextDecoder(sniff.encoding).decode(bytes), sniff, request);
        },
        dispose() {
          fake.disposed++;
        },
      };
    },
  };
  return fake;
}
