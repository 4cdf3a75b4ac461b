/**
 * The "Customer segments" sheet (客户分层). Rows are 1-based below; n = customers when written.
 *
 *   A1      title
 *   A2:B10  parameters: the data (its address), the analysis date (B3, name Segment_AnalysisDate), the window
 *           in days (B4, blank: every order; name Segment_Window), the scoring method (with its bands or cut
 *           points, editable), the scheme, the labels' language. B3 holds `=MAX(<dates>)` when every date is a
 *           date cell (so a later order moves it), else the latest order date as a constant.
 *   A12…    the summary: a table, one row per segment of the scheme — Segment | Customers | Share | Spend |
 *           Spend share | Orders | Average order value | Recommended action (text, editable) — COUNTIF and
 *           SUMIF of the customer table's columns, a total row under it, and a native bar or pie chart of
 *           the customers per segment beside it (columns J to Q).
 *   A(h)…   the customer table (an Excel table, h its header row): Customer | Last order | Recency | Orders |
 *           Spend | R | F | M scores | Segment | the three tags | [12-month value | P(active)].
 *
 * With formulas (the default), the table holds no function call of its own: the SALES functions spill once
 * each into a calculation area to the right of the table, from its header row down —
 * `RFM.TABLE(ids, dates, amounts, B3, , B4)` (4 columns), `RFM.SCORE` of its R, F, M columns (3),
 * `RFM.SEGMENT` of those scores (1), `CUSTOMER.TAGS` (3), and with CLV `CLV.SUMMARY` (5), `CLV.VALUE` and
 * `CLV.ALIVE` (1 each), the two fits `CLV.FIT` and `CLV.SPEND.FIT` above them in rows 3–7 — and every table
 * cell takes its element: `=INDEX($P$27:$S$1021,ROW()-ROW($A$26),2)`, the same formula down a column (a
 * consistent calculated column). Why: Excel refuses a spill inside a table (#SPILL!), and one RFM.TABLE
 * call per row would summarise every order once per customer — 200,000 customers times a million orders —
 * where one spill read by INDEX costs one summary plus an O(1) lookup per cell. The table is sized to the
 * customers when written; a new customer appears in the calculation area (the spill grows) but not in the
 * table or the summary: write the sheet again (Update) to take it in.
 *
 * With values (a large export, or Excel without dynamic arrays), the same sheet holds the results as
 * constants computed in the pane by the same core functions; the summary is still COUNTIF/SUMIF of the table.
 *
 * An R/F/M table already summarised skips RFM.TABLE (no dates: no analysis date, window, last order or CLV):
 * the scores are RFM.SCORE of its own R, F, M columns.
 */
import { cellAddress, columnLetters } from "../../../excel/address";
import type { CellSpec, ChartSpec, NameSpec, NumberFormatSpec, SheetPlan, TableSpec } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { SEGMENT_STRINGS, segmentAction, type SegmentStrings } from "../../../i18n/segment";
import type { DataKind, Role } from "./columns";
import type { SchemeName, SegmentName, Segmentation } from "./segment-model";

const v = (value: string | number | boolean): CellSpec => ({ value });
const f = (formula: string): CellSpec => ({ formula });
const lit = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export const ANALYSIS_CELL = "$B$3";
export const WINDOW_CELL = "$B$4";
const METHOD_ROW = 5;
/** Custom cut points: rows 6–8 (R, F, M), from column B. */
const CUTS_ROW = 6;
const MAX_CUTS = 9;
/** The first row of the summary block. */
const SUMMARY_ROW = 13;
/** The chart beside the summary: columns J (9) to Q (16), at least CHART_ROWS rows tall. */
const CHART_COLUMNS = [9, 16] as const;
const CHART_ROWS = 16;

const DATE = "yyyy-mm-dd";
const MONEY = "#,##0.00";
const WHOLE = "0";
const SHARE = "0.0%";

/** The scoring method as the form chose it. */
export type MethodSpec =
  | { readonly method: "seed" }
  | { readonly method: "quantile" | "rfm-r"; readonly bands: number }
  | { readonly method: "custom"; readonly cuts: readonly [readonly number[], readonly number[], readonly number[]] };

