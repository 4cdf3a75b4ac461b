/**
 * Where the Progress wizard's plan comes from, read from what the gateway gives back. Pure.
 *
 * - A target range: one row per person, names in the first column, then 12 monthly targets (a header row
 *   above is skipped) — each plan cell of the review sheet is then a link to its cell; or names and one
 *   column of yearly quotas, split over the months by their days (`SALES.TARGET.SPLIT` of each quota).
 * - A Decompose sheet: found by its layout (decompose-plan.ts): the Time table (header "Period | … |
 *   Amount", 12 rows) and the Salespeople table (header "Salesperson | … | Quota"), in either language.
 *   Each person's months are `SALES.TARGET.SPLIT(quota, the 12 month amounts, the sheet's unit)`, so the
 *   plan follows the Decompose sheet when its total changes.
 */
import { unitsIn } from "../../../core/targets/split";
import { cellAddress, parseRange, type RangeRef } from "../../../excel/address";
import type { CellValue, RangeData } from "../../../excel/gateway";
import { DECOMPOSE_STRINGS } from "../../../i18n/decompose";
import { readNumberField } from "../../components/form-fields";
import { headerKey } from "../../components/range-rows";

export const MONTHS = 12;
export const MAX_PEOPLE = 50;
/** Cells named in a message at most. */
const LISTED = 5;

/** A cell on another sheet (0-based). */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

export type PlanSource =
  /** Each person's 12 months are cells: `cells[i]` is person i's January; February is the next column. */
  | { readonly kind: "grid"; readonly where: string; readonly names: readonly string[]; readonly first: readonly CellRef[]; readonly values: readonly (readonly number[])[] }
  /** Yearly quotas split over the months by `weights`: "days" (the year's calendar) or 12 cells (a column or a row). */
  | {
      readonly kind: "quotas";
      readonly where: string;
      readonly names: readonly string[];
      readonly quotas: readonly CellRef[];
      readonly values: readonly number[];
      readonly weights: "days" | RangeRef;
      /** The unit: typed in the form, or a cell (the Decompose sheet's). */
      readonly unit: number | CellRef;
    };

export type PlanProblem =
  | { readonly code: "empty" | "noSheet" | "shape" | "noNames" | "allZero" | "noDecompose" }
  | { readonly code: "tooManyPeople"; readonly max: number }
  | { readonly code: "duplicate" | "rowTooSmall"; readonly name: string }
  | { readonly code: "notNumbers"; readonly cells: string }
  | { readonly code: "notMultiple"; readonly cells: string; readonly unit: number };

export type PlanRead = { readonly ok: true; readonly source: PlanSource } | { readonly ok: false; readonly problem: PlanProblem };

/**
 * A sheet name in a formula, always quoted: Excel accepts quotes around any name, and a name such as
 * 进度跟踪 or 目标分解 unquoted is refused by other engines (HyperFormula, which the workbench runs).
 */
export const sheetPrefix = (sheet: string) => `'${sheet.replace(/'/g, "''")}'!`;

/** A reference to one cell, with `$` anchors: "'Sheet 1'!$C$5". */
export function cellReference(ref: CellRef): string {
  return `${sheetPrefix(ref.sheet)}${cellAddress(ref.row, ref.column).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`;
}

/** A reference to a rectangle with `$` anchors. */
export function rangeReference(ref: RangeRef & { readonly sheet: string }): string {
  const end = { sheet: ref.sheet, row: ref.row + ref.rows - 1, column: ref.column + ref.columns - 1 };
  return `${cellReference(ref)}:${cellReference(end).replace(/^.*!/, "")}`;
}

const isBlank = (cell: CellValue | undefined) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/** A cell as an amount ≥ 0: a number, or text the fields' reader reads ("1.2万", "¥1,200"). */
function amountOf(cell: CellValue | undefined): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) && cell >= 0 ? cell : undefined;
  if (typeof cell !== "string") return undefined;
  const reading = readNumberField(cell, "amount");
  return reading.ok && reading.value >= 0 ? reading.value : undefined;
}

const listCells = (cells: readonly string[]) => cells.slice(0, LISTED).join(", ") + (cells.length > LISTED ? ` (+${cells.length - LISTED})` : "");

