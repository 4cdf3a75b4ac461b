import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** `test/fixtures`: the reference data the tests read, inside the repository (provenance in its README). */
export const FIXTURES = resolve(__dirname, "..", "fixtures");

/** Rows of a CSV fixture as records keyed by the header (RFC 4180 quoting). */
export function readCsv(relativePath: string): Record<string, string>[] {
  const text = readFileSync(join(FIXTURES, relativePath), "utf8").replace(/^\uFEFF/, "");
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  return rows.slice(1).map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || (r[0] ?? "") !== "");
}
