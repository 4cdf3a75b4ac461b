/**
 * The Decomposition sheet (目标分解): a goal tree whose every amount is a SALES formula of the total, so
 * changing the total (or the cell it points at) re-splits every level. Rows are 1-based below.
 *
 *   A1  title
 *   A2  Period      B2  the period label (text)
 *   A3  Total       B3  the typed number, or `='SMART target'!B8` (the picked cell, sheet quoted as Excel
 *                       wants it), so changing the source re-splits everything       (name Decompose_Total)
 *   A4  Unit        B4  the unit; every amount is a multiple of it                   (name Decompose_Unit)
 *
 * Then one block per chosen level, in this order, each: a bold title row, an Excel table (header row and
 * one row per item), a check row right under the table, a blank row.
 * - Time: Period | [Weight] | Amount | Share. Evenly: weights of 1 (or the days of each month, from the
 *   4-digit year in the period label, else a 365-day year) split with TARGET.SPLIT; seasonally: no weight
 *   column, TARGET.SEASONAL over the history range (a block years × periods, or one row/column with
 *   season_length = the number of periods).
 * - Channels, Regions: Name | Weight | Amount | Share, TARGET.SPLIT of the total.
 * - Product lines (within each channel): a "product mix" row of weights above the table, then a table
 *   Channel | one column per product line | Sum | Check, one row per channel: the channel's amount split by
 *   the mix (`TARGET.SPLIT($C<channel row>, mix, unit)`); the check column compares each row with its
 *   channel's amount. One mix for every channel.
 * - Salespeople: a "blend weights" row (history, potential, even) above the table, then Salesperson |
 *   Last year's sales | Potential | Ramp | Quota | Share, QUOTA.ALLOCATE of the total or of one channel's
 *   amount cell.
 * Check row: "Check: sum = <parent>" | `=SUM(amounts)` | `=IF(ROUND(sum-parent,6)=0,"✓","✗ "&TEXT(sum-parent,"#,##0"))`
 * (ROUND: a decimal unit such as 0.01 adds up with binary noise).
 *
 * Spills and tables: Excel tables cannot hold a spilling dynamic array (the formula shows #SPILL!), so the
 * amounts are NOT one spilling formula per level. Each amount cell is the same calculated-column formula
 * taking its own element of the split: `=INDEX(SALES.TARGET.SPLIT($B$3,$B$24:$B$27,$B$4),ROW()-ROW($A$23),1)`
 * — ROW()-ROW(<header>) is the row's position, the same formula in every row (ROWS($A$24:A24) would do in
 * Excel, but HyperFormula, which the tests run the sheet in, counts 0 rows in a mixed-anchor range); a
 * column result is indexed (k,1), a row result (1,k) — INDEX with one index picks a row in some engines,
 * so both indexes are always given. The split is recalculated once per row, which is cheap at
 * these sizes (≤ 50 rows) and keeps every level a real, sortable Excel table with its inputs beside the
 * amounts. Rows added to a table later are not part of the weights range: write the sheet again instead.
 */
import { cellAddress, columnLetters, formatRange } from "../../../excel/address";
import type { CellSpec, NameSpec, NumberFormatSpec, SheetPlan, TableSpec } from "../../../excel/gateway";
import { DECOMPOSE_STRINGS, type DecomposeStrings } from "../../../i18n/decompose";
import type { Language } from "../../../i18n/language";
import { amountFormat } from "../../components/amount-format";
import type { DecomposeInput, TimeLevel, Weighted } from "./decompose-schema";

const v = (value: string | number | boolean): CellSpec => ({ value });
const f = (formula: string): CellSpec => ({ formula });
const lit = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export const TOTAL_CELL = "$B$3";
export const UNIT_CELL = "$B$4";
const SHARE = "0.0%";
/** Potentials are proportions (a score or an amount): grouped, never in 万. */
const AMOUNT_WEIGHT = "#,##0";

/** The status formula of a check: ✓ when `sum` equals `parent`, else ✗ and the difference. */
export const checkFormula = (sum: string, parent: string): string => `=IF(ROUND(${sum}-${parent},6)=0,${lit("✓")},${lit("✗ ")}&TEXT(${sum}-${parent},${lit("#,##0")}))`;

