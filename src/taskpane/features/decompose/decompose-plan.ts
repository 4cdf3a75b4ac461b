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
 * - Time: Period | Amount | Share | [Weight]. Evenly: weights of 1 (or the days of each month, from the
 *   4-digit year in the period label, else a 365-day year, or the weights typed per period — Q2 and Q4
 *   heavier for 618 and 双11) split with TARGET.SPLIT; seasonally: no weight column, TARGET.SEASONAL over
 *   the history range (a block years × periods, or one row/column with season_length = the number of
 *   periods). The weights come last, so that Period | Amount is the source of the native column chart of
 *   the time split (placed to the right of everything).
 * - Channels, Regions: Name | Weight | Amount | Share, TARGET.SPLIT of the total.
 * - Product lines (within each channel): a "product mix" row of weights above the table, then a table
 *   Channel | one column per product line | Sum | Check, one row per channel: the channel's amount split by
 *   the mix (`TARGET.SPLIT($C<channel row>, mix, unit)`); the check column compares each row with its
 *   channel's amount. One mix for every channel, or a mix per channel: then one mix row per channel
 *   (=channel name | weights) above the table, and each channel's row splits by its own.
 * - Salespeople: a "blend weights" row (history, potential, even) above the table, then Salesperson |
 *   Last year's sales | Potential | Ramp | Quota | Share, QUOTA.ALLOCATE of the total or of one channel's
 *   amount cell; or within their regions: a Region column after the name, the people grouped by region (in
 *   the order of the Regions table), each group's quotas QUOTA.ALLOCATE of its region's amount cell, and
 *   one check row per region under the table.
 * - Rows × periods (TARGET.GRID): the salespeople's quotas (or the channels' or regions' amounts) across
 *   the periods: a "period targets" row (the time amounts, or TARGET.SPLIT of the salespeople's channel
 *   by them), then a table Name | one column per period | Sum | Check whose every cell takes its element
 *   of `SALES.TARGET.GRID(row amounts, period targets, , unit)` — each row adds up to its quota and each
 *   column to its period's target, every cell a multiple of the unit; under it the column sums and a ✓/✗
 *   per column.
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
import type { CellSpec, NameSpec, SheetPlan } from "../../../excel/gateway";
import { DECOMPOSE_STRINGS, type DecomposeStrings } from "../../../i18n/decompose";
import type { Language } from "../../../i18n/language";
import { amountFormat } from "../../components/amount-format";
import { SheetRows } from "../../components/sheet-rows";
import type { DecomposeInput, GridRows, TimeLevel, Weighted } from "./decompose-schema";

const v = (value: string | number | boolean): CellSpec => ({ value });
const f = (formula: string): CellSpec => ({ formula });
const lit = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The chart of the time split covers this many columns and rows. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 16;

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

/** Rows (1-based) of a level's items, and the column (0-based) of their amounts. */
export interface LevelRows {
  readonly header: number;
  readonly first: number;
  readonly last: number;
  readonly amountColumn: number;
}

/** The sheet's rows, with the number format of every amount (yuan, or 万: see amount-format.ts). */
class SheetBuilder extends SheetRows {
  constructor(readonly amount: string) {
    super();
  }
}

/** A column of a 1-based row as "C8". */
const at = (column: number, row: number) => cellAddress(row - 1, column);
const col = columnLetters;

/**
 * A table of named rows with one amount per row: Name | [Weight] | Amount | Share (or, `weightsLast`,
 * Name | Amount | Share | Weight), then the check row. `amount(first, last, weights)` is the amount's
 * formula, the same in every row (rows first..last hold the items; `weights` their weight column's letter).
 */
