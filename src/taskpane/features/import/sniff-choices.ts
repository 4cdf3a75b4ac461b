/**
 * The start of a CSV file read again as the user chose (File step: encoding, separator, header row) instead
 * of as the sniffer guessed: the core's own reading (core/import/sniff.ts `sniffCsvAs`), so the preview has
 * the width DuckDB's reader will be told. Pure but for reading the file's first bytes; no WebAssembly.
 */
import type { FileSniff } from "../../../core/import/contract";
import { SNIFF_BYTES, sniffCsvAs, type SniffChoices } from "../../../core/import/sniff";

export type { SniffChoices } from "../../../core/import/sniff";

/** The core's `sniffCsvAs` of a file's first bytes. */
export async function sniffFileAs(file: Blob, choices: SniffChoices): Promise<FileSniff> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffCsvAs(head, file.size, choices);
}
