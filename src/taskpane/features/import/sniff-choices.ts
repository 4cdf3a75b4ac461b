/**
 * The start of a CSV file read again as the user chose (File step: encoding, separator, header row) instead
 * of as the sniffer guessed: the same reader (core/import/sniff.ts), the same preview and types. Pure but for
 * reading the file's first bytes; no WebAssembly.
 */
import type { Delimiter, FileSniff, TextEncoding } from "../../../core/import/contract";
import { columnType, generatedHeaders, parseCsv, PREVIEW_ROWS, SNIFF_BYTES, SniffError, utf8BomLength } from "../../../core/import/sniff";

/** What the user chose over the sniffer's guesses. */
export interface SniffChoices {
  readonly encoding: TextEncoding;
  readonly delimiter: Delimiter;
  readonly hasHeader: boolean;
}

/** A CSV's preview from its first bytes (`bytes`: the whole file's size), read with the given choices. */
export function sniffCsvAs(head: Uint8Array, bytes: number, choices: SniffChoices): FileSniff {
  const truncated = head.length < bytes;
  const body = choices.encoding === "utf-8" ? head.subarray(utf8BomLength(head)) : head;
  // A character cut at the end of the head decodes to U+FFFD in the last record, which is left out below.
  const text = new TextDecoder(choices.encoding).decode(body);
  const parsed = parseCsv(text, choices.delimiter, PREVIEW_ROWS + 2);
  const records = truncated && !parsed.lastComplete ? parsed.records.slice(0, -1) : parsed.records;
  if (records.length === 0) throw new SniffError("empty");
  const first = records[0]!;
  const data = (choices.hasHeader ? records.slice(1) : records).slice(0, PREVIEW_ROWS);
  const width = Math.max(first.length, ...data.map((row) => row.length));
  const headers = choices.hasHeader ? [...first, ...generatedHeaders(width, first.length)] : generatedHeaders(width);
  const preview = data.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
  const types = headers.map((_, c) => columnType(preview.map((row) => row[c] as string)));
  return { format: "csv", encoding: choices.encoding, delimiter: choices.delimiter, hasHeader: choices.hasHeader, headers, preview, types, bytes };
}

/** {@link sniffCsvAs} of a file. */
export async function sniffFileAs(file: Blob, choices: SniffChoices): Promise<FileSniff> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffCsvAs(head, file.size, choices);
}