function flatLevel(
  sheet: SheetBuilder,
  spec: {
    readonly title: string;
    readonly table: string;
    readonly nameHeader: string;
    readonly items: readonly { readonly name: string; readonly weight?: number }[];
    readonly withWeights: boolean;
    readonly weightsLast?: boolean;
    readonly amount: (first: number, last: number, weights: string) => string;
    readonly t: DecomposeStrings;
  },
): LevelRows {
  const { t } = spec;
  const before = spec.withWeights && !spec.weightsLast;
  const after = spec.withWeights && spec.weightsLast === true;
  sheet.push([v(spec.title)], true);
  const headers = [v(spec.nameHeader), ...(before ? [v(t.cellWeight)] : []), v(t.cellAmount), v(t.cellShare), ...(after ? [v(t.cellWeight)] : [])];
  const header = sheet.push(headers, true);
  const amountColumn = before ? 2 : 1;
  const weights = col(before ? 1 : amountColumn + 2);
  const first = header + 1;
  const last = header + spec.items.length;
  for (const item of spec.items) {
    const r = sheet.next;
    const weight = spec.withWeights ? [v(item.weight ?? 0)] : [];
    sheet.push([v(item.name), ...(before ? weight : []), f(spec.amount(first, last, weights)), f(`=${at(amountColumn, r)}/${TOTAL_CELL}`), ...(after ? weight : [])]);
  }
  const amounts = `${at(amountColumn, first)}:${at(amountColumn, last)}`;
  const check = sheet.next;
  const sum = at(amountColumn, check);
  sheet.push([v(t.cellCheckRow(t.cellTotal)), ...(before ? [null] : []), f(`=SUM(${amounts})`), f(checkFormula(sum, TOTAL_CELL))], true);
  sheet.push([]);
  sheet.tables.push({ name: spec.table, address: `A${header}:${at(amountColumn + 1 + (after ? 1 : 0), last)}`, hasHeaders: true });
  sheet.format(`${at(amountColumn, first)}:${at(amountColumn, check)}`, sheet.amount);
  sheet.format(`${at(amountColumn + 1, first)}:${at(amountColumn + 1, last)}`, SHARE);
  return { header, first, last, amountColumn };
}

/**
 * The position of the formula's row among the items that start at `first`: `ROW()-ROW($A$<header>)`, the
 * same formula in every row (a consistent calculated column), without referring to the cell itself.
 */
const nth = (first: number) => `ROW()-ROW($A$${first - 1})`;