/** People's names, each a non-empty text, unique (case-insensitively, as SUMIFS compares). */
function namesProblem(names: readonly (CellValue | undefined)[]): PlanProblem | undefined {
  const seen = new Set<string>();
  for (const cell of names) {
    if (typeof cell !== "string" || cell.trim() === "") return { code: "noNames" };
    const key = cell.trim().toLowerCase();
    if (seen.has(key)) return { code: "duplicate", name: cell.trim() };
    seen.add(key);
  }
  return undefined;
}

/**
 * A selected target range: names and 12 months, or names and one column of yearly quotas (split by days,
 * each a multiple of `unit`). A first row whose target cells are not amounts is a header and is skipped.
 */
export function readTargetRange(data: RangeData, unit: number): PlanRead {
  const ref = parseRange(data.address);
  if (ref === undefined || ref.sheet === undefined) return { ok: false, problem: { code: "noSheet" } };
  const sheet = ref.sheet;
  let rows = data.values.map((row, i) => ({ row, at: ref.row + i })).filter(({ row }) => row.some((cell) => !isBlank(cell)));
  if (rows.length === 0) return { ok: false, problem: { code: "empty" } };
  const width = Math.max(...rows.map(({ row }) => row.length));
  const targets = width - 1;
  if (targets !== MONTHS && targets !== 1) return { ok: false, problem: { code: "shape" } };
  const header = rows[0]!.row.slice(1).every((cell) => amountOf(cell) === undefined);
  if (header) rows = rows.slice(1);
  if (rows.length === 0) return { ok: false, problem: { code: "empty" } };
  if (rows.length > MAX_PEOPLE) return { ok: false, problem: { code: "tooManyPeople", max: MAX_PEOPLE } };
  const names = rows.map(({ row }) => row[0]);
  const nameProblem = namesProblem(names);
  if (nameProblem) return { ok: false, problem: nameProblem };
  const bad: string[] = [];
  const values = rows.map(({ row, at }) =>
    Array.from({ length: targets }, (_, k) => {
      const value = amountOf(row[k + 1]);
      if (value === undefined) bad.push(cellAddress(at, ref.column + k + 1));
      return value ?? 0;
    }),
  );
  if (bad.length > 0) return { ok: false, problem: { code: "notNumbers", cells: listCells(bad) } };
  const cleanNames = names.map((name) => String(name).trim());
  const problem = targetsProblem(cleanNames, values, targets === 1 ? unit : undefined, rows.map(({ at }) => cellAddress(at, ref.column + 1)));
  if (problem) return { ok: false, problem };
  const where = data.address;
  if (targets === 1) {
    return {
      ok: true,
      source: {
        kind: "quotas",
        where,
        names: cleanNames,
        quotas: rows.map(({ at }) => ({ sheet, row: at, column: ref.column + 1 })),
        values: values.map((v) => v[0]!),
        weights: "days",
        unit,
      },
    };
  }
  return { ok: true, source: { kind: "grid", where, names: cleanNames, first: rows.map(({ at }) => ({ sheet, row: at, column: ref.column + 1 })), values } };
}

/**
 * What the review sheet's formulas would refuse about the targets: all 0; a person whose months are all
 * at most 1 (TARGET.PACE reads such a plan as shares, which must add up to 100%); for quotas split over the
 * months, a quota that is not a multiple of the unit (TARGET.SPLIT's rule) or below 24 (its months could
 * all be 0 or 1).
 */
export function targetsProblem(names: readonly string[], values: readonly (readonly number[])[], unit: number | undefined, quotaCells: readonly string[]): PlanProblem | undefined {
  if (values.every((row) => row.every((x) => x === 0))) return { code: "allZero" };
  for (let i = 0; i < values.length; i++) {
    const row = values[i]!;
    const max = Math.max(...row);
    const small = unit === undefined ? max > 0 && max <= 1 : max > 0 && max < 24;
    if (small) return { code: "rowTooSmall", name: names[i]! };
  }
  if (unit !== undefined) {
    const bad = values.flatMap((row, i) => {
      try {
        unitsIn(row[0]!, unit);
        return [];
      } catch {
        return [quotaCells[i]!];
      }
    });
    if (bad.length > 0) return { code: "notMultiple", cells: listCells(bad), unit };
  }
  return undefined;
}