/** Days of each month of the year named in `period` (a 4-digit year), else of a 365-day year. */
export function daysInMonths(period: string): number[] {
  const year = Number(/(?:^|\D)(\d{4})(?:\D|$)/.exec(period)?.[1] ?? "2025");
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
}

/** The labels of the time level's periods. */
export function periodLabels(time: TimeLevel, t: DecomposeStrings): string[] {
  if (time.periods === "months") return [...t.months];
  if (time.periods === "quarters") return [...t.quarters];
  return [...time.custom];
}

class SheetBuilder {
  /** The number format of every amount (yuan, or 万: see amount-format.ts). */
  constructor(readonly amount: string) {}

  readonly rows: CellSpec[][] = [];
  readonly boldRows: number[] = [];
  readonly tables: TableSpec[] = [];
  readonly numberFormats: NumberFormatSpec[] = [];

  /** Appends a row; returns its 1-based number. */
  push(cells: CellSpec[], bold = false): number {
    this.rows.push(cells);
    if (bold) this.boldRows.push(this.rows.length);
    return this.rows.length;
  }

  get next(): number {
    return this.rows.length + 1;
  }

  format(address: string, format: string): void {
    this.numberFormats.push({ address, format });
  }
}

/** A column of a 1-based row as "C8". */
const at = (column: number, row: number) => cellAddress(row - 1, column);
const col = columnLetters;

/**
 * A table of named rows with one amount per row: Name | [Weight] | Amount | Share, then the check row.
 * `amount(first, last)` is the amount's formula, the same in every row (rows first..last hold the items).
 * Returns the rows of the items.
 */
function flatLevel(
  sheet: SheetBuilder,
  spec: {
    readonly title: string;
    readonly table: string;
    readonly nameHeader: string;
    readonly items: readonly { readonly name: string; readonly weight?: number }[];
    readonly withWeights: boolean;
    readonly amount: (first: number, last: number) => string;
    readonly t: DecomposeStrings;
  },
): { first: number; last: number; amountColumn: number } {
  const { t } = spec;
  sheet.push([v(spec.title)], true);
  const headers = [v(spec.nameHeader), ...(spec.withWeights ? [v(t.cellWeight)] : []), v(t.cellAmount), v(t.cellShare)];
  const header = sheet.push(headers, true);
  const amountColumn = spec.withWeights ? 2 : 1;
  const first = header + 1;
  const last = header + spec.items.length;
  for (const item of spec.items) {
    const r = sheet.next;
    sheet.push([v(item.name), ...(spec.withWeights ? [v(item.weight ?? 0)] : []), f(spec.amount(first, last)), f(`=${at(amountColumn, r)}/${TOTAL_CELL}`)]);
  }
  const amounts = `${at(amountColumn, first)}:${at(amountColumn, last)}`;
  const check = sheet.next;
  const sum = at(amountColumn, check);
  sheet.push([v(t.cellCheckRow(t.cellTotal)), ...(spec.withWeights ? [null] : []), f(`=SUM(${amounts})`), f(checkFormula(sum, TOTAL_CELL))], true);
  sheet.push([]);
  sheet.tables.push({ name: spec.table, address: `A${header}:${at(amountColumn + 1, last)}`, hasHeaders: true });
  sheet.format(`${at(amountColumn, first)}:${at(amountColumn, check)}`, sheet.amount);
  sheet.format(`${at(amountColumn + 1, first)}:${at(amountColumn + 1, last)}`, SHARE);
  return { first, last, amountColumn };
}

/**
 * The position of the formula's row among the items that start at `first`: `ROW()-ROW($A$<header>)`, the
 * same formula in every row (a consistent calculated column), without referring to the cell itself.
 */
const nth = (first: number) => `ROW()-ROW($A$${first - 1})`;

