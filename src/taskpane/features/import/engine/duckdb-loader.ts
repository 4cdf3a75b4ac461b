import * as duckdb from "@duckdb/duckdb-wasm";
import { EngineError } from "../engine-contract";
import { engineError, hasWebAssembly } from "./problems";

/**
 * DuckDB-wasm's files, emitted by webpack next to the chunks (scripts/engine-assets.cjs) and fetched from
 * where this chunk came from: the add-in's own origin, never a CDN. The "eh" build (WebAssembly exception
 * handling, every current Chromium/Edge WebView2) with the "mvp" build for older webviews; the
 * multi-threaded "coi" build needs cross-origin isolation, which a page inside Office does not have.
 */
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: {
    mainModule: new URL("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm", import.meta.url).href,
    mainWorker: new URL("@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js", import.meta.url).href,
  },
  eh: {
    mainModule: new URL("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm", import.meta.url).href,
    mainWorker: new URL("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js", import.meta.url).href,
  },
};

/**
 * How long DuckDB may take to start: fetching and compiling ~34 MB of WebAssembly takes about a second
 * here, but a slow disk or a busy machine can take far longer. A blocked wasm file (wrong MIME type, a
 * policy without 'wasm-unsafe-eval' on the worker's response) makes `instantiate()` wait forever, so the
 * wait must end somewhere.
 */
export const LOAD_TIMEOUT_MS = 60_000;

/** A running DuckDB: its worker, and a promise that rejects when the worker dies (its requests never settle then). */
export interface LoadedDuckDb {
  readonly db: duckdb.AsyncDuckDB;
  readonly worker: Worker;
  readonly died: Promise<never>;
  /** Which build runs ("eh" or "mvp") and how long starting took, for the bench. */
  readonly bundle: "eh" | "mvp";
  readonly loadMs: number;
}

/** Resolves or rejects with `work`, unless `died` rejects first. */
export function unlessDied<T>(loaded: Pick<LoadedDuckDb, "died">, work: Promise<T>): Promise<T> {
  return Promise.race([work, loaded.died]);
}

/**
 * Starts DuckDB in a new worker. Rejects with EngineError "noWebAssembly" when the webview has none (or its
 * policy refuses to compile it), "loadTimeout" when it has not started within `timeoutMs` (the worker is
 * stopped then), "outOfMemory" when the heap cannot be reserved.
 */
export async function loadDuckDb(timeoutMs = LOAD_TIMEOUT_MS): Promise<LoadedDuckDb> {
  if (!hasWebAssembly()) throw new EngineError("noWebAssembly");
  const started = performance.now();
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  let fail: (error: EngineError) => void = () => undefined;
  const died = new Promise<never>((_, reject) => (fail = reject));
  died.catch(() => undefined); // observed by whoever races against it; never an unhandled rejection
  // A worker that cannot be fetched or crashes reports here, not through DuckDB's requests. Once DuckDB
  // has started, a worker that dies without saying why has almost always run out of memory.
  let running = false;
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    fail(engineError(event.message || "the DuckDB worker stopped", running ? "outOfMemory" : "loadTimeout"));
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EngineError("loadTimeout", `DuckDB did not start within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), died, timeout]);
    await Promise.race([db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } }), died, timeout]);
  } catch (error) {
    worker.terminate();
    throw engineError(error, "loadTimeout");
  } finally {
    clearTimeout(timer);
  }
  running = true;
  return { db, worker, died, bundle: bundle.mainModule === BUNDLES.eh!.mainModule ? "eh" : "mvp", loadMs: performance.now() - started };
}