/** The header labels Decompose writes, in both languages, as compared. */
const DECOMPOSE_LABELS = Object.values(DECOMPOSE_STRINGS).map((d) => ({
  period: headerKey(d.cellPeriodHeader),
  amount: headerKey(d.cellAmount),
  salesperson: headerKey(d.cellSalesperson),
  quota: headerKey(d.cellQuota),
  unit: headerKey(d.cellUnit),
  check: headerKey(d.cellCheckRow("")),
}));

const key = (cell: CellValue | undefined) => (typeof cell === "string" ? headerKey(cell) : "");

/**
 * A Decompose sheet read from A1 (`data`, e.g. A1:H400 of the sheet): its Time table of 12 periods and
 * its Salespeople table. The unit is the sheet's B4.
 */
export function readDecomposeSheet(data: RangeData): PlanRead {
  const ref = parseRange(data.address);
  if (ref === undefined || ref.sheet === undefined) return { ok: false, problem: { code: "noSheet" } };
  const sheet = ref.sheet;
  const rows = data.values;
  for (const labels of DECOMPOSE_LABELS) {
    const tableRows = (header: number) => {
      const out: number[] = [];
      for (let r = header + 1; r < rows.length; r++) {
        const first = rows[r]?.[0];
        if (isBlank(first) || key(first).startsWith(labels.check)) break;
        out.push(r);
      }
      return out;
    };
    const timeHeader = rows.findIndex((row) => key(row[0]) === labels.period && row.some((cell) => key(cell) === labels.amount));
    const peopleHeader = rows.findIndex((row) => key(row[0]) === labels.salesperson && row.some((cell) => key(cell) === labels.quota));
    if (timeHeader < 0 || peopleHeader < 0 || key(rows[3]?.[0]) !== labels.unit) continue;
    const months = tableRows(timeHeader);
    const people = tableRows(peopleHeader);
    if (months.length !== MONTHS || people.length === 0) continue;
    if (people.length > MAX_PEOPLE) return { ok: false, problem: { code: "tooManyPeople", max: MAX_PEOPLE } };
    const amountColumn = rows[timeHeader]!.findIndex((cell) => key(cell) === labels.amount);
    const quotaColumn = rows[peopleHeader]!.findIndex((cell) => key(cell) === labels.quota);
    const names = people.map((r) => rows[r]?.[0]);
    const nameProblem = namesProblem(names);
    if (nameProblem) return { ok: false, problem: nameProblem };
    const quotas = people.map((r) => amountOf(rows[r]?.[quotaColumn]));
    const monthAmounts = months.map((r) => amountOf(rows[r]?.[amountColumn]));
    const bad = [
      ...people.filter((_, i) => quotas[i] === undefined).map((r) => cellAddress(ref.row + r, ref.column + quotaColumn)),
      ...months.filter((_, i) => monthAmounts[i] === undefined).map((r) => cellAddress(ref.row + r, ref.column + amountColumn)),
    ];
    if (bad.length > 0) return { ok: false, problem: { code: "notNumbers", cells: listCells(bad) } };
    const values = quotas.map((q) => [q!]);
    if (monthAmounts.every((x) => x === 0)) return { ok: false, problem: { code: "allZero" } };
    const cleanNames = names.map((name) => String(name).trim());
    const problem = targetsProblem(cleanNames, values, undefined, []);
    if (problem) return { ok: false, problem };
    if (values.some(([q]) => q! > 0 && q! < 24)) return { ok: false, problem: { code: "rowTooSmall", name: cleanNames[values.findIndex(([q]) => q! > 0 && q! < 24)]! } };
    return {
      ok: true,
      source: {
        kind: "quotas",
        where: sheet,
        names: cleanNames,
        quotas: people.map((r) => ({ sheet, row: ref.row + r, column: ref.column + quotaColumn })),
        values: values.map(([q]) => q!),
        weights: { sheet, row: ref.row + months[0]!, column: ref.column + amountColumn, rows: MONTHS, columns: 1 },
        unit: { sheet, row: ref.row + 3, column: ref.column + 1 },
      },
    };
  }
  return { ok: false, problem: { code: "noDecompose" } };
}
