import type { CellSpec, SheetPlan } from "../../../excel/gateway";
import { formatRange, parseRange } from "../../../excel/address";
import type { Language } from "../../../i18n/language";
import { SMART_STATEMENT, SMART_STRINGS, type FormulaText, type SmartStrings } from "../../../i18n/smart";
import { amountFormat, YUAN_FORMAT, type AmountDisplay } from "../../components/amount-format";
import { periods, type Cadence, type GrowthStats } from "./milestones";
import type { Kpi, SmartTarget } from "./smart-schema";

/**
 * The "SMART target" sheet: the statement, a parameter table, the floor/standard/challenge tiers and the
 * milestone table. Everything downstream of the target cell (B12) is a formula, so changing the target, the
 * rounding unit or a period's dates recalculates the sheet:
 *
 *   A2   the statement: one formula of B5:B19 (statementFormula), so it follows every edit
 *   B13  =IF(B11>0,B12/B11-1,"")                               growth needed
 *   B14  best past growth, B15 average growth per period: formulas over the history range (C14 names it)
 *   B25  =SALES.TARGET.TIERS(B12,B21,B22)                      spills to D25
 *   D29  =C29-B29+1                                            days per checkpoint period
 *   E29  =SALES.TARGET.SPLIT($B$12,D29:D{last},$B$20)          spills down: the target by days, exact
 *   F29  =SUM($E$29:E29)                                       cumulative target
 *   G29  =F29/$B$12                                            cumulative share
 *   total row: sums and a check that the periods add up to the target.
 *
 * User text (channel, strategy…) is written as values: the gateway keeps "=…" text as text.
 */

/** Where things are (1-based rows), for tests and for the decomposition wizard to reference. */
export const SMART_LAYOUT = {
  targetCell: "B12",
  roundToCell: "B20",
  firstMilestoneRow: 29,
} as const;

export interface HistoryInfo {
  /** The history's numbers (header left out), e.g. "Sheet1!A2:A6": the growth formulas refer to it. */
  readonly address: string;
  readonly stats: GrowthStats;
}

const text = (value: string): CellSpec => (value === "" ? null : { value });
const num = (value: number): CellSpec => ({ value });
const formula = (f: string): CellSpec => ({ formula: f });

export function kpiLabel(kpi: Kpi, s: SmartStrings): string {
  const labels: Record<Kpi, string> = { sales: s.kpiSales, gmv: s.kpiGmv, orders: s.kpiOrders, customers: s.kpiCustomers, profit: s.kpiProfit };
  return labels[kpi];
}

export function cadenceLabel(cadence: Cadence, s: SmartStrings): string {
  return cadence === "weekly" ? s.cadenceWeekly : cadence === "monthly" ? s.cadenceMonthly : s.cadenceQuarterly;
}

/** How the statement's parts are joined into one formula (see FormulaText in i18n/smart.ts). */
const FORMULA_TEXT: FormulaText = {
  lit: (text) => `"${text.replace(/"/g, '""')}"`,
  ifFilled: (cell, then, otherwise = []) => `IF(${cell}<>"",${joinParts(then)},${joinParts(otherwise)})`,
  ifTrue: (condition, then) => `IF(${condition},${joinParts(then)},"")`,
  join: (...parts) => joinParts(parts),
};

function joinParts(parts: readonly string[]): string {
  return parts.length === 0 ? '""' : parts.join("&");
}

/**
 * An amount cell as the statement shows it: grouped, its decimals only when it has any ("4,000",
 * "1,234.5"); in 万, divided by 10,000 in the formula ("5,000万", "1,234.5678万") — the cell keeps the
 * exact amount.
 */
export function amountText(cell: string, display: AmountDisplay): string {
  if (display === "wan") return `TEXT(${cell}/10000,IF(${cell}=ROUND(${cell},-4),"#,##0","#,##0.0###"))&"万"`;
  return `TEXT(${cell},IF(${cell}=ROUND(${cell},0),"#,##0","#,##0.##"))`;
}

/**
 * The SMART statement in the course's style, as one formula of the sheet's cells (rows of SMART_LAYOUT):
 * change the target, the baseline, a date or the strategy in the sheet and the sentence follows —
 * "在情人节大促期间，2025年1月20日至2025年2月14日，通过天猫…实现…从4,000万元提升到5,000万元（增长25.0%）…".
 */
export function statementFormula(language: Language, display: AmountDisplay): string {
  const s = SMART_STRINGS[language];
  const date = (cell: string) => `TEXT(${cell},${FORMULA_TEXT.lit(s.dateFormat)})`;
  return `=${SMART_STATEMENT[language](
    {
      occasion: "B8",
      start: date("B16"),
      end: date("B17"),
      channel: "B5",
      customers: "B7",
      kpi: "B9",
      product: "B6",
      baseline: amountText("B11", display),
      target: amountText("B12", display),
      unit: "B10",
      hasGrowth: "B11>0",
      growth: `IF(B13>=0,${FORMULA_TEXT.lit(s.growthUp)},${FORMULA_TEXT.lit(s.growthDown)})&TEXT(ABS(B13),"0.0%")`,
      strategy: "B19",
    },
    FORMULA_TEXT,
  )}`;
}