/** How the analysis date cell is written. */
export type AnalysisCell =
  /** `=MAX(<dates>)`: every date of the data is a date cell, so MAX finds the latest order as RFM.TABLE does. */
  | { readonly kind: "latestFormula" }
  /** The latest order date as a constant (dates as text, which MAX skips), or the date the user chose. */
  | { readonly kind: "fixed"; readonly serial: number; readonly chosen: boolean };

export interface SegmentPlanInput {
  readonly kind: DataKind;
  /** The range read ("'订单'!A1:C4907"), shown in the parameters. */
  readonly sourceAddress: string;
  /** Each role's data column, absolute, header excluded ("'订单'!$B$2:$B$4907"). */
  readonly ranges: Readonly<Partial<Record<Role, string>>>;
  readonly orders: number;
  /** Customers when written: the table's rows. */
  readonly customers: number;
  readonly analysis: AnalysisCell;
  readonly windowDays: number | undefined;
  readonly method: MethodSpec;
  readonly scheme: SchemeName;
  /** For the "rules" scheme: the user's rule table, absolute ("'Rules'!$A$1:$G$8"). */
  readonly rulesRange?: string;
  /** The scheme's segments in order (what the summary lists). */
  readonly segments: readonly SegmentName[];
  /** Language of the labels (segments, tags, actions). */
  readonly labels: Language;
  readonly clv: boolean;
  readonly chart: "bar" | "pie";
  /** Values: the results computed in the pane. Formulas when absent. */
  readonly values?: Segmentation;
}

/** Where the written sheet keeps what the campaign list refers to (table columns, the summary), 1-based rows. */
export interface SegmentLayout {
  readonly kind: DataKind;
  readonly customers: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** Column letters of the customer table. */
  readonly columns: Readonly<Record<TableColumn, string | undefined>>;
  /** The summary's segment and action cells ("$A$14:$A$20", "$H$14:$H$20"). */
  readonly summarySegments: string;
  readonly summaryActions: string;
  readonly segments: readonly SegmentName[];
  readonly clv: boolean;
}

export type TableColumn = "id" | "lastOrder" | "recency" | "frequency" | "monetary" | "scoreR" | "scoreF" | "scoreM" | "segment" | "activity" | "often" | "orderValue" | "value" | "alive";

/** The table's columns in order, for a kind of data with or without CLV. */
export function tableColumns(kind: DataKind, clv: boolean): TableColumn[] {
  return [
    "id",
    ...(kind === "orders" ? (["lastOrder"] as const) : []),
    "recency",
    "frequency",
    "monetary",
    "scoreR",
    "scoreF",
    "scoreM",
    "segment",
    "activity",
    "often",
    "orderValue",
    ...(kind === "orders" && clv ? (["value", "alive"] as const) : []),
  ];
}

const HEADER: Readonly<Record<TableColumn, keyof SegmentStrings>> = {
  id: "colCustomer",
  lastOrder: "colLastOrder",
  recency: "colRecency",
  frequency: "colFrequency",
  monetary: "colMonetary",
  scoreR: "colScoreR",
  scoreF: "colScoreF",
  scoreM: "colScoreM",
  segment: "colSegment",
  activity: "colActivity",
  often: "colOften",
  orderValue: "colOrderValue",
  value: "colValue",
  alive: "colAlive",
};

const FORMAT: Readonly<Partial<Record<TableColumn, string>>> = {
  lastOrder: DATE,
  recency: WHOLE,
  frequency: WHOLE,
  monetary: MONEY,
  value: MONEY,
  alive: SHARE,
};

class SheetBuilder {
  readonly rows: CellSpec[][] = [];
  readonly boldRows: number[] = [];
  readonly numberFormats: NumberFormatSpec[] = [];

