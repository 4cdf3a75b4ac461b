/** Checks every gateway makes before it touches the workbook, and how it reports a failure. */
import { cellAddress, MAX_COLUMNS, MAX_ROWS, parseRange, quoteSheet, type RangeRef } from "./address";
import { GatewayError, isGatewayError, MAX_LISTED_OCCUPIED, type CellSpec, type GatewayErrorCode, type SheetPlan } from "./gateway";

/** A parsed address, or a BAD_ADDRESS error naming it. */
export function requireRange(address: string): RangeRef {
  const ref = parseRange(address);
  if (ref === undefined) throw new GatewayError("BAD_ADDRESS", address);
  return ref;
}

/** A parsed address on the new sheet (no sheet part allowed: the plan does not know the final name). */
export function requireLocalRange(address: string): RangeRef {
  const ref = requireRange(address);
  if (ref.sheet !== undefined) throw new GatewayError("BAD_ADDRESS", address);
  return ref;
}

/** BAD_ADDRESS for the first malformed address of a plan's tables, formats, charts and names. */
export function requirePlanAddresses(plan: SheetPlan): void {
  const addresses = [
    ...(plan.tables ?? []).map((t) => t.address),
    ...(plan.numberFormats ?? []).map((f) => f.address),
    ...(plan.charts ?? []).flatMap((c) => [c.source, c.from, c.to]),
    ...(plan.names ?? []).map((n) => n.address),
    ...(plan.conditionalFormats ?? []).map((c) => c.address),
  ];
  addresses.forEach(requireLocalRange);
}

/** BAD_ADDRESS when `rows` × `columns` from `ref`'s top-left cell would leave Excel's grid. */
export function requireOnGrid(ref: RangeRef, rows: number, columns: number, address: string): void {
  if (ref.row + rows > MAX_ROWS || ref.column + columns > MAX_COLUMNS) throw new GatewayError("BAD_ADDRESS", address);
}

/**
 * The target cells (non-null specs) that are not empty in `previous` (formulas as Office.js returns them:
 * "" for empty), as A1 addresses on `sheet`.
 */
export function occupiedTargets(
  rows: readonly (readonly CellSpec[])[],
  previous: readonly (readonly unknown[])[],
  origin: { readonly sheet: string; readonly row: number; readonly column: number },
  formatCell: (sheet: string, row: number, column: number) => string,
): string[] {
  const occupied: string[] = [];
  rows.forEach((row, r) =>
    row.forEach((spec, c) => {
      const before = previous[r]?.[c];
      if (spec !== null && before !== "" && before !== null && before !== undefined) {
        occupied.push(formatCell(origin.sheet, origin.row + r, origin.column + c));
      }
    }),
  );
  return occupied;
}

/**
 * The non-empty cells of a sheet a `replaceSheet` would replace, row by row: the first
 * MAX_LISTED_OCCUPIED as addresses ("'My plan'!B2") and how many there are in all.
 */
export function listOccupied(sheet: string, cells: Iterable<readonly [row: number, column: number]>): { occupied: string[]; count: number } {
  const sorted = [...cells].sort(([r1, c1], [r2, c2]) => r1 - r2 || c1 - c2);
  return { occupied: sorted.slice(0, MAX_LISTED_OCCUPIED).map(([r, c]) => `${quoteSheet(sheet)}!${cellAddress(r, c)}`), count: sorted.length };
}

/** The message of anything thrown. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A GatewayError as it is, anything else as `code` with its message. */
export function toGatewayError(error: unknown, code: GatewayErrorCode = "WRITE_FAILED"): GatewayError {
  if (isGatewayError(error)) return error;
  return new GatewayError(code, errorDetail(error));
}

/** CANCELLED when the caller aborted the write: checked before each step, so nothing after it is done. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new GatewayError("CANCELLED");
}

/**
 * Lets the page run between two steps of a long write (its progress bar repaints, its Cancel button can be
 * pressed): a macrotask, not a microtask, so that rendering and input get their turn.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
