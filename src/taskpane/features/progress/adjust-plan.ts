/**
 * A new plan version (计划 v2, v3…): the remaining gap (year target − actual to date) re-split over the
 * remaining months and the people, written beside the review sheet (plan v1), which it only reads. Rows
 * are 1-based below; P people, the review sheet's layout from review-plan.ts.
 *
 *   B2 the review sheet · B3 year · B4 months done (fixed for this version) · B5 the split method ·
 *   B6 plan unit · B7 year target (Σ plan v1) · B8 actual to date · B9 remaining gap = ROUND(B7 − B8, 2) ·
 *   B10 taken over from leavers · B11 gap to split = MAX(0, ROUND(B9 − B10, 2)) · B12 its unit: the plan
 *   unit when the gap is a multiple of it, else 0.01 (actuals in fen) — TARGET.SPLIT needs a whole number
 *   of units.
 *   Change log: Date | Reason | Changed by | Change — every version written so far, the newest last.
 *   Month weights: month numbers; plan v1's team targets of the remaining months (0 for months done; all 1
 *   when those are all 0).
 *   People (table): Salesperson | Leaver | Plan v1 year | Actual to date | Remaining quota | Recent
 *   attainment | Weight | Weight used | Taken over | Share of the gap | New year target | Still to plan |
 *   Split unit, then a total row checked against B7.
 *   The plan by month (table): months done are the actuals, the others `SALES.TARGET.SPLIT(still to plan,
 *   month weights, unit)`; each row checked against its new year target, the total row against B7.
 *
 * The weights: remaining quota = max(0, plan − actual); recent attainment = plan × (actual ÷ plan over the
 * last three months done); even = 1 — a leaver 0. A leaver's remaining quota goes to the colleagues named,
 * in equal parts to the fen (the last one takes the rounding), before the rest of the gap is split. When
 * every weight is 0, everyone who stays weighs 1. So the new year targets add up to the year target exactly
 * whenever the actuals are in fen and the gap covers what was taken over (else the check row says by how much).
 */
import { columnLetters } from "../../../excel/address";
import type { CellSpec, NumberFormatSpec, SheetPlan, TableSpec } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { PROGRESS_STRINGS } from "../../../i18n/progress";
import { amountFormat, type AmountDisplay } from "../../components/amount-format";
import { MONTHS, sheetPrefix } from "./plan-source";
import { reviewLayout } from "./review-plan";

const v = (value: string | number | boolean): CellSpec => ({ value });
const f = (formula: string): CellSpec => ({ formula });
const lit = (text: string): string => `"${text.replace(/"/g, '""')}"`;
const checkFormula = (sum: string, parent: string): string => `=IF(ROUND(${sum}-${parent},6)=0,${lit("✓")},${lit("✗ ")}&TEXT(${sum}-${parent},${lit("#,##0.00")}))`;

export const SPLIT_METHODS = ["remaining", "recent", "even"] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

export interface LogEntry {
  /** The date as an Excel serial. */
  readonly date: number;
  readonly reason: string;
  readonly who: string;
  readonly change: string;
}

export interface AdjustInput {
  /** The review sheet's name (plan v1). */
  readonly review: string;
  readonly names: readonly string[];
  readonly version: number;
  readonly monthsDone: number;
  readonly method: SplitMethod;
  /** Leavers by index, each with the indexes of the colleagues taking over. */
  readonly leavers: readonly { readonly person: number; readonly takers: readonly number[] }[];
  /** Earlier versions' entries and this one's, in order. */
  readonly log: readonly LogEntry[];
  readonly display: AmountDisplay;
}

/** Where the version sheet's parts are (1-based rows). */
export function adjustLayout(people: number, logEntries: number) {
  const logHeader = 15;
  const monthNo = logHeader + logEntries + 2;
  const weights = monthNo + 1;
  const weightsUsed = weights + 1;
  const peopleTitle = weightsUsed + 2;
  const peopleHeader = peopleTitle + 1;
  const peopleFirst = peopleHeader + 1;
  const peopleTotal = peopleFirst + people;
  const gridTitle = peopleTotal + 2;
  const gridHeader = gridTitle + 1;
  const gridFirst = gridHeader + 1;
  const gridTotal = gridFirst + people;
  return { logHeader, monthNo, weights, weightsUsed, peopleTitle, peopleHeader, peopleFirst, peopleTotal, gridTitle, gridHeader, gridFirst, gridTotal };
}

/** The method's words, for the sheet and the change log. */
export function methodLabel(method: SplitMethod, language: Language): string {
  const t = PROGRESS_STRINGS[language];
  return method === "remaining" ? t.methodRemaining : method === "recent" ? t.methodRecent : t.methodEven;
}