  /** Sets a cell (1-based row, 0-based column), growing the grid. */
  set(row: number, column: number, cell: CellSpec): void {
    while (this.rows.length < row) this.rows.push([]);
    const cells = this.rows[row - 1]!;
    while (cells.length < column) cells.push(null);
    cells[column] = cell;
  }

  bold(row: number): void {
    if (!this.boldRows.includes(row)) this.boldRows.push(row);
  }

  format(address: string, format: string): void {
    this.numberFormats.push({ address, format });
  }
}

const at = (column: number, row: number) => cellAddress(row - 1, column);
const abs = (column: number, row: number) => `$${columnLetters(column)}$${row}`;
const absRange = (column: number, first: number, last: number, width = 1) => `${abs(column, first)}:${abs(column + width - 1, last)}`;

/** The method's words and its literal in RFM.SCORE. */
function methodText(method: MethodSpec, t: SegmentStrings): string {
  switch (method.method) {
    case "seed":
      return t.methodSeed;
    case "quantile":
      return t.methodQuantile;
    case "rfm-r":
      return t.methodRfmR;
    case "custom":
      return t.methodCustom;
  }
}

function schemeText(scheme: SchemeName, t: SegmentStrings, rulesRange: string | undefined): string {
  switch (scheme) {
    case "course":
      return t.schemeCourse;
    case "cn8":
      return t.schemeCn8;
    case "rfm-r":
      return t.schemeRfmR;
    case "rules":
      return t.schemeRulesAt(rulesRange ?? "");
  }
}

/** The parameters block (rows 1–11); returns the RFM.SCORE cuts argument ("" when none). */
function parameters(sheet: SheetBuilder, input: SegmentPlanInput, t: SegmentStrings): string {
  sheet.set(1, 0, v(t.sheetTitle));
  sheet.bold(1);
  sheet.set(2, 0, v(t.cellSource));
  sheet.set(2, 1, v(t.cellSourceText(input.sourceAddress, input.orders, input.customers, input.kind)));
  if (input.kind === "orders") {
    sheet.set(3, 0, v(t.cellAnalysisDate));
    const { analysis } = input;
    if (input.values !== undefined) sheet.set(3, 1, v(input.values.analysisDate ?? 0));
    else sheet.set(3, 1, analysis.kind === "latestFormula" ? f(`=MAX(${input.ranges.date})`) : v(analysis.serial));
    const note = input.values !== undefined ? t.noteAnalysisValues : analysis.kind === "latestFormula" ? t.noteAnalysisLatest : analysis.chosen ? t.noteAnalysisChosen : t.noteAnalysisFixed;
    sheet.set(3, 2, v(note));
    sheet.format("B3", DATE);
    sheet.set(4, 0, v(t.cellWindow));
    if (input.windowDays !== undefined) sheet.set(4, 1, v(input.windowDays));
    sheet.set(4, 2, v(input.values !== undefined ? t.noteWindowValues : t.noteWindow));
  }
  sheet.set(METHOD_ROW, 0, v(t.cellMethod));
  sheet.set(METHOD_ROW, 1, v(methodText(input.method, t)));
  let cuts = "";
  if (input.method.method === "quantile" || input.method.method === "rfm-r") {
    sheet.set(METHOD_ROW, 2, v(t.cellBands));
    sheet.set(METHOD_ROW, 3, v(input.method.bands));
    cuts = abs(3, METHOD_ROW);
  } else if (input.method.method === "custom") {
    const labels = [t.cellCutsR, t.cellCutsF, t.cellCutsM];
    input.method.cuts.forEach((row, r) => {
      sheet.set(CUTS_ROW + r, 0, v(labels[r]!));
      row.forEach((cut, c) => sheet.set(CUTS_ROW + r, 1 + c, v(cut)));
    });
    cuts = absRange(1, CUTS_ROW, CUTS_ROW + 2, MAX_CUTS);
  }
  sheet.set(9, 0, v(t.cellScheme));
  sheet.set(9, 1, v(schemeText(input.scheme, t, input.rulesRange)));
  sheet.set(10, 0, v(t.cellLabels));
  sheet.set(10, 1, v(input.labels === "zh" ? t.labelsZh : t.labelsEn));
  sheet.set(11, 0, v(input.values !== undefined ? t.noteValues : t.noteFormulas));
  return cuts;
}

