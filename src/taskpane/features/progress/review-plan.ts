/**
 * The Progress review sheet (进度跟踪): plan v1, the actuals, and per person and in total the target to
 * date, attainment (达成率), time progress (时间进度), pace (序时达成率), ahead/behind schedule (超/欠序时进度)
 * in amount and points, linear and seasonal projections (SALES.TARGET.PACE), a rank and a status by the
 * thresholds typed in B5:B6 — all formulas: next month the manager types the new actuals, sets B3, and the
 * sheet is current. Rows are 1-based below; P is the number of people.
 *
 *   B2 year · B3 months with actuals (1–12) · B4 time progress by the plan's shares (1) or by days (0) ·
 *   B5 green from pace · B6 amber from pace · B7 the plan unit · B8 time elapsed by days (a formula)
 *   Plan: row 12 month numbers 1…12 (B12:M12), row 13 days of each month, row 14 the header
 *     (Salesperson | 12 months | Year), rows 15…14+P the people (table Progress_Plan), then a total row.
 *   Actuals: a title, the header (Salesperson | 12 months | To date), P rows (table Progress_Actuals), a
 *     total row: typed (blank cells), SUMIFS of an order export, or sums the pane made.
 *   Review: a title, the header, P rows (table Progress_Review), a total row.
 *   Chart data: Month | Target | Actual for the team, 12 rows, and a clustered column chart beside it.
 *
 * Time progress: by days, the share of the year's days in the months done; by the plan, each person's
 * cumulative plan share (target to date ÷ year target). Pace = actual ÷ (year target × time progress).
 * Cells that have no meaning (no target yet) show "—", never an error.
 */
import { columnLetters } from "../../../excel/address";
import type { CellSpec, ChartSpec, ConditionalFormatSpec, NameSpec, NumberFormatSpec, SheetPlan, TableSpec } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { PROGRESS_STRINGS, type ProgressStrings } from "../../../i18n/progress";
import { amountFormat, type AmountDisplay } from "../../components/amount-format";
import { cellReference, MONTHS, rangeReference, type PlanSource } from "./plan-source";

const v = (value: string | number | boolean): CellSpec => ({ value });
const f = (formula: string): CellSpec => ({ formula });
const lit = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export type Actuals =
  | { readonly kind: "typed" }
  /** SUMIFS over an export whose dates and amounts are numbers (0-based rows and columns). */
  | {
      readonly kind: "orders";
      readonly where: string;
      readonly sheet: string;
      readonly firstRow: number;
      readonly lastRow: number;
      readonly columns: { readonly person: number; readonly date: number; readonly amount: number };
    }
  /** Monthly sums the pane made (text dates or amounts), per person. */
  | { readonly kind: "summed"; readonly where: string; readonly when: string; readonly sums: readonly (readonly number[])[] };

export interface ReviewInput {
  readonly plan: PlanSource;
  readonly year: number;
  readonly monthsDone: number;
  readonly basis: "plan" | "days";
  /** Pace thresholds as fractions (1 = 100%). */
  readonly green: number;
  readonly amber: number;
  readonly display: AmountDisplay;
  readonly actuals: Actuals;
  /** The plan unit for targets linked cell by cell (a version's split unit); quotas carry their own. */
  readonly unit?: number;
}

/** Where things are on the review sheet for P people (1-based rows); the version sheet refers to them. */
export function reviewLayout(people: number) {
  const planHeader = 14;
  const planFirst = planHeader + 1;
  const planTotal = planFirst + people;
  const actualsTitle = planTotal + 2;
  const actualsHeader = actualsTitle + 1;
  const actualsFirst = actualsHeader + 1;
  const actualsTotal = actualsFirst + people;
  const reviewTitle = actualsTotal + 2;
  const reviewHeader = reviewTitle + 1;
  const reviewFirst = reviewHeader + 1;
  const reviewTotal = reviewFirst + people;
  const chartTitle = reviewTotal + 2;
  const chartHeader = chartTitle + 1;
  return { monthNo: 12, days: 13, planHeader, planFirst, planTotal, actualsTitle, actualsHeader, actualsFirst, actualsTotal, reviewTitle, reviewHeader, reviewFirst, reviewTotal, chartTitle, chartHeader };
}

