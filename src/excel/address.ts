/**
 * A1 addresses as the gateway speaks them: "Sheet1!B2:B40", "'RFM example'!A1", "$C$3", "D5:F9".
 * Rows and columns are 0-based indexes here (Office.js `getRangeByIndexes` convention).
 */

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle on one sheet; `sheet` is undefined when the address named none (the active sheet). */
export interface RangeRef {
  readonly sheet: string | undefined;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** Column letters for a 0-based index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B2" for row 1, column 1 (0-based). */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** The sheet name as Excel writes it in a reference: quoted when it holds anything but letters, digits, _ and . */
export function quoteSheet(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Sheet1!B2:C3" (or "B2" for one cell) from a rectangle. */
export function formatRange(ref: RangeRef): string {
  const start = cellAddress(ref.row, ref.column);
  const end = cellAddress(ref.row + ref.rows - 1, ref.column + ref.columns - 1);
  const local = ref.rows === 1 && ref.columns === 1 ? start : `${start}:${end}`;
  return ref.sheet === undefined ? local : `${quoteSheet(ref.sheet)}!${local}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * Parses "Sheet1!B2:B40", "'My sheet'!A1", "B2:D9" or "$A$1". Returns undefined for anything else, for
 * whole-column/row references ("A:A") and for cells outside Excel's grid.
 */
export function parseRange(address: string): RangeRef | undefined {
  const text = address.trim();
  let sheet: string | undefined;
  let local = text;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    const rawSheet = text.slice(0, bang);
    local = text.slice(bang + 1);
    if (rawSheet.startsWith("'")) {
      if (!rawSheet.endsWith("'") || rawSheet.length < 3) return undefined;
      sheet = rawSheet.slice(1, -1).replace(/''/g, "'");
    } else {
      sheet = rawSheet;
    }
    if (sheet.length === 0) return undefined;
  }
  const [first, second, extra] = local.split(":");
  if (first === undefined || extra !== undefined) return undefined;
  const a = CELL.exec(first);
  const b = second === undefined ? a : CELL.exec(second);
  if (!a || !b) return undefined;
  const r1 = Number(a[2]) - 1;
  const r2 = Number(b[2]) - 1;
  const c1 = columnIndex(a[1]!);
  const c2 = columnIndex(b[1]!);
  if ([r1, r2].some((r) => r < 0 || r >= MAX_ROWS) || [c1, c2].some((c) => c < 0 || c >= MAX_COLUMNS)) return undefined;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { sheet, row, column, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}