/** RFM.SCORE's method literal. */
const METHOD_LITERAL: Readonly<Record<MethodSpec["method"], string>> = { seed: "seed", quantile: "quantile", "rfm-r": "rfm-r", custom: "custom" };

/**
 * The calculation area: each SALES function once, spilling from row `first`, starting at `column`. Returns,
 * per table column, the spill block and the column within it that feeds it.
 */
function calculationArea(sheet: SheetBuilder, input: SegmentPlanInput, t: SegmentStrings, cuts: string, column: number, header: number): Map<TableColumn, { block: string; k: number }> {
  const first = header + 1;
  const last = header + input.customers;
  const feeds = new Map<TableColumn, { block: string; k: number }>();
  let c = column;
  /** One function's spill: its label above, its formula at the top; returns its block and its columns' ranges. */
  const spill = (label: string, formula: string, width: number, columns: readonly (TableColumn | undefined)[]): { block: string; ranges: string[] } => {
    sheet.set(header, c, v(label));
    sheet.set(first, c, f(formula));
    const block = absRange(c, first, last, width);
    columns.forEach((name, k) => name !== undefined && feeds.set(name, { block, k: k + 1 }));
    const ranges = Array.from({ length: width }, (_, k) => absRange(c + k, first, last));
    c += width;
    return { block, ranges };
  };
  const src = input.ranges;
  let r: string;
  let fr: string;
  let m: string;
  if (input.kind === "orders") {
    const table = spill(t.calcTable, `=SALES.RFM.TABLE(${src.customer},${src.date},${src.amount},${ANALYSIS_CELL},,${WINDOW_CELL})`, 4, ["id", "recency", "frequency", "monetary"]);
    [, r, fr, m] = table.ranges as [string, string, string, string];
  } else {
    [r, fr, m] = [src.recency!, src.frequency!, src.monetary!];
  }
  const scoreArgs = `${r},${fr},${m},${lit(METHOD_LITERAL[input.method.method])}${cuts === "" ? "" : `,${cuts}`}`;
  const scores = spill(t.calcScore, `=SALES.RFM.SCORE(${scoreArgs})`, 3, ["scoreR", "scoreF", "scoreM"]).block;
  const scheme = input.scheme === "rules" ? input.rulesRange! : lit(input.scheme);
  spill(t.calcSegment, `=SALES.RFM.SEGMENT(${scores},${scheme},,${lit(input.labels)})`, 1, ["segment"]);
  spill(t.calcTags, `=SALES.CUSTOMER.TAGS(${r},${fr},${m},,${lit(input.labels)})`, 3, ["activity", "often", "orderValue"]);
  if (input.kind === "orders" && input.clv) {
    const [, x, tx, age, mv] = spill(t.calcClvSummary, `=SALES.CLV.SUMMARY(${src.customer},${src.date},${src.amount},${ANALYSIS_CELL})`, 5, []).ranges as [string, string, string, string, string];
    // The fits (5 and 4 values) spill down rows 3–7 of two of CLV.SUMMARY's columns, above the table.
    const fitColumn = c - 4;
    sheet.set(2, fitColumn - 1, v(t.calcParameters));
    t.clvParameterNames.forEach((name, i) => sheet.set(3 + i, fitColumn - 1, v(name)));
    sheet.set(2, fitColumn, v(t.calcFit));
    sheet.set(3, fitColumn, f(`=SALES.CLV.FIT(${x},${tx},${age})`));
    sheet.set(2, fitColumn + 1, v(t.calcSpendFit));
    sheet.set(3, fitColumn + 1, f(`=SALES.CLV.SPEND.FIT(${x},${mv})`));
    const fit = absRange(fitColumn, 3, 7);
    const spend = absRange(fitColumn + 1, 3, 6);
    spill(t.calcValue, `=SALES.CLV.VALUE(${fit},${spend},${x},${tx},${age},${mv},12)`, 1, ["value"]);
    spill(t.calcAlive, `=SALES.CLV.ALIVE(${fit},${x},${tx},${age})`, 1, ["alive"]);
  }
  sheet.bold(header);
  return feeds;
}

