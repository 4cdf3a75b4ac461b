/**
 * The Funnel plan sheet (漏斗规划): every figure a formula of the inputs, which are marked ✎. Rows are
 * 1-based below; blocks follow one another, each a bold title, an Excel table, a check row where sums must
 * hold, and a blank row.
 *
 *   A1 title, A2 the note on inputs
 *   Target: deals (B4 ✎) | revenue (B4 ✎) ÷ deal size (B5 ✎) = deals needed (B6) | a known top count (B4 ✎)
 *   Funnel: Stage | Required (FUNNEL.PLAN of the deals needed) or Expected (FUNNEL.STAGES of the top) |
 *           Rate from above ✎ (typed), or FUNNEL.RATES of the Last period ✎ column | [Last period ✎]
 *           check row: the bottom stage covers the deals needed
 *   Lead mix P (optional): Grade | Share ✎ | Leads = second stage × share; check row
 *   Levers: Lever | Today | Raise by ✎ | Improved | Deals, Gain (FUNNEL.LEVERS) | Rank by gain |
 *           Cost ✎ | Cost per extra deal | Rank by cost
 *   Lead pyramid (optional): revenue ✎, A's average order ✎, promotion rate ✎, then Grade | Definition |
 *           How to keep them | Promotion rate to the grade above | Customers needed (FUNNEL.PYRAMID)
 *   Pipeline (optional): Stage ✎ | Win probability ✎ | Forecast group ✎ | Open amount (SUMIF over the
 *           opportunities) | Weighted; check row against SUM(PIPELINE.WEIGHTED(…)); then the pipeline,
 *           weighted pipeline, commit, best case, target ✎, closed ✎, remaining, coverage and the 3× rule.
 *
 * As in the Decomposition sheet, a table cannot hold a spilling formula: each row takes its own element,
 * `=INDEX(SALES.FUNNEL.PLAN(…),ROW()-ROW($A$<header>),1)` — the same formula in every row.
 *
 * The chart is the gateway's "funnel" kind over Stage and Required: Excel's own funnel chart where the
 * host has it (ExcelApi 1.9), else a bar chart in stage order (see office-gateway.ts).
 */
import { cellAddress, columnLetters, type RangeRef } from "../../../excel/address";
import type { CellSpec, ChartSpec, SheetPlan } from "../../../excel/gateway";
import { FUNNEL_WIZARD_STRINGS, LEAD_GRADES, type FunnelWizardStrings } from "../../../i18n/funnel-wizard";
import type { Language } from "../../../i18n/language";
import { SheetRows } from "../../components/sheet-rows";
import type { FunnelInput, Group, PipelineStep } from "./funnel-model";

const v = (value: string | number | boolean): CellSpec => ({ value });
const f = (formula: string): CellSpec => ({ formula });
const lit = (text: string): string => `"${text.replace(/"/g, '""')}"`;
/** An input's label or header: marked ✎. */
const mark = (label: string) => `${label} ✎`;
const at = (column: number, row: number) => cellAddress(row - 1, column);
const abs = (column: number, row: number) => `$${columnLetters(column)}$${row}`;

const COUNT = "#,##0";
const EXPECTED = "#,##0.0";
const RATE = "0.0%";
const AMOUNT = "#,##0";
const COVERAGE = '0.0"×"';

/** The row's position among the rows under `header`: the same formula in every row of a table. */
const nth = (header: number) => `ROW()-ROW($A$${header})`;
/** "$C$8:$C$10" */
const column = (c: number, first: number, last: number) => `${abs(c, first)}:${abs(c, last)}`;

export const GROUP_LABEL: Readonly<Record<Group, keyof FunnelWizardStrings>> = { commit: "groupCommit", best: "groupBest", pipeline: "groupPipeline" };

/** Where the plan put what the tests and the chart need. */
export interface FunnelLayout {
  /** The rows of the funnel's stages (first and last) and its header. */
  readonly stages: { readonly header: number; readonly first: number; readonly last: number };
  /** The cell of the deals needed (or the known top), e.g. "$B$4". */
  readonly target: string;
}

