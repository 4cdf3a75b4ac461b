/**
 * Request sizes: Excel on the web caps a request and a response at 5 MB, so the gateways write and read
 * in row blocks, one `sync` each.
 */

/** At most this many rows per write (and read) request, one `sync` each. */
export const WRITE_BLOCK_ROWS = 5000;

/**
 * Estimated payload per write request: Excel on the web caps a request at 5 MB, so a block of long texts
 * gets fewer rows (see rowBlocks).
 */
export const WRITE_BLOCK_BYTES = 4_000_000;

/** Cells per read request: a response is capped at 5 MB too, so wide ranges are read in shorter blocks. */
export const READ_BLOCK_CELLS = 200_000;

/**
 * Splits `count` rows into [start, end) blocks of at most `maxRows` rows whose estimated size stays within
 * `maxBytes` (a single row over the budget still goes, alone).
 */
export function rowBlocks(count: number, rowBytes: (row: number) => number, maxRows = WRITE_BLOCK_ROWS, maxBytes = WRITE_BLOCK_BYTES): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (let row = 0; row < count; row++) {
    const size = rowBytes(row);
    if (row > start && (row - start >= maxRows || bytes + size > maxBytes)) {
      blocks.push([start, row]);
      start = row;
      bytes = 0;
    }
    bytes += size;
  }
  if (count > start) blocks.push([start, count]);
  return blocks;
}

/** A cell's size in a JSON request, generously (UTF-8 of CJK text is 3 bytes a character). */
function inputBytes(input: unknown): number {
  if (typeof input === "string") return input.length * 3 + 3;
  if (typeof input === "number") return 24;
  return 6;
}

/** Estimated request bytes of a row of inputs (as Office.js receives or returns them). */
export function inputRowBytes(row: readonly unknown[] | undefined, width: number): number {
  let bytes = 2;
  for (let c = 0; c < width; c++) bytes += inputBytes(row?.[c] ?? null);
  return bytes;
}

/**
 * Rows per read request for a range this wide; `properties` cells are returned per cell (formulas and
 * values: 2), so the block is that much shorter.
 */
export function readBlockRows(columns: number, properties = 1): number {
  return Math.max(1, Math.min(WRITE_BLOCK_ROWS, Math.floor(READ_BLOCK_CELLS / Math.max(columns * properties, 1))));
}