/** A table cell's formula in formulas mode. */
function cellFormula(name: TableColumn, row: number, header: number, feeds: Map<TableColumn, { block: string; k: number }>, columns: readonly TableColumn[], input: SegmentPlanInput): string {
  const position = `ROW()-ROW($A$${header})`;
  if (name === "lastOrder") return `=${ANALYSIS_CELL}-${at(columns.indexOf("recency"), row)}`;
  const feed = feeds.get(name);
  if (feed !== undefined) return `=INDEX(${feed.block},${position},${feed.k})`;
  // An R/F/M table: the id and R, F, M come from the data itself.
  const role: Role = name === "id" ? "customer" : (name as Role);
  return `=INDEX(${input.ranges[role]},${position},1)`;
}

/** A customer's cell in values mode, in the segments table and in a campaign list. */
export function cellValue(name: TableColumn, customer: Segmentation["customers"][number]): CellSpec {
  switch (name) {
    case "id":
      return v(customer.id);
    case "lastOrder":
      return customer.lastOrder === undefined ? null : v(customer.lastOrder);
    case "recency":
      return v(customer.recency);
    case "frequency":
      return v(customer.frequency);
    case "monetary":
      return v(customer.monetary);
    case "scoreR":
      return v(customer.scores[0]);
    case "scoreF":
      return v(customer.scores[1]);
    case "scoreM":
      return v(customer.scores[2]);
    case "segment":
      return v(customer.segment);
    case "activity":
      return v(customer.tags[0]);
    case "often":
      return v(customer.tags[1]);
    case "orderValue":
      return v(customer.tags[2]);
    case "value":
      return customer.clv === undefined ? null : v(customer.clv.value);
    case "alive":
      return customer.clv === undefined ? null : v(customer.clv.alive);
  }
}

