/**
 * The one way the Import page reaches its engine (engine/: the file sniffer, and DuckDB-wasm in a worker):
 * a dynamic import, so that the engine's code stays out of the page's chunk (and the pane's first render),
 * fetched when a file is first chosen; its WebAssembly only when a summary runs. Tests replace the module by a
 * fake with the same contract (setImportEngineForTests).
 */
import type { FileSniff, OrderFileEngine } from "./engine-contract";

/** What engine/index.ts exports. */
export interface ImportEngineModule {
  sniffFile(file: Blob & { readonly name: string }): Promise<FileSniff>;
  createOrderFileEngine(): Promise<OrderFileEngine>;
}

let replacement: ImportEngineModule | undefined;
let loading: Promise<ImportEngineModule> | undefined;

/** The engine module, loaded once (a failed load is tried again next time). */
export function loadImportEngine(): Promise<ImportEngineModule> {
  if (replacement !== undefined) return Promise.resolve(replacement);
  loading ??= import(/* webpackChunkName: "import-engine-entry" */ "./engine").then(
    (module): ImportEngineModule => module,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Tests: the module loadImportEngine gives (undefined: the real one again). */
export function setImportEngineForTests(module: ImportEngineModule | undefined): void {
  replacement = module;
}