/** The Funnel plan sheet for a validated input, with labels in `language`. */
export function funnelPlan(input: FunnelInput, language: Language): SheetPlan & { readonly layout: FunnelLayout } {
  const t = FUNNEL_WIZARD_STRINGS[language];
  const sheet = new SheetRows();
  const { stages, target } = input;
  const n = stages.names.length;
  sheet.push([v(t.sheetTitle)], true);
  sheet.push([v(t.inputsNote)]);
  sheet.push([]);

  // Target
  let driver: string;
  if (target.kind === "deals") {
    sheet.push([v(mark(t.cellTargetDeals)), v(target.deals)], true);
    driver = "$B$4";
    sheet.format("B4", "#,##0.##");
  } else if (target.kind === "revenue") {
    sheet.push([v(mark(t.cellRevenue)), v(target.revenue)], true);
    sheet.push([v(mark(t.cellDealSize)), v(target.dealSize)]);
    sheet.push([v(t.cellDealsNeeded), f("=B4/B5")]);
    driver = "$B$6";
    sheet.format("B4:B5", AMOUNT);
    sheet.format("B6", "#,##0.##");
  } else {
    sheet.push([v(mark(t.cellTop)), v(target.top)], true);
    driver = "$B$4";
    sheet.format("B4", "#,##0.##");
  }
  sheet.names.push({ name: "Funnel_Target", address: "B4" });
  sheet.push([]);

  // Funnel stages
  const forward = target.kind === "top";
  sheet.push([v(t.titleStages)], true);
  const counts = stages.source === "counts" ? stages.counts : undefined;
  const header = sheet.push([v(t.cellStage), v(forward ? t.cellExpected : t.cellRequired), v(counts ? t.cellRate : mark(t.cellRate)), ...(counts ? [v(mark(t.cellCount))] : [])], true);
  const first = header + 1;
  const last = header + n;
  const rates = column(2, first + 1, last);
  const plan = forward ? `SALES.FUNNEL.STAGES(${driver},${rates})` : `SALES.FUNNEL.PLAN(${driver},${rates})`;
  stages.names.forEach((name, i) => {
    const rate: CellSpec = i === 0 ? null : counts ? f(`=INDEX(SALES.FUNNEL.RATES(${column(3, first, last)}),${nth(first)},1)`) : v(stages.rates[i - 1] as number);
    sheet.push([v(name), f(`=INDEX(${plan},${nth(header)},1)`), rate, ...(counts ? [v(counts[i] as number)] : [])]);
  });
  sheet.tables.push({ name: "Funnel_Stages", address: `A${header}:${at(counts ? 3 : 2, last)}`, hasHeaders: true });
  sheet.format(`B${first}:B${last}`, forward ? EXPECTED : COUNT);
  sheet.format(`C${first}:C${last}`, RATE);
  if (counts) sheet.format(`D${first}:D${last}`, COUNT);
  sheet.names.push({ name: "Funnel_CloseRate", address: `C${last}` });
  if (!forward) {
    const check = sheet.push([v(t.cellCheckRequired), f(`=B${last}`), f(`=IF(ROUND(B${last}-${driver},6)>=0,${lit("✓")},${lit("✗")})`)], true);
    sheet.format(`B${check}`, COUNT);
  }
  sheet.push([]);

  // Lead mix P at the second stage
  if (stages.mix) {
    sheet.push([v(t.titleMix)], true);
    const mixHeader = sheet.push([v(t.cellMixGrade), v(mark(t.cellMixShare)), v(t.cellMixLeads)], true);
    const mixFirst = mixHeader + 1;
    (["A", "B", "C"] as const).forEach((grade, i) => {
      const r = sheet.next;
      sheet.push([v(grade), v(stages.mix![i]!), f(`=$B$${first + 1}*B${r}`)]);
    });
    const mixLast = mixFirst + 2;
    const check = sheet.push(
      [v(t.cellMixCheck), f(`=SUM(B${mixFirst}:B${mixLast})`), f(`=SUM(C${mixFirst}:C${mixLast})`), f(`=IF(AND(ROUND(B${mixLast + 1}-1,9)=0,ROUND(C${mixLast + 1}-$B$${first + 1},6)=0),${lit("✓")},${lit("✗")})`)],
      true,
    );
    sheet.tables.push({ name: "Funnel_Mix", address: `A${mixHeader}:C${mixLast}`, hasHeaders: true });
    sheet.format(`B${mixFirst}:B${check}`, "0%");
    sheet.format(`C${mixFirst}:C${check}`, forward ? EXPECTED : COUNT);
    sheet.push([]);
  }

  // Levers
  sheet.push([v(t.titleLevers)], true);
  const leverHeader = sheet.push(
    [v(t.cellLever), v(t.cellToday), v(mark(t.cellRaise)), v(t.cellImproved), v(t.cellDeals), v(t.cellGain), v(t.cellRank), v(mark(t.cellCost)), v(t.cellCostPerDeal), v(t.cellCostRank)],
    true,
  );
  const lf = leverHeader + 1;
  const ll = leverHeader + n;
  const levers = `SALES.FUNNEL.LEVERS($B$${lf},${rates},${column(3, lf, ll)})`;
  input.levers.forEach((lever, k) => {
    const r = sheet.next;
    const label = k === 0 ? t.leverTop(stages.names[0]!) : t.leverRate(stages.names[k]!);
    sheet.push([
      v(label),
      f(k === 0 ? `=$B$${first}` : `=$C$${first + k}`),
      v(lever.raise),
      f(k === 0 ? `=B${r}*(1+C${r})` : `=MIN(1,B${r}+C${r})`),
      f(`=INDEX(${levers},${nth(leverHeader)},1)`),
      f(`=INDEX(${levers},${nth(leverHeader)},2)`),
      f(`=COUNTIF(${column(5, lf, ll)},">"&F${r})+1`),
      lever.cost === undefined ? null : v(lever.cost),
      f(`=IF(AND(ISNUMBER(H${r}),F${r}>0),H${r}/F${r},"")`),
      f(`=IF(ISNUMBER(I${r}),COUNTIF(${column(8, lf, ll)},"<"&I${r})+1,"")`),
    ]);
  });
  sheet.tables.push({ name: "Funnel_Levers", address: `A${leverHeader}:J${ll}`, hasHeaders: true });
  sheet.format(`B${lf}`, forward ? EXPECTED : COUNT);
  sheet.format(`D${lf}`, EXPECTED);
  sheet.format(`C${lf}`, "0%");
  if (n > 1) {
    sheet.format(`B${lf + 1}:D${ll}`, RATE);
  }
  sheet.format(`E${lf}:F${ll}`, EXPECTED);
  sheet.format(`H${lf}:I${ll}`, "#,##0.00");
  sheet.push([]);

  // Lead pyramid
  if (input.pyramid) {
    const p = input.pyramid;
    sheet.push([v(t.titlePyramid)], true);
    const revenue = sheet.push([v(mark(t.cellPyramidRevenue)), v(p.revenue)]);
    const order = sheet.push([v(mark(t.cellPyramidOrder)), v(p.order)]);
    const rate = sheet.push([v(mark(t.cellPyramidRate)), p.rateFormula ? f(p.rateFormula) : v(p.rate)]);
    sheet.format(`B${revenue}:B${order}`, AMOUNT);
    sheet.format(`B${rate}`, "0.00%");
    const grades = LEAD_GRADES[language];
    const gradeHeader = sheet.push([v(t.colGrade), v(t.colDefinition), v(t.colAdvice), v(mark(t.cellPromotion)), v(t.colCustomers)], true);
    const gf = gradeHeader + 1;
    const gl = gradeHeader + grades.length;
    const pyramid = `SALES.FUNNEL.PYRAMID($B$${revenue},$B$${order},${column(3, gf + 1, gl)})`;
    grades.forEach((grade, i) => {
      sheet.push([v(grade.grade), v(grade.definition), v(grade.advice), i === 0 ? null : f(`=$B$${rate}`), f(`=INDEX(${pyramid},${nth(gradeHeader)},1)`)]);
    });
    sheet.tables.push({ name: "Funnel_Pyramid", address: `A${gradeHeader}:E${gl}`, hasHeaders: true });
    sheet.format(`D${gf}:D${gl}`, "0.00%");
    sheet.format(`E${gf}:E${gl}`, COUNT);
    sheet.push([]);
  }

  if (input.pipeline) pipelineBlock(sheet, input.pipeline, t);

  while (sheet.rows.length > 0 && sheet.rows[sheet.rows.length - 1]!.length === 0) sheet.rows.pop();
  const chart: ChartSpec = {
    kind: "funnel",
    source: `A${header}:B${last}`,
    title: forward ? t.chartTitleForward : t.chartTitle,
    from: "L3",
    to: "S20",
  };
  return {
    name: t.sheetName,
    rows: sheet.rows,
    boldRows: sheet.boldRows,
    tables: sheet.tables,
    numberFormats: sheet.numberFormats,
    names: sheet.names,
    charts: [chart],
    layout: { stages: { header, first, last }, target: driver },
  };
}