/**
 * The growth formulas over a history (one row or column of numbers): the best growth from one value to the
 * next (pairs whose earlier value is not above 0 skipped, as growthStats does), and the average growth per
 * period from the first value to the last (geometric). Empty text where there is no growth to show.
 */
export function historyFormulas(address: string): { best: string; average: string } | undefined {
  const ref = parseRange(address);
  if (ref === undefined || (ref.rows > 1 && ref.columns > 1)) return undefined;
  const n = Math.max(ref.rows, ref.columns);
  if (n < 2) return undefined;
  const down = ref.columns === 1;
  const part = (from: number, count: number) =>
    formatRange(down ? { ...ref, row: ref.row + from, rows: count } : { ...ref, column: ref.column + from, columns: count });
  const previous = part(0, n - 1);
  const next = part(1, n - 1);
  const first = part(0, 1);
  const last = part(n - 1, 1);
  return {
    best: `=IF(COUNTIF(${previous},">0")=0,"",MAX(IF(${previous}>0,${next}/${previous}-1,"")))`,
    average: `=IF(AND(${first}>0,${last}>=0),(${last}/${first})^(1/${n - 1})-1,"")`,
  };
}

export function smartPlan(target: SmartTarget, language: Language, history?: HistoryInfo): SheetPlan {
  const s = SMART_STRINGS[language];
  const display = target.display ?? "yuan";
  const amount = amountFormat(display, !Number.isInteger(target.roundTo));
  const growth = history === undefined ? undefined : historyFormulas(history.address);
  const rows: CellSpec[][] = [
    [text(s.sheetTitle)],
    [formula(statementFormula(language, display))],
    [],
    [text(s.colParameter), text(s.colValue)],
    [text(s.rowChannel), text(target.channel)],
    [text(s.rowProduct), text(target.product)],
    [text(s.rowCustomers), text(target.customers)],
    [text(s.rowOccasion), text(target.occasion)],
    [text(s.rowKpi), text(kpiLabel(target.kpi, s))],
    [text(s.rowUnit), text(target.unit)],
    [text(s.rowBaseline), num(target.baseline)],
    [text(s.rowTarget), num(target.target)],
    [text(s.rowRequiredGrowth), formula('=IF(B11>0,B12/B11-1,"")')],
    [text(s.rowBestGrowth), growth === undefined ? null : formula(growth.best), text(history?.address ?? "")],
    [text(s.rowAverageGrowth), growth === undefined ? null : formula(growth.average)],
    [text(s.rowStart), num(target.start)],
    [text(s.rowEnd), num(target.end)],
    [text(s.rowCadence), text(cadenceLabel(target.cadence, s))],
    [text(s.rowStrategy), text(target.strategy)],
    [text(s.rowRoundTo), num(target.roundTo)],
    [text(s.rowFloorRatio), num(target.floorRatio)],
    [text(s.rowChallengeRatio), num(target.challengeRatio)],
    [],
    [null, text(s.tierFloor), text(s.tierStandard), text(s.tierChallenge)],
    [text(s.tiersLabel), formula("=SALES.TARGET.TIERS(B12,B21,B22)"), null, null],
    [],
    [text(s.milestonesTitle)],
    [text(s.colNumber), text(s.colPeriodStart), text(s.colPeriodEnd), text(s.colDays), text(s.colPeriodTarget), text(s.colCumulative), text(s.colCumulativeShare)],
  ];
  const first = SMART_LAYOUT.firstMilestoneRow;
  const checkpoints = periods(target.start, target.end, target.cadence);
  const last = first + checkpoints.length - 1;
  checkpoints.forEach((period, i) => {
    const r = first + i;
    rows.push([
      num(i + 1),
      num(period.start),
      num(period.end),
      formula(`=C${r}-B${r}+1`),
      i === 0 ? formula(`=SALES.TARGET.SPLIT($B$12,D${first}:D${last},$B$20)`) : null,
      formula(`=SUM($E$${first}:E${r})`),
      formula(`=F${r}/$B$12`),
    ]);
  });
  const total = last + 1;
  rows.push([
    text(s.totalRow),
    null,
    null,
    formula(`=SUM(D${first}:D${last})`),
    formula(`=SUM(E${first}:E${last})`),
    formula(`=IF(E${total}=$B$12,"${s.checkOk}","${s.checkOff}"&TEXT(E${total}-$B$12,"${YUAN_FORMAT}"))`),
  ]);

  return {
    name: s.sheetName,
    rows,
    boldRows: [1, 4, 24, 28, total],
    numberFormats: [
      { address: "B11:B12", format: amount },
      { address: "B13:B15", format: "0.0%" },
      { address: "B16:B17", format: "yyyy-mm-dd" },
      { address: "B20", format: amount },
      { address: "B21:B22", format: "0%" },
      { address: "B25:D25", format: amount },
      { address: `B${first}:C${last}`, format: "yyyy-mm-dd" },
      { address: `E${first}:F${total}`, format: amount },
      { address: `G${first}:G${last}`, format: "0.0%" },
    ],
    names: [{ name: "SmartTarget", address: SMART_LAYOUT.targetCell }],
    charts: [{ kind: "column", source: `E28:E${last}`, title: s.chartTitle, from: "I4", to: "P20" }],
  };
}
