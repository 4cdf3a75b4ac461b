/**
 * The Import page's engine (大文件导入): what the page calls to preview an order file and to summarise it.
 *
 * This module is small and may be in the page's chunk: a CSV is sniffed in plain TypeScript (core/import)
 * from its first 256 KiB, with no WebAssembly loaded. Everything heavy is a chunk of its own, fetched on
 * first use from the add-in's origin: parquet-wasm (Parquet preview and reading) and DuckDB-wasm with
 * apache-arrow (the summary); their WebAssembly and DuckDB's worker script are files next to the chunks
 * (scripts/engine-assets.cjs).
 */
import { SNIFF_BYTES, isParquet, sniffCsv } from "../../../../core/import/sniff";
import type { FileSniff } from "../../../../core/import/contract";
import type { OrderFileEngine } from "../engine-contract";
import { engineError } from "./problems";

export type { SniffError, SniffProblem } from "../../../../core/import/sniff";

/**
 * What the file is, from its first bytes: format, encoding, delimiter, header, the first 20 rows and their
 * types. A CSV rejects with the core's SniffError (empty, UTF-16, binary); a Parquet file that
 * parquet-wasm cannot read rejects with EngineError("unreadableFile").
 */
export async function sniffFile(file: Blob & { readonly name: string }): Promise<FileSniff> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  if (isParquet(head) || /\.parquet$/i.test(file.name)) {
    const parquet = await import(/* webpackChunkName: "import-parquet" */ "./parquet").catch((error: unknown) => {
      throw engineError(error, "loadTimeout");
    });
    return parquet.sniffParquet(file);
  }
  return sniffCsv(head, file.size);
}

/**
 * Starts the engine: fetches DuckDB-wasm's chunk and starts DuckDB in its worker (about a second here).
 * Rejects with EngineError "noWebAssembly" or "loadTimeout" when it cannot start. After a cancelled
 * summary the worker is stopped and started again by the next summary. `loadTimeoutMs` (default
 * LOAD_TIMEOUT_MS, 60 s) is how long starting may take.
 */
export async function createOrderFileEngine(options: { readonly loadTimeoutMs?: number } = {}): Promise<OrderFileEngine> {
  const { DuckDbOrderFileEngine } = await import(/* webpackChunkName: "import-engine" */ "./duckdb-engine").catch((error: unknown) => {
    throw engineError(error, "loadTimeout");
  });
  const engine = new DuckDbOrderFileEngine(options.loadTimeoutMs);
  await engine.start();
  return engine;
}
