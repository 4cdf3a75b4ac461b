/** Writing test CSV files for DuckDB to read: RFC 4180 quoting, into one temporary folder per test file. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let folder: string | undefined;

/** A field quoted when it must be (a delimiter, a quote, a line break, or spaces DuckDB must keep). */
export function csvField(text: string, delimiter = ","): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) || text === "" ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly string[])[], delimiter = ","): string {
  return rows.map((row) => row.map((cell) => csvField(cell, delimiter)).join(delimiter)).join("\n") + "\n";
}

let counter = 0;

/** Writes `content` to a new file in the test folder and returns its path. */
export function writeTemp(content: string | Uint8Array, name = "orders.csv"): string {
  folder ??= mkdtempSync(join(tmpdir(), "spx-import-"));
  const path = join(folder, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}