/** The column of month k (1-based): B…M; N is the year / to-date column. */
export const monthColumn = (k: number) => columnLetters(k);
const YEAR_COLUMN = "N";
const MONTHS_RANGE = (row: number) => `$B$${row}:$M$${row}`;
export const MONTH_NUMBERS = "$B$12:$M$12";

/** Days of month k of the year in B2 (December: up to the next 1 January). */
const daysFormula = (k: number) => (k === MONTHS ? "=DATE($B$2+1,1,1)-DATE($B$2,12,1)" : `=DATE($B$2,${k + 1},1)-DATE($B$2,${k},1)`);

/** The status of a pace cell: green / amber / red by B5 and B6, "—" without a pace. */
const statusFormula = (pace: string, t: ProgressStrings) =>
  `=IF(ISNUMBER(${pace}),IF(${pace}>=$B$5,${lit(t.statusGreen)},IF(${pace}>=$B$6,${lit(t.statusAmber)},${lit(t.statusRed)})),${lit(t.statusNone)})`;

/** The plan cell of person i, month k (1-based). */
function planCell(plan: PlanSource, i: number, k: number, days: number): string {
  if (plan.kind === "grid") {
    const first = plan.first[i]!;
    return `=${cellReference({ sheet: first.sheet, row: first.row, column: first.column + k - 1 })}`;
  }
  const quota = cellReference(plan.quotas[i]!);
  if (plan.weights === "days") return `=INDEX(SALES.TARGET.SPLIT(${quota},$B$${days}:$M$${days},$B$7),1,${k})`;
  const weights = rangeReference({ ...plan.weights, sheet: plan.weights.sheet ?? "" });
  return plan.weights.columns === 1 ? `=INDEX(SALES.TARGET.SPLIT(${quota},${weights},$B$7),${k},1)` : `=INDEX(SALES.TARGET.SPLIT(${quota},${weights},$B$7),1,${k})`;
}

/** One person's actual for month k (1-based) in row `row`. */
function actualCell(actuals: Actuals, i: number, k: number, row: number): CellSpec {
  if (actuals.kind === "typed") return null;
  if (actuals.kind === "summed") return v(actuals.sums[i]?.[k - 1] ?? 0);
  const column = (c: number) => rangeReference({ sheet: actuals.sheet, row: actuals.firstRow, column: c, rows: actuals.lastRow - actuals.firstRow + 1, columns: 1 });
  const dates = column(actuals.columns.date);
  const from = `DATE($B$2,${k},1)`;
  const to = k === MONTHS ? "DATE($B$2+1,1,1)" : `DATE($B$2,${k + 1},1)`;
  return f(`=SUMIFS(${column(actuals.columns.amount)},${column(actuals.columns.person)},$A${row},${dates},">="&${from},${dates},"<"&${to})`);
}

