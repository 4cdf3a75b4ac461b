/**
 * History ranges read at submit, before a wizard writes formulas over them: a range the formulas would show
 * an error for (empty, a blank or a word among the numbers, a season adding up to 0) is refused, naming the
 * cells, so a form never writes a sheet of #VALUE!.
 *
 * - {@link seasonalHistory}: what TARGET.SEASONAL reads (its own rules, as the adapter applies them: numbers
 *   and numeric text such as "1.2万"; trailing blank rows ignored; an incomplete last row of a block left
 *   out), then the core's own check of the shares (`seasonalShares`).
 * - {@link growthHistory}: what the SMART sheet's growth formulas read with Excel's own arithmetic: one row
 *   or column of numbers (a header cell above or before them skipped); numeric text is refused, since
 *   Excel cannot compute with "1.2万".
 */
import { numberFromText } from "../../core/shared/number-text";
import { isCoreError } from "../../core/shared/errors";
import { seasonalShares } from "../../core/targets/seasonal";
import { cellAddress, formatRange, parseRange, type RangeRef } from "../../excel/address";
import type { CellValue, RangeData } from "../../excel/gateway";

/** At most this many cells are named in a message (then "…"). */
export const LISTED_CELLS = 5;

export type HistoryProblemCode =
  /** Nothing but blanks in `address`. */
  | "historyEmpty"
  /** Blanks (`blanks`: "B3, B5") or text (`texts`: "C4 “abc”") among the numbers. */
  | "historyCells"
  /** Fewer than `needed` values (`count` read). */
  | "historyTooShort"
  /** `cells`: negative values. */
  | "historyNegative"
  /** The season starting at `cell` adds up to 0. */
  | "historyZeroSeason"
  /** Neither one row nor one column (`rows` × `columns`). */
  | "historyNotList";

export interface HistoryProblem {
  readonly ok: false;
  readonly code: HistoryProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A cell that is not what the formulas need. */
interface BadCell {
  readonly address: string;
  readonly text: string | undefined;
}

const isBlank = (cell: CellValue | undefined) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

const problem = (code: HistoryProblemCode, params: Record<string, string | number> = {}): HistoryProblem => ({ ok: false, code, params });

/** Addresses (and text) of at most LISTED_CELLS cells: "C4 “abc”, C6 “—”", "…" after them when there are more. */
function listed(cells: readonly BadCell[]): string {
  const shown = cells.slice(0, LISTED_CELLS).map((cell) => (cell.text === undefined ? cell.address : `${cell.address} “${cell.text}”`));
  return `${shown.join(", ")}${cells.length > LISTED_CELLS ? ", …" : ""}`;
}

/** The params of "historyCells": `blanks` (addresses of blank cells) and `texts` (cells that are not numbers), "" when none. */
function cellsParams(cells: readonly BadCell[]): Record<string, string> {
  return { blanks: listed(cells.filter((cell) => cell.text === undefined)), texts: listed(cells.filter((cell) => cell.text !== undefined)) };
}

const textOf = (cell: CellValue | undefined) => (typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell ?? ""));

/** The range the gateway read, or a 1-cell origin at A1 when its address does not parse (never from the gateways). */
const refOf = (data: RangeData): RangeRef => parseRange(data.address) ?? { sheet: undefined, row: 0, column: 0, rows: data.values.length, columns: data.values[0]?.length ?? 0 };

/**
 * The history of a seasonal split over `periods` periods, as TARGET.SEASONAL reads it, or the problem the
 * sheet would show. `data` is the range read (its address as the gateway gives it).
 */
