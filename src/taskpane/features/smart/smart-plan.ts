import type { CellSpec, SheetPlan } from "../../../excel/gateway";
import { formatAmount, formatDate, growthPhrase } from "../../../i18n/format";
import type { Language } from "../../../i18n/language";
import { SMART_STRINGS, type SmartStrings } from "../../../i18n/smart";
import { periods, type Cadence, type GrowthStats } from "./milestones";
import type { Kpi, SmartTarget } from "./smart-schema";

/**
 * The "SMART target" sheet: the statement, a parameter table, the floor/standard/challenge tiers and the
 * milestone table. Everything downstream of the target cell (B12) is a formula, so changing the target, the
 * rounding unit or a period's dates recalculates the sheet:
 *
 *   B13  =IF(B11>0,B12/B11-1,"")                               growth needed
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

/** The growth the target needs over its baseline, in words ("增长25.0%" / "+25.0%"); empty without a baseline. */
function targetGrowth(target: SmartTarget, language: Language): string {
  if (!(target.baseline > 0)) return "";
  return growthPhrase(target.target / target.baseline - 1, language);
}

/** The SMART statement in the course's style, in the chosen language. */
export function smartStatement(target: SmartTarget, language: Language): string {
  const s = SMART_STRINGS[language];
  return s.statement({
    occasion: target.occasion,
    start: formatDate(target.start, language),
    end: formatDate(target.end, language),
    channel: target.channel,
    customers: target.customers,
    kpi: kpiLabel(target.kpi, s),
    product: target.product,
    baseline: formatAmount(target.baseline, language),
    target: formatAmount(target.target, language),
    unit: target.unit,
    growth: targetGrowth(target, language),
    strategy: target.strategy,
  });
}

export function smartPlan(target: SmartTarget, language: Language, history?: HistoryInfo): SheetPlan {
  const s = SMART_STRINGS[language];
  const amountFormat = Number.isInteger(target.roundTo) ? "#,##0" : "#,##0.00";
  const rows: CellSpec[][] = [
    [text(s.sheetTitle)],
    [text(smartStatement(target, language))],
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
    [text(s.rowBestGrowth), history?.stats.best === undefined ? null : num(history.stats.best)],
    [text(s.rowHistory), text(history?.address ?? "")],
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
    formula(`=IF(E${total}=$B$12,"${s.checkOk}","${s.checkOff}"&TEXT(E${total}-$B$12,"${amountFormat}"))`),
  ]);

  return {
    name: s.sheetName,
    rows,
    boldRows: [1, 4, 24, 28, total],
    numberFormats: [
      { address: "B11:B12", format: amountFormat },
      { address: "B13:B14", format: "0.0%" },
      { address: "B16:B17", format: "yyyy-mm-dd" },
      { address: "B20", format: amountFormat },
      { address: "B21:B22", format: "0%" },
      { address: "B25:D25", format: amountFormat },
      { address: `B${first}:C${last}`, format: "yyyy-mm-dd" },
      { address: `E${first}:F${total}`, format: amountFormat },
      { address: `G${first}:G${last}`, format: "0.0%" },
    ],
    names: [{ name: "SmartTarget", address: SMART_LAYOUT.targetCell }],
    charts: [{ kind: "column", source: `E28:E${last}`, title: s.chartTitle, from: "I4", to: "P20" }],
  };
}