/**
 * A one-column range on another sheet, absolute, its sheet always quoted: "'商机'!$A$2:$A$40" (Excel reads
 * a quoted name whatever it holds; HyperFormula, which the tests run, wants CJK names quoted).
 */
function external(ref: RangeRef): string {
  return `'${(ref.sheet ?? "").replace(/'/g, "''")}'!${abs(ref.column, ref.row + 1)}:${abs(ref.column, ref.row + ref.rows)}`;
}

function pipelineBlock(sheet: SheetRows, p: PipelineStep, t: FunnelWizardStrings): void {
  const amounts = external(p.amounts);
  const stages = external(p.stages);
  sheet.push([v(t.titlePipeline)], true);
  const header = sheet.push([v(mark(t.cellStage)), v(mark(t.cellProbability)), v(mark(t.cellGroup)), v(t.cellOpen), v(t.cellWeighted)], true);
  const first = header + 1;
  const last = header + p.table.length;
  for (const row of p.table) {
    const r = sheet.next;
    sheet.push([v(row.stage), v(row.probability), v(t[GROUP_LABEL[row.group]] as string), f(`=SUMIF(${stages},A${r},${amounts})`), f(`=D${r}*B${r}`)]);
  }
  sheet.tables.push({ name: "Funnel_Pipeline", address: `A${header}:E${last}`, hasHeaders: true });
  const weighted = `SUM(SALES.PIPELINE.WEIGHTED(${amounts},${stages},$A$${first}:$B$${last}))`;
  const check = sheet.next;
  sheet.push([v(t.cellCheckWeighted), null, null, f(`=SUM(D${first}:D${last})`), f(`=SUM(E${first}:E${last})`), f(`=IF(ROUND(E${check}-${weighted},6)=0,${lit("✓")},${lit("✗ ")}&TEXT(E${check}-${weighted},${lit("#,##0")}))`)], true);
  sheet.format(`B${first}:B${last}`, RATE);
  sheet.format(`D${first}:E${check}`, AMOUNT);
  sheet.push([]);
  const groups = column(2, first, last);
  const open = column(3, first, last);
  const total = sheet.push([v(t.cellPipelineTotal), f(`=SUM(${amounts})`)]);
  const weightedRow = sheet.push([v(t.cellWeightedTotal), f(`=${weighted}`)], true);
  const commit = sheet.push([v(t.cellCommit), f(`=SUMIF(${groups},${lit(t.groupCommit)},${open})`)]);
  sheet.push([v(t.cellBestCase), f(`=B${commit}+SUMIF(${groups},${lit(t.groupBest)},${open})`)]);
  const target = sheet.push([v(mark(t.cellPeriodTarget)), v(p.target)]);
  const closed = sheet.push([v(mark(t.cellClosed)), v(p.closed)]);
  const remaining = sheet.push([v(t.cellRemaining), f(`=MAX(0,B${target}-B${closed})`)], true);
  sheet.format(`B${total}:B${remaining}`, AMOUNT);
  const coverage = sheet.push([v(t.cellCoverage), f(`=IF(B${remaining}=0,"",B${total}/B${remaining})`)], true);
  const weightedCoverage = sheet.push([v(t.cellWeightedCoverage), f(`=IF(B${remaining}=0,"",B${weightedRow}/B${remaining})`)]);
  sheet.push([
    v(t.cellRuleOfThumb),
    v(3),
    f(`=IF(B${remaining}=0,${lit(t.coverageDone)},IF(B${coverage}>=B${coverage + 2},${lit(t.coverageOk)},${lit(t.coverageLow)}))`),
  ]);
  sheet.format(`B${coverage}:B${weightedCoverage + 1}`, COVERAGE);
  sheet.names.push({ name: "Funnel_Coverage", address: `B${coverage}` });
  sheet.push([]);
}