export function adjustPlan(input: AdjustInput, language: Language): SheetPlan {
  const t = PROGRESS_STRINGS[language];
  const P = input.names.length;
  const R = reviewLayout(P);
  const L = adjustLayout(P, input.log.length);
  const ref = (a1: string) => `${sheetPrefix(input.review)}${a1}`;
  const amount = amountFormat(input.display);
  const rows: CellSpec[][] = [];
  const boldRows: number[] = [];
  const put = (row: number, cells: CellSpec[], bold = false) => {
    while (rows.length < row) rows.push([]);
    rows[row - 1] = cells;
    if (bold) boldRows.push(row);
  };
  const numberFormats: NumberFormatSpec[] = [];
  const format = (address: string, fmt: string) => numberFormats.push({ address, format: fmt });
  const pf = L.peopleFirst;
  const pl = L.peopleTotal - 1;
  const col = (k: number) => columnLetters(k);

  put(1, [v(t.versionTitle(input.version, input.review))], true);
  put(2, [v(t.cellBasedOn), v(input.review)]);
  put(3, [v(t.cellYear), f(`=${ref("$B$2")}`)]);
  put(4, [v(t.cellMonthsDone), v(input.monthsDone)]);
  put(5, [v(t.cellSplitMethod), v(methodLabel(input.method, language))]);
  put(6, [v(t.cellUnit), f(`=${ref("$B$7")}`)]);
  put(7, [v(t.cellYearTargetTotal), f(`=SUM(C${pf}:C${pl})`)]);
  put(8, [v(t.cellActualTotal), f(`=SUM(D${pf}:D${pl})`)]);
  put(9, [v(t.cellGap), f("=ROUND(B7-B8,2)")]);
  put(10, [v(t.cellTransferIn), f(`=SUM(I${pf}:I${pl})`)]);
  put(11, [v(t.cellGapShare), f("=MAX(0,ROUND(B9-B10,2))")]);
  put(12, [v(t.cellAdjustUnit), f("=IF(ROUND(MOD(B11,B6),6)=0,B6,0.01)")]);
  format("B6:B11", amount);

  put(14, [v(t.titleChangeLog)], true);
  put(L.logHeader, [v(t.cellDate), v(t.cellReason), v(t.cellWho), v(t.cellChange)], true);
  input.log.forEach((entry, i) => put(L.logHeader + 1 + i, [v(entry.date), v(entry.reason), v(entry.who), v(entry.change)]));
  format(`A${L.logHeader + 1}:A${L.logHeader + input.log.length}`, "yyyy-mm-dd");

  put(L.monthNo, [v(t.cellMonthNo), ...Array.from({ length: MONTHS }, (_, k) => v(k + 1))]);
  put(L.weights, [v(t.cellMonthWeights), ...Array.from({ length: MONTHS }, (_, k) => f(`=IF(${col(k + 1)}$${L.monthNo}<=$B$4,0,${ref(`${col(k + 1)}$${R.planTotal}`)})`))]);
  put(
    L.weightsUsed,
    [v(t.cellWeight), ...Array.from({ length: MONTHS }, (_, k) => f(`=IF(SUM($B$${L.weights}:$M$${L.weights})=0,IF(${col(k + 1)}$${L.monthNo}<=$B$4,0,1),${col(k + 1)}${L.weights})`))],
  );
  format(`B${L.weights}:M${L.weightsUsed}`, "#,##0");

  // People
  put(L.peopleTitle, [v(t.titlePeople)], true);
  put(
    L.peopleHeader,
    [t.cellSalesperson, t.cellLeaver, t.cellOriginal, t.cellActualToDate, t.cellRemainingQuota, t.cellRecentAttainment, t.cellWeight, `${t.cellWeight} ✓`, t.cellTransferIn, t.cellGapShare, t.cellNewYear, t.cellToPlan, t.cellAdjustUnit.replace(/[(（].*$/, "").trim()].map(v),
    true,
  );
  const leaverOf = new Map(input.leavers.map((l) => [l.person, l]));
  const reviewMonths = "$B$12:$M$12";
  input.names.forEach((name, i) => {
    const r = pf + i;
    const planRow = R.planFirst + i;
    const actualRow = R.actualsFirst + i;
    const recentFrom = `">="&MAX(1,$B$4-2)`;
    const recentTo = `"<="&$B$4`;
    const recentPlan = `SUMIFS(${ref(`$B$${planRow}:$M$${planRow}`)},${ref(reviewMonths)},${recentFrom},${ref(reviewMonths)},${recentTo})`;
    const recentActual = `SUMIFS(${ref(`$B$${actualRow}:$M$${actualRow}`)},${ref(reviewMonths)},${recentFrom},${ref(reviewMonths)},${recentTo})`;
    const weight = input.method === "remaining" ? `E${r}` : input.method === "recent" ? `C${r}*F${r}` : "1";
    // What this person takes over: an equal part of each leaver's remaining quota, to the fen; the last taker the rest.
    const parts = input.leavers.flatMap((leaver) => {
      const at = leaver.takers.indexOf(i);
      if (at < 0) return [];
      const n = leaver.takers.length;
      const remaining = `E${pf + leaver.person}`;
      const part = at < n - 1 ? `ROUND(${remaining}/${n},2)` : `${remaining}-${n - 1}*ROUND(${remaining}/${n},2)`;
      return [`IF($B$${pf + leaver.person}=1,${part},0)`];
    });
    put(r, [
      v(name),
      v(leaverOf.has(i) ? 1 : 0),
      f(`=${ref(`$N$${planRow}`)}`),
      f(`=SUMIFS(${ref(`$B$${actualRow}:$M$${actualRow}`)},${ref(reviewMonths)},"<="&$B$4)`),
      f(`=ROUND(MAX(0,C${r}-D${r}),2)`),
      f(`=IF(${recentPlan}=0,0,${recentActual}/${recentPlan})`),
      f(`=IF(B${r}=1,0,${weight})`),
      f(`=IF(SUM($G$${pf}:$G$${pl})=0,IF(B${r}=1,0,1),G${r})`),
      f(parts.length === 0 ? "=0" : `=${parts.join("+")}`),
      f(`=INDEX(SALES.TARGET.SPLIT($B$11,$H$${pf}:$H$${pl},$B$12),ROW()-ROW($A$${L.peopleHeader}),1)`),
      f(`=D${r}+I${r}+J${r}`),
      f(`=I${r}+J${r}`),
      f(`=IF(ROUND(MOD(L${r},$B$6),6)=0,$B$6,0.01)`),
    ]);
  });
  const sums = (columns: string[]) => columns.map((c) => f(`=SUM(${c}${pf}:${c}${pl})`));
  put(L.peopleTotal, [v(t.cellCheckRow(t.cellYearTargetTotal)), null, ...sums(["C", "D", "E"]), null, null, null, ...sums(["I", "J", "K", "L"]), f(checkFormula(`K${L.peopleTotal}`, "$B$7"))], true);
  format(`C${pf}:E${L.peopleTotal}`, amount);
  format(`F${pf}:F${pl}`, "0.0%");
  format(`G${pf}:H${pl}`, "#,##0");
  format(`I${pf}:L${L.peopleTotal}`, amount);

  // The plan by month
  put(L.gridTitle, [v(t.titleNewPlan(input.version))], true);
  put(L.gridHeader, [v(t.cellSalesperson), ...t.months.map((m) => v(m)), v(t.cellYearTotal), v(t.cellCheckRow("").replace(/[=\s]+$/, ""))], true);
  input.names.forEach((name, i) => {
    const g = L.gridFirst + i;
    const p = pf + i;
    const actualRow = R.actualsFirst + i;
    put(g, [
      v(name),
      ...Array.from({ length: MONTHS }, (_, k) =>
        f(`=IF(${col(k + 1)}$${L.monthNo}<=$B$4,${ref(`${col(k + 1)}${actualRow}`)},INDEX(SALES.TARGET.SPLIT($L$${p},$B$${L.weightsUsed}:$M$${L.weightsUsed},$M$${p}),1,${k + 1}))`),
      ),
      f(`=SUM(B${g}:M${g})`),
      f(checkFormula(`N${g}`, `$K$${p}`)),
    ]);
  });
  put(
    L.gridTotal,
    [v(t.cellCheckRow(t.cellYearTargetTotal)), ...Array.from({ length: MONTHS + 1 }, (_, c) => f(`=SUM(${col(c + 1)}${L.gridFirst}:${col(c + 1)}${L.gridTotal - 1})`)), f(checkFormula(`N${L.gridTotal}`, "$B$7"))],
    true,
  );
  format(`B${L.gridFirst}:N${L.gridTotal}`, amount);

  const tables: TableSpec[] = [
    { name: `Progress_V${input.version}_People`, address: `A${L.peopleHeader}:M${pl}`, hasHeaders: true },
    { name: `Progress_V${input.version}_Plan`, address: `A${L.gridHeader}:O${L.gridTotal - 1}`, hasHeaders: true },
  ];
  return { name: t.versionSheetName(input.version), rows, boldRows, tables, numberFormats, names: [{ name: "Version_MonthsDone", address: "B4" }] };
}

