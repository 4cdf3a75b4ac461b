import { EngineError, type EngineProblem } from "../engine-contract";

/**
 * How DuckDB-wasm and the browser say that memory ran out:
 * - DuckDB's own limit (its `memory_limit`, 3.1 GiB by default in the pane): "Out of Memory Error: could not
 *   allocate block of size 256.0 KiB (60.9 MiB/61.0 MiB used)" (measured with the limit lowered to 64 MB),
 *   "Out of Memory Error: Allocation failure" (measured: 55M orders, 3 GB, at the default limit), or
 *   "… failed to allocate data of size …";
 * - the WebAssembly heap itself (4 GiB at most for a 32-bit module): emscripten's "Cannot enlarge memory",
 *   "Aborted(OOM)", or a RangeError from WebAssembly.Memory.grow / an ArrayBuffer allocation;
 * - C++'s std::bad_alloc when an allocation fails inside DuckDB.
 */
const OUT_OF_MEMORY = /out of memory|Cannot enlarge memory|Aborted\(OOM\)|Memory\.grow|Array buffer allocation failed|bad_alloc|failed to allocate/i;

/** Refused WebAssembly: a policy without 'wasm-unsafe-eval', or a webview without WebAssembly at all. */
const NO_WEBASSEMBLY = /WebAssembly is not defined|Refused to compile or instantiate WebAssembly|wasm-unsafe-eval|WebAssembly\.(instantiate|compile)\(\): .*(disallowed|not allowed)/i;

/** The message of anything thrown (DuckDB's worker sends plain strings as well as Errors). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** The problem a failure of DuckDB, parquet-wasm or the file reading means for the user. */
export function problemOf(error: unknown, otherwise: EngineProblem = "unreadableFile"): EngineProblem {
  if (error instanceof EngineError) return error.problem;
  const message = messageOf(error);
  if (OUT_OF_MEMORY.test(message)) return "outOfMemory";
  if (NO_WEBASSEMBLY.test(message)) return "noWebAssembly";
  return otherwise;
}

/** An EngineError for any failure, keeping the original message as the detail (first line, 300 characters). */
export function engineError(error: unknown, otherwise: EngineProblem = "unreadableFile"): EngineError {
  if (error instanceof EngineError) return error;
  const detail = messageOf(error).split("\n")[0]!.slice(0, 300);
  return new EngineError(problemOf(error, otherwise), detail);
}

/** Whether this environment can run WebAssembly at all (some locked-down webviews remove it). */
export function hasWebAssembly(): boolean {
  return typeof WebAssembly === "object" && WebAssembly !== null && typeof WebAssembly.instantiate === "function";
}