/** The segments sheet and where its parts are (for the campaign list). */
export function segmentPlan(input: SegmentPlanInput, language: Language): { plan: SheetPlan; layout: SegmentLayout } {
  const t = SEGMENT_STRINGS[language];
  const sheet = new SheetBuilder();
  const tables: TableSpec[] = [];
  const columns = tableColumns(input.kind, input.clv);
  const width = columns.length;
  const cuts = parameters(sheet, input, t);

  // The table's rows, first and last, are known from the summary's size and the chart's.
  const segments = input.segments;
  const summaryHeader = SUMMARY_ROW + 1;
  const summaryFirst = summaryHeader + 1;
  const summaryLast = summaryHeader + segments.length;
  const totalRow = summaryLast + 1;
  const header = Math.max(totalRow, SUMMARY_ROW + CHART_ROWS) + 3;
  const first = header + 1;
  const last = header + input.customers;
  const col = (name: TableColumn) => columns.indexOf(name);
  const tableRange = (name: TableColumn) => absRange(col(name), first, last);

  // Summary: COUNTIF / SUMIF of the table's columns, whatever the mode.
  sheet.set(SUMMARY_ROW, 0, v(t.summaryTitle));
  sheet.bold(SUMMARY_ROW);
  [t.sumSegment, t.sumCustomers, t.sumShare, t.sumSpend, t.sumSpendShare, t.sumOrders, t.sumAov, t.sumAction].forEach((text, c) => sheet.set(summaryHeader, c, v(text)));
  sheet.bold(summaryHeader);
  const segmentColumn = tableRange("segment");
  segments.forEach((segment, i) => {
    const r = summaryFirst + i;
    sheet.set(r, 0, v(segment.label));
    sheet.set(r, 1, f(`=COUNTIF(${segmentColumn},$A${r})`));
    sheet.set(r, 2, f(`=IF($B$${totalRow}=0,0,B${r}/$B$${totalRow})`));
    sheet.set(r, 3, f(`=SUMIF(${segmentColumn},$A${r},${tableRange("monetary")})`));
    sheet.set(r, 4, f(`=IF($D$${totalRow}=0,0,D${r}/$D$${totalRow})`));
    sheet.set(r, 5, f(`=SUMIF(${segmentColumn},$A${r},${tableRange("frequency")})`));
    sheet.set(r, 6, f(`=IF(F${r}=0,"",D${r}/F${r})`));
    sheet.set(r, 7, v(segmentAction(segment.key, input.labels)));
  });
  sheet.set(totalRow, 0, v(t.sumTotal));
  for (const c of [1, 2, 3, 4, 5]) sheet.set(totalRow, c, f(`=SUM(${at(c, summaryFirst)}:${at(c, summaryLast)})`));
  sheet.set(totalRow, 6, f(`=IF(F${totalRow}=0,"",D${totalRow}/F${totalRow})`));
  sheet.bold(totalRow);
  tables.push({ name: "Segment_Summary", address: `A${summaryHeader}:H${summaryLast}`, hasHeaders: true });
  sheet.format(`B${summaryFirst}:B${totalRow}`, WHOLE);
  sheet.format(`C${summaryFirst}:C${totalRow}`, SHARE);
  sheet.format(`D${summaryFirst}:D${totalRow}`, MONEY);
  sheet.format(`E${summaryFirst}:E${totalRow}`, SHARE);
  sheet.format(`F${summaryFirst}:F${totalRow}`, WHOLE);
  sheet.format(`G${summaryFirst}:G${totalRow}`, MONEY);
  const chart: ChartSpec = {
    kind: input.chart,
    source: `A${summaryHeader}:B${summaryLast}`,
    title: t.chartTitle,
    from: at(CHART_COLUMNS[0], SUMMARY_ROW),
    to: at(CHART_COLUMNS[1], SUMMARY_ROW + CHART_ROWS - 1),
    ...(input.chart === "bar" ? { xAxisTitle: t.sumSegment, yAxisTitle: t.sumCustomers } : {}),
  };

  // The customer table.
  sheet.set(header - 1, 0, v(input.values === undefined ? t.tableTitleFormulas : t.tableTitleValues));
  sheet.bold(header - 1);
  columns.forEach((name, c) => sheet.set(header, c, v(t[HEADER[name]] as string)));
  sheet.bold(header);
  const feeds = input.values === undefined ? calculationArea(sheet, input, t, cuts, width + 1, header) : undefined;
  for (let i = 0; i < input.customers; i++) {
    const r = first + i;
    const customer = input.values?.customers[i];
    columns.forEach((name, c) => sheet.set(r, c, customer !== undefined ? cellValue(name, customer) : f(cellFormula(name, r, header, feeds!, columns, input))));
  }
  tables.push({ name: "Segment_Customers", address: `A${header}:${at(width - 1, last)}`, hasHeaders: true });
  for (const name of columns) {
    const format = FORMAT[name];
    if (format !== undefined) sheet.format(`${at(col(name), first)}:${at(col(name), last)}`, format);
  }

  const names: NameSpec[] = input.kind === "orders" ? [{ name: "Segment_AnalysisDate", address: "B3" }, { name: "Segment_Window", address: "B4" }] : [];
  const letter = (name: TableColumn) => (columns.includes(name) ? columnLetters(col(name)) : undefined);
  const layout: SegmentLayout = {
    kind: input.kind,
    customers: input.customers,
    firstRow: first,
    lastRow: last,
    columns: Object.fromEntries(tableColumns("orders", true).map((name) => [name, letter(name)])) as Record<TableColumn, string | undefined>,
    summarySegments: absRange(0, summaryFirst, summaryLast),
    summaryActions: absRange(7, summaryFirst, summaryLast),
    segments,
    clv: columns.includes("value"),
  };
  return {
    plan: { name: t.sheetName, rows: sheet.rows, boldRows: sheet.boldRows.sort((a, b) => a - b), tables, numberFormats: sheet.numberFormats, charts: [chart], names },
    layout,
  };
}