export function reviewPlan(input: ReviewInput, language: Language): SheetPlan {
  const t = PROGRESS_STRINGS[language];
  const { plan } = input;
  const P = plan.names.length;
  const L = reviewLayout(P);
  const rows: CellSpec[][] = [];
  const boldRows: number[] = [];
  const put = (row: number, cells: CellSpec[], bold = false) => {
    while (rows.length < row) rows.push([]);
    rows[row - 1] = cells;
    if (bold) boldRows.push(row);
  };
  const amount = amountFormat(input.display);
  const numberFormats: NumberFormatSpec[] = [];
  const format = (address: string, fmt: string) => numberFormats.push({ address, format: fmt });

  put(1, [v(t.reviewTitle)], true);
  put(2, [v(t.cellYear), v(input.year)]);
  put(3, [v(t.cellMonthsDone), v(input.monthsDone)]);
  put(4, [v(t.cellBasis), v(input.basis === "plan" ? 1 : 0)]);
  put(5, [v(t.cellGreen), v(input.green)]);
  put(6, [v(t.cellAmber), v(input.amber)]);
  put(7, [v(t.cellUnit), plan.kind === "quotas" ? (typeof plan.unit === "number" ? v(plan.unit) : f(`=${cellReference(plan.unit)}`)) : v(input.unit ?? 1)]);
  put(8, [v(t.cellElapsedDays), f("=IF($B$3>=12,1,(DATE($B$2,$B$3+1,1)-DATE($B$2,1,1))/(DATE($B$2+1,1,1)-DATE($B$2,1,1)))")]);
  put(9, [v(t.cellInputsNote)]);
  format("B5:B6", "0%");
  format("B8", "0.0%");

  // Plan
  put(11, [v(t.titlePlan)], true);
  put(L.monthNo, [v(t.cellMonthNo), ...Array.from({ length: MONTHS }, (_, k) => v(k + 1))]);
  put(L.days, [v(t.cellDays), ...Array.from({ length: MONTHS }, (_, k) => f(daysFormula(k + 1)))]);
  const monthHeaders = t.months.map((m) => v(m));
  put(L.planHeader, [v(t.cellSalesperson), ...monthHeaders, v(t.cellYearTotal)], true);
  plan.names.forEach((name, i) => {
    const r = L.planFirst + i;
    put(r, [v(name), ...Array.from({ length: MONTHS }, (_, k) => f(planCell(plan, i, k + 1, L.days))), f(`=SUM(B${r}:M${r})`)]);
  });
  const totalRow = (r: number, first: number, last: number, columns: number) =>
    put(r, [v(t.cellTotal), ...Array.from({ length: columns }, (_, c) => f(`=SUM(${columnLetters(c + 1)}${first}:${columnLetters(c + 1)}${last})`))], true);
  totalRow(L.planTotal, L.planFirst, L.planTotal - 1, MONTHS + 1);
  format(`B${L.planFirst}:N${L.planTotal}`, amount);

  // Actuals
  const actualsTitle =
    input.actuals.kind === "typed" ? t.titleActualsTyped : input.actuals.kind === "orders" ? t.titleActualsOrders(input.actuals.where) : t.titleActualsSummed(input.actuals.where, input.actuals.when);
  put(L.actualsTitle, [v(actualsTitle)], true);
  put(L.actualsHeader, [v(t.cellSalesperson), ...monthHeaders, v(t.cellToDate)], true);
  plan.names.forEach((name, i) => {
    const r = L.actualsFirst + i;
    put(r, [v(name), ...Array.from({ length: MONTHS }, (_, k) => actualCell(input.actuals, i, k + 1, r)), f(`=SUMIFS(B${r}:M${r},${MONTH_NUMBERS},"<="&$B$3)`)]);
  });
  totalRow(L.actualsTotal, L.actualsFirst, L.actualsTotal - 1, MONTHS + 1);
  format(`B${L.actualsFirst}:N${L.actualsTotal}`, amount);

  // Review
  put(L.reviewTitle, [v(t.titleReview)], true);
  put(
    L.reviewHeader,
    [t.cellSalesperson, t.cellYearTarget, t.cellTargetToDate, t.cellActualToDate, t.cellAttainment, t.cellTimeProgress, t.cellPace, t.cellGapAmount, t.cellGapPoints, t.cellProjectionLinear, t.cellProjectionSeasonal, t.cellRank, t.cellStatus].map(v),
    true,
  );
  const first = L.reviewFirst;
  const last = L.reviewTotal - 1;
  const reviewRow = (r: number, label: string, planRow: number, actualRow: number, rank: boolean): CellSpec[] => [
    v(label),
    f(`=${YEAR_COLUMN}${planRow}`),
    f(`=SUMIFS(${MONTHS_RANGE(planRow)},${MONTH_NUMBERS},"<="&$B$3)`),
    f(`=${YEAR_COLUMN}${actualRow}`),
    f(`=IF(B${r}=0,0,D${r}/B${r})`),
    f(`=IF(AND($B$4=1,B${r}>0),C${r}/B${r},$B$8)`),
    f(`=IF(B${r}*F${r}=0,${lit(t.statusNone)},D${r}/(B${r}*F${r}))`),
    f(`=D${r}-B${r}*F${r}`),
    f(`=E${r}-F${r}`),
    f(`=IF(OR(B${r}<=0,D${r}<0),${lit(t.statusNone)},INDEX(SALES.TARGET.PACE(B${r},D${r},$B$8),1,3))`),
    f(`=IF(OR(B${r}<=0,C${r}<=0,D${r}<0),${lit(t.statusNone)},INDEX(SALES.TARGET.PACE(B${r},D${r},$B$3,${MONTHS_RANGE(planRow)}),1,3))`),
    rank ? f(`=COUNTIF($E$${first}:$E$${last},">"&E${r})+1`) : null,
    f(statusFormula(`G${r}`, t)),
  ];
  plan.names.forEach((name, i) => put(first + i, reviewRow(first + i, name, L.planFirst + i, L.actualsFirst + i, true)));
  put(L.reviewTotal, reviewRow(L.reviewTotal, t.cellTotal, L.planTotal, L.actualsTotal, false), true);
  format(`B${first}:D${L.reviewTotal}`, amount);
  format(`E${first}:G${L.reviewTotal}`, "0.0%");
  format(`H${first}:H${L.reviewTotal}`, amount);
  format(`I${first}:I${L.reviewTotal}`, '+0.0%;-0.0%;0.0%');
  format(`J${first}:K${L.reviewTotal}`, amount);

  // Chart data: the team's target and actual by month.
  put(L.chartTitle, [v(t.titleChart)], true);
  put(L.chartHeader, [v(t.cellMonth), v(t.cellTarget), v(t.cellActual)], true);
  for (let k = 1; k <= MONTHS; k++) put(L.chartHeader + k, [v(t.months[k - 1]!), f(`=${monthColumn(k)}${L.planTotal}`), f(`=${monthColumn(k)}${L.actualsTotal}`)]);
  format(`B${L.chartHeader + 1}:C${L.chartHeader + MONTHS}`, amount);
  const charts: ChartSpec[] = [
    { kind: "column", source: `A${L.chartHeader}:C${L.chartHeader + MONTHS}`, title: t.chartTitle, from: `E${L.chartTitle}`, to: `M${L.chartHeader + MONTHS + 4}`, xAxisTitle: t.chartX, yAxisTitle: t.chartY },
  ];

  const tables: TableSpec[] = [
    { name: "Progress_Plan", address: `A${L.planHeader}:N${L.planTotal - 1}`, hasHeaders: true },
    { name: "Progress_Actuals", address: `A${L.actualsHeader}:N${L.actualsTotal - 1}`, hasHeaders: true },
    { name: "Progress_Review", address: `A${L.reviewHeader}:M${last}`, hasHeaders: true },
  ];
  // Red / amber / green on the pace and status columns, by the same thresholds as the status text.
  const rag = `G${first}:G${L.reviewTotal}`;
  const status = `M${first}:M${L.reviewTotal}`;
  const conditionalFormats: ConditionalFormatSpec[] = [rag, status].flatMap((address) => [
    { address, formula: `=AND(ISNUMBER($G${first}),$G${first}>=$B$5)`, fill: "#C6EFCE", font: "#006100" },
    { address, formula: `=AND(ISNUMBER($G${first}),$G${first}<$B$5,$G${first}>=$B$6)`, fill: "#FFEB9C", font: "#9C5700" },
    { address, formula: `=AND(ISNUMBER($G${first}),$G${first}<$B$6)`, fill: "#FFC7CE", font: "#9C0006" },
  ]);
  const names: NameSpec[] = [
    { name: "Progress_Year", address: "B2" },
    { name: "Progress_MonthsDone", address: "B3" },
    { name: "Progress_Green", address: "B5" },
    { name: "Progress_Amber", address: "B6" },
  ];
  return { name: t.reviewSheetName, rows, boldRows, tables, numberFormats, charts, names, conditionalFormats };
}
