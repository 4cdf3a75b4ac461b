import { EngineError } from "../engine-contract";

/** How much of the file is decoded at once: large enough to be quick, small enough to keep the page responsive. */
export const TRANSCODE_CHUNK_BYTES = 8 * 1024 * 1024;

export interface TranscodeOptions {
  readonly chunkBytes?: number;
  /** Called after each chunk with the fraction of the file read (0–1). */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * The file re-encoded as UTF-8, for DuckDB, whose CSV reader reads UTF-8 only; GB18030 (and GBK, its
 * subset, which Chinese Excel and WPS write) is decoded by the browser's TextDecoder.
 *
 * The file is read in slices; the decoder is told each slice is not the last (`stream: true`), so a
 * character cut between two slices is completed from the next one. Each re-encoded slice becomes a Blob at
 * once and only the Blobs are kept: the browser holds their bytes outside the page's heap (on disk when
 * large), so a file of several GB never sits in the page's memory, and DuckDB reads the result through the
 * same file reader as a UTF-8 file — one file, so line numbers stay the file's. Between slices the page
 * gets control back (reading a slice is asynchronous), which keeps the pane responsive.
 *
 * Bytes GB18030 cannot decode become U+FFFD, so the row holding them is still read and, when its customer,
 * date or amount is unreadable, rejected with its line number.
 */
export async function transcodeToUtf8(file: Blob, encoding: string, options: TranscodeOptions = {}): Promise<Blob> {
  const chunkBytes = options.chunkBytes ?? TRANSCODE_CHUNK_BYTES;
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  const pieces: Blob[] = [];
  for (let at = 0; at < file.size; at += chunkBytes) {
    if (options.signal?.aborted) throw new EngineError("cancelled");
    const bytes = new Uint8Array(await file.slice(at, at + chunkBytes).arrayBuffer());
    pieces.push(new Blob([encoder.encode(decoder.decode(bytes, { stream: true }))]));
    options.onProgress?.(Math.min(1, (at + bytes.length) / file.size));
  }
  if (options.signal?.aborted) throw new EngineError("cancelled");
  const rest = decoder.decode();
  if (rest !== "") pieces.push(new Blob([encoder.encode(rest)]));
  return new Blob(pieces);
}
