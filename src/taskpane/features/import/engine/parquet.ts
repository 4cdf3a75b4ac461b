/**
 * Parquet files, read by parquet-wasm (Rust's parquet crate in WebAssembly) into Arrow.
 *
 * Why not DuckDB's own Parquet reader: DuckDB-wasm does not build it in; it fetches its parquet extension
 * from DuckDB's extension server the first time a Parquet file is read, which fails offline and on any
 * network that blocks it (and would be a request off the add-in's origin). Vendoring the extension is not
 * possible either: it is a signed binary published only on that server, not in the npm package, and an
 * unsigned build would need `allow_unsigned_extensions`. parquet-wasm is an npm package with its own
 * 5 MB WebAssembly file, served from the add-in's origin like DuckDB's, and hands DuckDB Arrow IPC.
 */
import initParquet, { ParquetFile } from "parquet-wasm/esm";
import { tableFromIPC, type DataType, type Table } from "apache-arrow";
import type { FileSniff } from "../../../../core/import/contract";
import { columnTypeOf, textOf } from "./arrow-text";
import { engineError } from "./problems";

const PARQUET_WASM = new URL("parquet-wasm/esm/parquet_wasm_bg.wasm", import.meta.url);

/** Rows per Arrow batch handed to DuckDB: big enough for few round trips, small enough to keep two in memory. */
export const PARQUET_BATCH_ROWS = 131_072;
export const PREVIEW_ROWS = 20;

let initialised: Promise<unknown> | undefined;

/** Loads parquet-wasm's WebAssembly once (from the add-in's origin). */
function ready(): Promise<unknown> {
  initialised ??= initParquet({ module_or_path: PARQUET_WASM }).catch((error: unknown) => {
    initialised = undefined; // a failed load may be retried
    throw engineError(error, "loadTimeout");
  });
  return initialised;
}

/** Arrow rows as text, column by column. */
function textRows(table: Table): string[][] {
  const fields = table.schema.fields;
  const columns = fields.map((field, c) => {
    const vector = table.getChildAt(c);
    return Array.from({ length: table.numRows }, (_, r) => textOf(vector?.get(r), field.type as DataType));
  });
  return Array.from({ length: table.numRows }, (_, r) => columns.map((column) => column[r]!));
}

/** The schema and first rows of a Parquet file; only the footer and the first row group are read. */
export async function sniffParquet(file: Blob): Promise<FileSniff> {
  await ready();
  let table: Table;
  try {
    const parquet = await ParquetFile.fromFile(file);
    const wasmTable = await parquet.read({ limit: PREVIEW_ROWS });
    table = tableFromIPC(wasmTable.intoIPCStream());
    parquet.free();
  } catch (error) {
    throw engineError(error, "unreadableFile");
  }
  const preview = textRows(table);
  const fields = table.schema.fields;
  return {
    format: "parquet",
    encoding: "utf-8",
    delimiter: ",",
    hasHeader: true,
    headers: fields.map((field) => field.name),
    preview,
    types: fields.map((field, c) => columnTypeOf(field, preview.map((row) => row[c]!))),
    bytes: file.size,
  };
}

/**
 * Streams a Parquet file as Arrow IPC batches (at most PARQUET_BATCH_ROWS rows each) to `sink`, in file
 * order; `onProgress` gets the fraction of rows read.
 */
export async function streamParquet(file: Blob, sink: (ipc: Uint8Array, first: boolean) => Promise<void>, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<number> {
  await ready();
  let parquet: ParquetFile;
  let stream: ReadableStream;
  try {
    parquet = await ParquetFile.fromFile(file);
    stream = await parquet.stream({ batchSize: PARQUET_BATCH_ROWS });
  } catch (error) {
    throw engineError(error, "unreadableFile");
  }
  const total = parquet.metadata().fileMetadata().numRows();
  const reader = stream.getReader();
  let rows = 0;
  try {
    for (;;) {
      if (signal?.aborted) break;
      const { done, value } = (await reader.read()) as { done: boolean; value?: { numRows: number; intoIPCStream(): Uint8Array } };
      if (done || value === undefined) break;
      const batchRows = value.numRows;
      await sink(value.intoIPCStream(), rows === 0);
      rows += batchRows;
      onProgress?.(total > 0 ? Math.min(1, rows / total) : 0);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    parquet.free();
  }
  return rows;
}