function timeLevel(sheet: SheetBuilder, time: TimeLevel, input: DecomposeInput, t: DecomposeStrings): void {
  const labels = periodLabels(time, t);
  const unit = UNIT_CELL;
  if (time.method === "seasonal" && time.history !== undefined) {
    const history = time.history;
    const reference = formatRange(history);
    const list = history.rows === 1 || history.columns === 1;
    const asColumn = history.columns === 1 && history.rows > 1;
    const call = `SALES.TARGET.SEASONAL(${TOTAL_CELL},${reference},${unit}${list ? `,${labels.length}` : ""})`;
    flatLevel(sheet, {
      title: t.titleTimeSeasonal(reference),
      table: "Decompose_Time",
      nameHeader: t.cellPeriodHeader,
      items: labels.map((name) => ({ name })),
      withWeights: false,
      amount: (first) => (asColumn ? `=INDEX(${call},${nth(first)},1)` : `=INDEX(${call},1,${nth(first)})`),
      t,
    });
    return;
  }
  const weights = time.method === "days" ? daysInMonths(input.period) : labels.map(() => 1);
  flatLevel(sheet, {
    title: time.method === "days" ? t.titleTimeDays : t.titleTimeEqual,
    table: "Decompose_Time",
    nameHeader: t.cellPeriodHeader,
    items: labels.map((name, i) => ({ name, weight: weights[i] ?? 1 })),
    withWeights: true,
    amount: (first, last) => `=INDEX(SALES.TARGET.SPLIT(${TOTAL_CELL},$B$${first}:$B$${last},${unit}),${nth(first)},1)`,
    t,
  });
}

const splitLevel = (sheet: SheetBuilder, items: readonly Weighted[], title: string, table: string, nameHeader: string, t: DecomposeStrings) =>
  flatLevel(sheet, {
    title,
    table,
    nameHeader,
    items,
    withWeights: true,
    amount: (first, last) => `=INDEX(SALES.TARGET.SPLIT(${TOTAL_CELL},$B$${first}:$B$${last},${UNIT_CELL}),${nth(first)},1)`,
    t,
  });

/** Channels × product lines: each channel's amount (column C of the channel table) split by one product mix. */
function productLevel(sheet: SheetBuilder, products: readonly Weighted[], channels: { first: number; last: number }, t: DecomposeStrings): void {
  sheet.push([v(t.titleProducts)], true);
  const n = products.length;
  const mix = sheet.push([v(t.cellProductMix), ...products.map((p) => v(p.weight))]);
  const mixRange = `$B$${mix}:$${col(n)}$${mix}`;
  const header = sheet.push([v(t.cellChannel), ...products.map((p) => v(p.name)), v(t.cellSum), v(t.cellCheck)], true);
  const first = header + 1;
  const sumColumn = n + 1;
  for (let channelRow = channels.first; channelRow <= channels.last; channelRow++) {
    const r = sheet.next;
    const parent = `$C${channelRow}`;
    sheet.push([
      f(`=A${channelRow}`),
      ...products.map((_, k) => f(`=INDEX(SALES.TARGET.SPLIT(${parent},${mixRange},${UNIT_CELL}),1,${k + 1})`)),
      f(`=SUM(B${r}:${at(n, r)})`),
      f(checkFormula(at(sumColumn, r), parent)),
    ]);
  }
  const last = sheet.next - 1;
  const check = sheet.next;
  sheet.push(
    [
      v(t.cellCheckRow(t.cellTotal)),
      ...products.map((_, k) => f(`=SUM(${at(k + 1, first)}:${at(k + 1, last)})`)),
      f(`=SUM(${at(sumColumn, first)}:${at(sumColumn, last)})`),
      f(checkFormula(at(sumColumn, check), TOTAL_CELL)),
    ],
    true,
  );
  sheet.push([]);
  sheet.tables.push({ name: "Decompose_Products", address: `A${header}:${at(sumColumn + 1, last)}`, hasHeaders: true });
  sheet.format(`B${first}:${at(sumColumn, check)}`, sheet.amount);
}