export function seasonalHistory(data: RangeData, periods: number): { readonly ok: true } | HistoryProblem {
  const ref = refOf(data);
  const at = (r: number, c: number) => cellAddress(ref.row + r, ref.column + c);
  const rows = data.values;
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  if (!rows.some((row) => row.some((cell) => !isBlank(cell)))) return problem("historyEmpty", { address: data.address });
  const list = rows.length === 1 || width === 1;

  // The cells TARGET.SEASONAL uses, in reading order, with their addresses.
  const cells: { cell: CellValue | undefined; address: string }[] = [];
  if (list) {
    const flat = rows.length === 1 ? (rows[0] ?? []).map((cell, c) => ({ cell, address: at(0, c) })) : rows.map((row, r) => ({ cell: row[0], address: at(r, 0) }));
    let end = flat.length;
    while (end > 0 && isBlank(flat[end - 1]!.cell)) end--;
    cells.push(...flat.slice(0, end));
  } else {
    let height = rows.length;
    while (height > 0 && rows[height - 1]!.every(isBlank)) height--;
    // A last row still running (this year's months not in yet) is left out, as the function does.
    if (height > 0 && Array.from({ length: width }, (_, c) => rows[height - 1]![c]).some(isBlank)) height--;
    for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) cells.push({ cell: rows[r]![c], address: at(r, c) });
  }

  const bad: BadCell[] = [];
  const values: number[] = [];
  for (const { cell, address } of cells) {
    const value = typeof cell === "number" ? cell : typeof cell === "string" ? numberFromText(cell) : undefined;
    if (isBlank(cell)) bad.push({ address, text: undefined });
    else if (value === undefined || !Number.isFinite(value)) bad.push({ address, text: textOf(cell) });
    else values.push(value);
  }
  if (bad.length > 0) return problem("historyCells", cellsParams(bad));
  // Negative values count where the split reads them: in complete seasons (a list's incomplete last one is left out).
  const used = list ? Math.floor(values.length / periods) * periods : values.length;
  const negative = cells.slice(0, used).flatMap(({ address }, k) => ((values[k] as number) < 0 ? [{ address, text: String(values[k]) }] : []));
  if (negative.length > 0) return problem("historyNegative", { cells: listed(negative) });
  try {
    seasonalShares({ values, seasonLength: list ? periods : width, layout: list ? "list" : "block" });
  } catch (error) {
    if (!isCoreError(error)) throw error;
    if (error.code === "TOO_FEW_VALUES") return problem("historyTooShort", { count: values.length, needed: periods });
    if (error.code === "ZERO_SEASON") {
      const details = error.details as { row?: number; index?: number };
      const first = list ? (details.index ?? 0) : ((details.row ?? 1) - 1) * width;
      return problem("historyZeroSeason", { cell: cells[first]?.address ?? data.address });
    }
    throw error;
  }
  return { ok: true };
}

/** One row or column of numbers for the growth formulas: its address (header left out) and its values. */
export interface GrowthHistory {
  readonly ok: true;
  /** The numbers' range, e.g. "Sheet1!A2:A6": the formulas refer to it. */
  readonly address: string;
  readonly values: readonly number[];
}

/**
 * The history of the SMART target's growth formulas: one row or one column whose cells are numbers, a text
 * header in the first cell skipped, trailing blanks ignored; at least two values.
 */
export function growthHistory(data: RangeData): GrowthHistory | HistoryProblem {
  const ref = refOf(data);
  const rows = data.values;
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  if (!rows.some((row) => row.some((cell) => !isBlank(cell)))) return problem("historyEmpty", { address: data.address });
  if (rows.length > 1 && width > 1) return problem("historyNotList", { rows: rows.length, columns: width });
  const byRow = rows.length === 1 && width > 1;
  const flat: (CellValue | undefined)[] = byRow ? [...(rows[0] ?? [])] : rows.map((row) => row[0]);
  let start = 0;
  if (typeof flat[0] === "string" && numberFromText(flat[0]) === undefined) start = 1; // a header such as "Sales"
  let end = flat.length;
  while (end > start && isBlank(flat[end - 1])) end--;
  const at = (k: number) => (byRow ? cellAddress(ref.row, ref.column + k) : cellAddress(ref.row + k, ref.column));
  const bad: BadCell[] = [];
  const values: number[] = [];
  for (let k = start; k < end; k++) {
    const cell = flat[k];
    if (typeof cell === "number" && Number.isFinite(cell)) values.push(cell);
    else bad.push({ address: at(k), text: isBlank(cell) ? undefined : textOf(cell ?? null) });
  }
  if (bad.length > 0) return problem("historyCells", cellsParams(bad));
  if (values.length < 2) return problem("historyTooShort", { count: values.length, needed: 2 });
  const count = end - start;
  const address = formatRange(byRow ? { ...ref, column: ref.column + start, rows: 1, columns: count } : { ...ref, row: ref.row + start, rows: count, columns: 1 });
  return { ok: true, address, values };
}
