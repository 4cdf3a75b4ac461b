import { DuckDBDataProtocol, type AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import type { FileSniff, SummaryRequest } from "../../../../core/import/contract";
import { EngineError, type OrderFileEngine, type SummaryProgress, type SummaryResult } from "../engine-contract";
import { LOAD_TIMEOUT_MS, loadDuckDb, unlessDied, type LoadedDuckDb } from "./duckdb-loader";
import { engineError } from "./problems";
import { namesFor, runSummary, type OrderSource, type SqlRunner } from "./run-summary";
import { transcodeToUtf8 } from "./transcode";

type Options = { readonly onProgress?: (progress: SummaryProgress) => void; readonly signal?: AbortSignal };

/**
 * OrderFileEngine on DuckDB-wasm, one worker, started when the engine is created and again after a
 * cancelled or failed-with-a-crash summary. Summaries run one at a time; each leaves nothing behind in
 * DuckDB (files and tables are dropped), so memory goes back to what the engine holds idle.
 */
export class DuckDbOrderFileEngine implements OrderFileEngine {
  private loading: Promise<LoadedDuckDb> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private runs = 0;
  private disposed = false;

  constructor(private readonly loadTimeoutMs = LOAD_TIMEOUT_MS) {}

  /** Starts DuckDB now (creating the engine waits for it, so the page can say at once when it cannot start). */
  async start(): Promise<LoadedDuckDb> {
    if (this.disposed) throw new EngineError("cancelled", "the engine was disposed");
    this.loading ??= loadDuckDb(this.loadTimeoutMs).catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  summarise(file: Blob & { readonly name: string }, sniff: FileSniff, request: SummaryRequest, options: Options = {}): Promise<SummaryResult> {
    const run = this.queue.then(() => this.guarded(file, sniff, request, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  /** Stops the worker (its memory goes with it); the next summary starts a new one. */
  private stop(): void {
    const loading = this.loading;
    this.loading = undefined;
    void loading?.then(
      (loaded) => loaded.worker.terminate(),
      () => undefined,
    );
  }

  /** One summary, raced against its signal: an abort stops the worker at once, whatever it was doing. */
  private async guarded(file: Blob, sniff: FileSniff, request: SummaryRequest, options: Options): Promise<SummaryResult> {
    const { signal } = options;
    if (signal?.aborted) throw new EngineError("cancelled");
    let onAbort: () => void = () => undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        this.stop();
        reject(new EngineError("cancelled"));
      };
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await Promise.race([this.summariseNow(file, sniff, request, options), aborted]);
    } catch (error) {
      const failure = engineError(error);
      // After running out of memory (or a crash) the worker's heap is in no state to be trusted again.
      if (failure.problem === "outOfMemory" || failure.problem === "loadTimeout") this.stop();
      throw failure;
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  private async summariseNow(file: Blob, sniff: FileSniff, request: SummaryRequest, options: Options): Promise<SummaryResult> {
    const started = performance.now();
    const progress = (update: SummaryProgress) => {
      if (!options.signal?.aborted) options.onProgress?.(update);
    };
    progress({ phase: "loading" });
    const duck = await this.start();
    const { db } = duck;
    const id = ++this.runs;
    const fileName = `orders-${id}.csv`;
    const table = `parquet_rows_${id}`;
    const names = namesFor(id);
    const conn = await unlessDied(duck, db.connect());
    const sql: SqlRunner = (text) => unlessDied(duck, conn.query(text));
    try {
      progress({ phase: "reading", fraction: 0 });
      const source = await this.prepare(duck, conn, file, sniff, { fileName, table }, (fraction) => progress({ phase: "reading", fraction }), options.signal);
      progress({ phase: "reading", fraction: 1 });
      const result = await runSummary(sql, source, sniff, request, names, progress);
      return { ...result, elapsedMs: performance.now() - started };
    } finally {
      if (!options.signal?.aborted && this.loading !== undefined) {
        // Free what this summary held; a failure here must not hide the summary's own outcome.
        await sql(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
        await unlessDied(duck, db.dropFile(fileName)).catch(() => undefined);
        await unlessDied(duck, conn.close()).catch(() => undefined);
      }
    }
  }

  /**
   * Makes the file readable by the summary SQL:
   * - UTF-8 CSV: registered as a browser file handle; DuckDB reads slices of it on demand, so a file of
   *   several GB is never copied into memory;
   * - GB18030/GBK CSV: re-encoded to UTF-8 in slices into a Blob (transcode.ts), registered the same way;
   * - Parquet: streamed through parquet-wasm as Arrow batches into a DuckDB table (parquet.ts).
   */
  private async prepare(
    duck: LoadedDuckDb,
    conn: AsyncDuckDBConnection,
    file: Blob,
    sniff: FileSniff,
    names: { readonly fileName: string; readonly table: string },
    onFraction: (fraction: number) => void,
    signal: AbortSignal | undefined,
  ): Promise<OrderSource> {
    if (sniff.format === "parquet") {
      const { streamParquet } = await import(/* webpackChunkName: "import-parquet" */ "./parquet");
      const rows = await streamParquet(file, (ipc, first) => unlessDied(duck, conn.insertArrowFromIPCStream(ipc, { name: names.table, create: first })), onFraction, signal);
      if (rows === 0) throw new EngineError("unreadableFile", "the Parquet file has no rows");
      return { kind: "table", table: names.table };
    }
    const utf8 = sniff.encoding === "utf-8" ? file : await transcodeToUtf8(file, sniff.encoding, { onProgress: onFraction, signal });
    await unlessDied(duck, duck.db.registerFileHandle(names.fileName, utf8, DuckDBDataProtocol.BROWSER_FILEREADER, true));
    return { kind: "csv", fileName: names.fileName };
  }
}