function salespeopleLevel(sheet: SheetBuilder, input: DecomposeInput, channels: { first: number } | undefined, t: DecomposeStrings): void {
  const level = input.salespeople!;
  const channel = level.parent === "total" || channels === undefined ? undefined : level.parent;
  const parent = channel === undefined ? TOTAL_CELL : `$C$${channels!.first + channel}`;
  const parentName = channel === undefined ? t.cellTotal : (input.channels?.[channel]?.name ?? t.cellTotal);
  sheet.push([v(t.titleSalespeople(parentName))], true);
  const blend = sheet.push([v(t.cellBlend), v(level.blend.history), v(level.blend.potential), v(level.blend.even)]);
  sheet.format(`B${blend}:D${blend}`, "0%");
  const header = sheet.push([v(t.cellSalesperson), v(t.cellLastYear), v(t.cellPotential), v(t.cellRamp), v(t.cellQuota), v(t.cellShare)], true);
  const first = header + 1;
  const last = header + level.people.length;
  const range = (c: string) => `$${c}$${first}:$${c}$${last}`;
  for (const person of level.people) {
    const r = sheet.next;
    sheet.push([
      v(person.name),
      v(person.history),
      v(person.potential),
      v(person.ramp),
      f(`=INDEX(SALES.QUOTA.ALLOCATE(${parent},${range("B")},${range("C")},$B$${blend}:$D$${blend},${range("D")},${UNIT_CELL}),${nth(first)},1)`),
      // A channel's amount can round to 0 (a small weight at a large unit): its people's shares are then 0, not #DIV/0!.
      f(channel === undefined ? `=E${r}/${parent}` : `=IF(${parent}=0,0,E${r}/${parent})`),
    ]);
  }
  const check = sheet.next;
  sheet.push([v(t.cellCheckRow(parentName)), null, null, null, f(`=SUM(E${first}:E${last})`), f(checkFormula(`E${check}`, parent))], true);
  sheet.push([]);
  sheet.tables.push({ name: "Decompose_Salespeople", address: `A${header}:F${last}`, hasHeaders: true });
  sheet.format(`B${first}:B${last}`, sheet.amount);
  sheet.format(`C${first}:C${last}`, AMOUNT_WEIGHT);
  sheet.format(`D${first}:D${last}`, SHARE);
  sheet.format(`E${first}:E${check}`, sheet.amount);
  sheet.format(`F${first}:F${last}`, SHARE);
}

/** The Decomposition sheet for a validated input, with labels in `language`. */
export function decomposePlan(input: DecomposeInput, language: Language): SheetPlan {
  const t = DECOMPOSE_STRINGS[language];
  const sheet = new SheetBuilder(amountFormat(input.display ?? "yuan"));
  sheet.push([v(t.sheetTitle)], true);
  sheet.push([v(t.cellPeriod), input.period ? v(input.period) : null]);
  const { total } = input;
  sheet.push([v(t.cellTotal), total.kind === "typed" ? v(total.value) : f(`=${formatRange({ sheet: total.sheet, row: total.row, column: total.column, rows: 1, columns: 1 })}`)], true);
  sheet.push([v(t.cellUnit), v(input.unit)]);
  sheet.push([]);
  sheet.format("B3:B4", sheet.amount);

  if (input.time) timeLevel(sheet, input.time, input, t);
  let channels: { first: number; last: number } | undefined;
  if (input.channels) channels = splitLevel(sheet, input.channels, t.titleChannels, "Decompose_Channels", t.cellChannel, t);
  if (input.products && channels) productLevel(sheet, input.products, channels, t);
  if (input.regions) splitLevel(sheet, input.regions, t.titleRegions, "Decompose_Regions", t.cellRegion, t);
  if (input.salespeople) salespeopleLevel(sheet, input, channels, t);

  // No trailing blank row.
  while (sheet.rows.length > 0 && sheet.rows[sheet.rows.length - 1]!.length === 0) sheet.rows.pop();
  const names: NameSpec[] = [
    { name: "Decompose_Total", address: "B3" },
    { name: "Decompose_Unit", address: "B4" },
  ];
  return { name: t.sheetName, rows: sheet.rows, boldRows: sheet.boldRows, tables: sheet.tables, numberFormats: sheet.numberFormats, names };
}
