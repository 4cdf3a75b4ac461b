/**
 * The campaign list (营销名单): for each segment the manager ticked, the customers to call — customer, last
 * order, spend, orders, the three tags (and the 12-month value and P(active) when the segments sheet has
 * them) — side by side on one sheet, one block per segment:
 *
 *   row 4  the segment's name (editable: the block lists whichever segment it names), its customer count
 *          `=COUNTIF(<segment column>, name)`
 *   row 5  its recommended action, looked up in the segments sheet's summary (edited there, it follows)
 *   row 6  headers
 *   row 7… one `=IFERROR(FILTER(<table column>, <segment column>=name), "")` per column, spilling down
 *
 * FILTER reads the segments sheet's customer table, so the lists follow the data: an order edited, the R, F,
 * M and the segment recalculated, the customer moves to its new list. One FILTER per column, not one of the
 * whole table: HyperFormula (the workbench) filters one column at a time, and in Excel the cost is the same
 * (each pass is one comparison per customer). IFERROR turns an empty list (Excel's #CALC!) into a blank.
 *
 * Without dynamic arrays (no FILTER), or for a values-only segments sheet written from the pane anyway, the
 * lists are values computed in the pane: write the list again to refresh it (the pane offers to update it).
 */
import { cellAddress, columnLetters } from "../../../excel/address";
import type { CellSpec, NumberFormatSpec, SheetPlan } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { SEGMENT_STRINGS, type SegmentStrings } from "../../../i18n/segment";
import type { Segmentation } from "./segment-model";
import { cellValue, type SegmentLayout, type TableColumn } from "./segment-plan";

const v = (value: string | number | boolean): CellSpec => ({ value });
const f = (formula: string): CellSpec => ({ formula });

const TITLE_ROW = 4;
const ACTION_ROW = 5;
const HEADER_ROW = 6;
const FIRST_ROW = 7;

/** The columns of a list, in order, as far as the segments sheet has them. */
function listColumns(layout: SegmentLayout): TableColumn[] {
  const wanted: TableColumn[] = ["id", "lastOrder", "monetary", "frequency", "activity", "often", "orderValue", "value", "alive"];
  return wanted.filter((name) => layout.columns[name] !== undefined && (layout.clv || (name !== "value" && name !== "alive")));
}

const HEADER: Readonly<Partial<Record<TableColumn, keyof SegmentStrings>>> = {
  id: "colCustomer",
  lastOrder: "colLastOrder",
  monetary: "colMonetary",
  frequency: "colFrequency",
  activity: "colActivity",
  often: "colOften",
  orderValue: "colOrderValue",
  value: "colValue",
  alive: "colAlive",
};

const FORMAT: Readonly<Partial<Record<TableColumn, string>>> = { lastOrder: "yyyy-mm-dd", monetary: "#,##0.00", frequency: "0", value: "#,##0.00", alive: "0.0%" };

export interface CampaignInput {
  /** The segments sheet, as written. */
  readonly sheet: string;
  readonly layout: SegmentLayout;
  /** The segments ticked, by label, in the summary's order. */
  readonly segments: readonly string[];
  /** Values: the lists as computed in the pane (no FILTER). Formulas when absent. */
  readonly values?: Segmentation;
}

export function campaignPlan(input: CampaignInput, language: Language): SheetPlan {
  const t = SEGMENT_STRINGS[language];
  const { layout } = input;
  const columns = listColumns(layout);
  const width = columns.length + 1;
  // Always quoted: Excel reads 客户分层!A1 as well, but the workbench's engine reads other sheets' names only quoted.
  const sheet = `'${input.sheet.replace(/'/g, "''")}'`;
  const range = (name: TableColumn) => `${sheet}!$${layout.columns[name]}$${layout.firstRow}:$${layout.columns[name]}$${layout.lastRow}`;
  const segmentRange = range("segment");
  const lists = input.values === undefined ? undefined : input.segments.map((segment) => input.values!.customers.filter((customer) => customer.segment === segment));
  const height = FIRST_ROW - 1 + Math.max(1, ...(lists ?? []).map((list) => list.length));
  const rows: CellSpec[][] = Array.from({ length: height }, () => []);
  const set = (row: number, column: number, cell: CellSpec) => {
    const cells = rows[row - 1]!;
    while (cells.length < column) cells.push(null);
    cells[column] = cell;
  };
  const numberFormats: NumberFormatSpec[] = [];

  set(1, 0, v(t.campaignSheetTitle));
  set(2, 0, v(input.values === undefined ? t.campaignSource(input.sheet) : t.campaignSourceValues(input.sheet)));
  input.segments.forEach((segment, b) => {
    const left = b * width;
    const name = `$${columnLetters(left)}$${TITLE_ROW}`;
    set(TITLE_ROW, left, v(segment));
    set(TITLE_ROW, left + 1, f(`=COUNTIF(${segmentRange},${name})`));
    set(TITLE_ROW, left + 2, v(t.campaignCount));
    set(ACTION_ROW, left, v(t.campaignAction));
    set(ACTION_ROW, left + 1, f(`=IFERROR(INDEX(${sheet}!${layout.summaryActions},MATCH(${name},${sheet}!${layout.summarySegments},0)),"")`));
    columns.forEach((column, c) => {
      set(HEADER_ROW, left + c, v(t[HEADER[column]!] as string));
      const list = lists?.[b];
      if (list === undefined) set(FIRST_ROW, left + c, f(`=IFERROR(FILTER(${range(column)},${segmentRange}=${name}),"")`));
      else list.forEach((customer, i) => set(FIRST_ROW + i, left + c, cellValue(column, customer)));
      const format = FORMAT[column];
      const last = list === undefined ? layout.lastRow - layout.firstRow + FIRST_ROW : FIRST_ROW + Math.max(list.length, 1) - 1;
      if (format !== undefined) numberFormats.push({ address: `${cellAddress(FIRST_ROW - 1, left + c)}:${cellAddress(last - 1, left + c)}`, format });
    });
  });
  return { name: t.campaignSheetName, rows, boldRows: [1, TITLE_ROW, HEADER_ROW], numberFormats };
}