function timeLevel(sheet: SheetBuilder, time: TimeLevel, input: DecomposeInput, t: DecomposeStrings): LevelRows {
  const labels = periodLabels(time, t);
  const unit = UNIT_CELL;
  let rows: LevelRows;
  if (time.method === "seasonal" && time.history !== undefined) {
    const history = time.history;
    const reference = formatRange(history);
    const list = history.rows === 1 || history.columns === 1;
    const asColumn = history.columns === 1 && history.rows > 1;
    const call = `SALES.TARGET.SEASONAL(${TOTAL_CELL},${reference},${unit}${list ? `,${labels.length}` : ""})`;
    rows = flatLevel(sheet, {
      title: t.titleTimeSeasonal(reference),
      table: "Decompose_Time",
      nameHeader: t.cellPeriodHeader,
      items: labels.map((name) => ({ name })),
      withWeights: false,
      amount: (first) => (asColumn ? `=INDEX(${call},${nth(first)},1)` : `=INDEX(${call},1,${nth(first)})`),
      t,
    });
  } else {
    const weights = time.method === "days" ? daysInMonths(input.period) : time.method === "typed" && time.weights !== undefined ? time.weights : labels.map(() => 1);
    rows = flatLevel(sheet, {
      title: time.method === "days" ? t.titleTimeDays : time.method === "typed" ? t.titleTimeTyped : t.titleTimeEqual,
      table: "Decompose_Time",
      nameHeader: t.cellPeriodHeader,
      items: labels.map((name, i) => ({ name, weight: weights[i] ?? 1 })),
      withWeights: true,
      weightsLast: true,
      amount: (first, last, w) => `=INDEX(SALES.TARGET.SPLIT(${TOTAL_CELL},$${w}$${first}:$${w}$${last},${unit}),${nth(first)},1)`,
      t,
    });
  }
  return rows;
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

/**
 * Channels × product lines: each channel's amount (column C of the channel table) split by the product
 * mix — one mix row for every channel, or (`perChannel`) one mix row per channel.
 */
function productLevel(sheet: SheetBuilder, products: readonly Weighted[], perChannel: readonly (readonly number[])[] | undefined, channels: LevelRows, t: DecomposeStrings): void {
  sheet.push([v(t.titleProducts)], true);
  const n = products.length;
  const mixRow: number[] = [];
  if (perChannel === undefined) {
    const mix = sheet.push([v(t.cellProductMix), ...products.map((p) => v(p.weight))]);
    for (let c = channels.first; c <= channels.last; c++) mixRow.push(mix);
  } else {
    sheet.push([v(t.cellProductMixPerChannel), ...products.map((p) => v(p.name))], true);
    for (let c = channels.first; c <= channels.last; c++) mixRow.push(sheet.push([f(`=A${c}`), ...(perChannel[c - channels.first] ?? []).map((w) => v(w))]));
  }
  const header = sheet.push([v(t.cellChannel), ...products.map((p) => v(p.name)), v(t.cellSum), v(t.cellCheck)], true);
  const first = header + 1;
  const sumColumn = n + 1;
  for (let channelRow = channels.first; channelRow <= channels.last; channelRow++) {
    const r = sheet.next;
    const parent = `$C${channelRow}`;
    const mix = mixRow[channelRow - channels.first]!;
    const mixRange = `$B$${mix}:$${col(n)}$${mix}`;
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

/** The salespeople's rows and amounts, and the cell of what they share ("" when each shares their region's). */
interface PeopleRows extends LevelRows {
  readonly parent: string;
}

function salespeopleLevel(sheet: SheetBuilder, input: DecomposeInput, channels: LevelRows | undefined, regions: LevelRows | undefined, t: DecomposeStrings): PeopleRows {
  const level = input.salespeople!;
  const byRegion = level.parent === "regions" && regions !== undefined;
  const channel = typeof level.parent === "number" && channels !== undefined ? level.parent : undefined;
  const parent = channel === undefined ? TOTAL_CELL : `$C$${channels!.first + channel}`;
  const parentName = byRegion ? t.cellRegions : channel === undefined ? t.cellTotal : (input.channels?.[channel]?.name ?? t.cellTotal);
  sheet.push([v(t.titleSalespeople(parentName))], true);
  const blend = sheet.push([v(t.cellBlend), v(level.blend.history), v(level.blend.potential), v(level.blend.even)]);
  sheet.format(`B${blend}:D${blend}`, "0%");
  // With regions, a Region column after the name shifts the others one to the right.
  const shift = byRegion ? 1 : 0;
  const [H, P, R, Q, S] = ["B", "C", "D", "E", "F"].map((c) => col(c.charCodeAt(0) - 65 + shift));
  const header = sheet.push(
    [v(t.cellSalesperson), ...(byRegion ? [v(t.cellRegion)] : []), v(t.cellLastYear), v(t.cellPotential), v(t.cellRamp), v(t.cellQuota), v(t.cellShare)],
    true,
  );
  const first = header + 1;
  // Grouped by region, in the Regions table's order (the input's order within a region).
  const people = byRegion ? [...level.people].sort((a, b) => (a.region ?? 0) - (b.region ?? 0)) : level.people;
  const groups: { region?: number; first: number; last: number }[] = [];
  people.forEach((person, i) => {
    const group = groups[groups.length - 1];
    if (byRegion && group !== undefined && group.region === person.region) group.last = first + i;
    else if (!byRegion && group !== undefined) group.last = first + i;
    else groups.push({ region: byRegion ? person.region : undefined, first: first + i, last: first + i });
  });
  const last = header + people.length;
  for (const group of groups) {
    const range = (c: string) => `$${c}$${group.first}:$${c}$${group.last}`;
    const share = group.region === undefined ? parent : `$C$${regions!.first + group.region}`;
    for (let r = group.first; r <= group.last; r++) {
      const person = people[r - first]!;
      sheet.push([
        v(person.name),
        ...(byRegion ? [f(`=A${regions!.first + (person.region ?? 0)}`)] : []),
        v(person.history),
        v(person.potential),
        v(person.ramp),
        f(`=INDEX(SALES.QUOTA.ALLOCATE(${share},${range(H!)},${range(P!)},$B$${blend}:$D$${blend},${range(R!)},${UNIT_CELL}),${nth(group.first)},1)`),
        // A channel's (region's) amount can round to 0 (a small weight at a large unit): its people's shares are then 0, not #DIV/0!.
        f(share === TOTAL_CELL ? `=${Q}${r}/${share}` : `=IF(${share}=0,0,${Q}${r}/${share})`),
      ]);
    }
  }
  const pad = (n: number) => new Array<CellSpec>(n).fill(null);
  if (byRegion) {
    for (const group of groups) {
      const r = sheet.next;
      const regionCell = `$C$${regions!.first + (group.region ?? 0)}`;
      sheet.push([v(t.cellCheckRow(input.regions?.[group.region ?? 0]?.name ?? "")), ...pad(4), f(`=SUM(${Q}${group.first}:${Q}${group.last})`), f(checkFormula(`${Q}${r}`, regionCell))], true);
    }
  }
  const check = sheet.next;
  sheet.push([v(t.cellCheckRow(byRegion ? t.cellTotal : parentName)), ...pad(3 + shift), f(`=SUM(${Q}${first}:${Q}${last})`), f(checkFormula(`${Q}${check}`, byRegion ? TOTAL_CELL : parent))], true);
  sheet.push([]);
  sheet.tables.push({ name: "Decompose_Salespeople", address: `A${header}:${S}${last}`, hasHeaders: true });
  sheet.format(`${H}${first}:${H}${last}`, sheet.amount);
  sheet.format(`${P}${first}:${P}${last}`, AMOUNT_WEIGHT);
  sheet.format(`${R}${first}:${R}${last}`, SHARE);
  sheet.format(`${Q}${first}:${Q}${check}`, sheet.amount);
  sheet.format(`${S}${first}:${S}${last}`, SHARE);
  return { header, first, last, amountColumn: 4 + shift, parent: byRegion ? TOTAL_CELL : parent };
}

/**
 * Rows × periods: each row's amount (a quota, a channel's or region's amount) across the periods by
 * TARGET.GRID, every row adding up to its amount and every column to its period's target.
 */
function gridLevel(sheet: SheetBuilder, rows: LevelRows & { readonly parent: string }, rowsHeader: string, rowsTitle: string, time: LevelRows, labels: readonly string[], t: DecomposeStrings): void {
  const n = labels.length;
  const sumColumn = n + 1;
  sheet.push([v(t.titleGrid(rowsTitle))], true);
  const timeAmounts = `$B$${time.first}:$B$${time.last}`;
  // What the periods add up to: the time amounts themselves when the rows share the total, else the
  // rows' parent (one channel) split by them.
  const target = sheet.push([
    v(t.cellPeriodTargets),
    ...labels.map((_, k) => f(rows.parent === TOTAL_CELL ? `=B${time.first + k}` : `=INDEX(SALES.TARGET.SPLIT(${rows.parent},${timeAmounts},${UNIT_CELL}),${k + 1},1)`)),
    f(`=SUM(B${sheet.next}:${at(n, sheet.next)})`),
  ]);
  const header = sheet.push([v(rowsHeader), ...labels.map((label) => v(label)), v(t.cellSum), v(t.cellCheck)], true);
  const first = header + 1;
  const amount = col(rows.amountColumn);
  const call = `SALES.TARGET.GRID($${amount}$${rows.first}:$${amount}$${rows.last},$B$${target}:$${col(n)}$${target},,${UNIT_CELL})`;
  for (let source = rows.first; source <= rows.last; source++) {
    const r = sheet.next;
    sheet.push([
      f(`=A${source}`),
      ...labels.map(() => f(`=INDEX(${call},ROW()-ROW($A$${header}),COLUMN()-COLUMN($A$${header}))`)),
      f(`=SUM(B${r}:${at(n, r)})`),
      f(checkFormula(at(sumColumn, r), `$${amount}$${source}`)),
    ]);
  }
  const last = sheet.next - 1;
  const sums = sheet.push(
    [
      v(t.cellCheckRow(t.cellPeriodTargets)),
      ...labels.map((_, k) => f(`=SUM(${at(k + 1, first)}:${at(k + 1, last)})`)),
      f(`=SUM(${at(sumColumn, first)}:${at(sumColumn, last)})`),
    ],
    true,
  );
  sheet.push([v(t.cellCheck), ...labels.map((_, k) => f(checkFormula(at(k + 1, sums), at(k + 1, target)))), f(checkFormula(at(sumColumn, sums), rows.parent))], true);
  sheet.push([]);
  sheet.tables.push({ name: "Decompose_Grid", address: `A${header}:${at(sumColumn + 1, last)}`, hasHeaders: true });
  sheet.format(`B${target}:${at(sumColumn, target)}`, sheet.amount);
  sheet.format(`B${first}:${at(sumColumn, sums)}`, sheet.amount);
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

  const time = input.time ? timeLevel(sheet, input.time, input, t) : undefined;
  let channels: LevelRows | undefined;
  if (input.channels) channels = splitLevel(sheet, input.channels, t.titleChannels, "Decompose_Channels", t.cellChannel, t);
  if (input.products && channels) productLevel(sheet, input.products, input.productMix, channels, t);
  const regions = input.regions ? splitLevel(sheet, input.regions, t.titleRegions, "Decompose_Regions", t.cellRegion, t) : undefined;
  const people = input.salespeople ? salespeopleLevel(sheet, input, channels, regions, t) : undefined;
  if (input.grid !== undefined && time !== undefined && input.time !== undefined) {
    const rows: Record<GridRows, [LevelRows & { parent: string }, string, string] | undefined> = {
      salespeople: people && [people, t.cellSalesperson, t.levelNameSalespeople],
      channels: channels && [{ ...channels, parent: TOTAL_CELL }, t.cellChannel, t.titleChannels],
      regions: regions && [{ ...regions, parent: TOTAL_CELL }, t.cellRegion, t.titleRegions],
    };
    const chosen = rows[input.grid];
    if (chosen !== undefined) gridLevel(sheet, chosen[0], chosen[1], chosen[2], time, periodLabels(input.time, t), t);
  }
  if (time !== undefined) {
    // The chart of the time split, right of everything written.
    const width = Math.max(...sheet.rows.map((row) => row.length));
    sheet.charts.push({ kind: "column", source: `A${time.header}:B${time.last}`, title: t.chartTime, from: `${col(width + 1)}2`, to: `${col(width + CHART_COLUMNS)}${2 + CHART_ROWS}` });
  }

  // No trailing blank row.
  while (sheet.rows.length > 0 && sheet.rows[sheet.rows.length - 1]!.length === 0) sheet.rows.pop();
  const names: NameSpec[] = [
    { name: "Decompose_Total", address: "B3" },
    { name: "Decompose_Unit", address: "B4" },
  ];
  return { name: t.sheetName, rows: sheet.rows, boldRows: sheet.boldRows, tables: sheet.tables, numberFormats: sheet.numberFormats, charts: sheet.charts, names };
}
