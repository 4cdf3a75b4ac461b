/**
 * An order export (person, date, amount) read for the Progress wizard's actuals. Pure.
 *
 * The columns are found by their header cells, Chinese or English ("销售员 | 下单日期 | 实付金额",
 * "Salesperson | Order date | Amount"), compared as list headers are (range-rows.ts `headerKey`). Dates and
 * amounts are read by the core's readers, as the SALES functions read cells: `2024年3月1日`, `2024/3/1`,
 * `20240301`, `¥1,200`, `1.2万`. When every date and amount is already a number, the review sheet sums the
 * export with live `SUMIFS` formulas; otherwise (text that SUMIFS cannot compare) the pane sums it here.
 */
import { dayFromText, isValidSerial, serialFromYyyymmdd, ymdFromSerial } from "../../../core/shared/excel-date";
import { numberFromText } from "../../../core/shared/number-text";
import { cellAddress, parseRange } from "../../../excel/address";
import type { CellValue, RangeData } from "../../../excel/gateway";
import { headerKey } from "../../components/range-rows";
import { MONTHS } from "./plan-source";

/** Header words per column, most specific first (each compared after headerKey). */
const HEADERS: Readonly<Record<"person" | "date" | "amount", readonly string[]>> = {
  person: ["销售员", "销售人员", "业务员", "销售代表", "负责人", "归属人", "员工", "姓名", "salesperson", "salesrep", "rep", "owner", "seller", "employee", "name"],
  date: ["下单日期", "订单日期", "成交日期", "下单时间", "付款时间", "日期", "时间", "orderdate", "date", "created", "time"],
  amount: ["实付金额", "订单金额", "成交金额", "销售额", "金额", "实收", "amount", "sales", "revenue", "total", "value"],
};

export type OrderColumn = keyof typeof HEADERS;

export interface OrderExport {
  /** The sheet and the 0-based rows of the orders (header excluded) and columns of each field. */
  readonly sheet: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly columns: Readonly<Record<OrderColumn, number>>;
  /** The header cells found, for the form's summary. */
  readonly headers: Readonly<Record<OrderColumn, string>>;
  /** Every date and amount is a number: SUMIFS can sum the export live. */
  readonly live: boolean;
  readonly orders: number;
  /** Per person (lower-cased trimmed name): the 12 monthly sums of `year`… filled by {@link monthlySums}. */
  readonly rows: readonly { readonly person: string; readonly day: number; readonly amount: number }[];
}

export type OrdersProblem =
  | { readonly code: "noSheet" | "empty" | "noOrders" }
  | { readonly code: "noColumns"; readonly missing: readonly OrderColumn[] }
  | { readonly code: "badOrderCells"; readonly cells: string };

export type OrdersRead = { readonly ok: true; readonly orders: OrderExport } | { readonly ok: false; readonly problem: OrdersProblem };

const LISTED = 5;

/** The column whose header matches a word of `words` best (earlier words first); -1 when none. */
function findColumn(header: readonly CellValue[], words: readonly string[], taken: ReadonlySet<number>): number {
  const keys = header.map((cell) => (typeof cell === "string" ? headerKey(cell) : ""));
  for (const word of words) {
    const exact = keys.findIndex((k, i) => !taken.has(i) && k === word);
    if (exact >= 0) return exact;
  }
  for (const word of words) {
    const partial = keys.findIndex((k, i) => !taken.has(i) && k !== "" && k.includes(word));
    if (partial >= 0) return partial;
  }
  return -1;
}

/** A date cell as the serial of its day: a serial, yyyymmdd, or text such as 2024年3月1日. */
function dayOf(cell: CellValue): number | undefined {
  if (typeof cell === "number") {
    const yyyymmdd = serialFromYyyymmdd(cell);
    if (yyyymmdd !== undefined) return yyyymmdd;
    return isValidSerial(cell) ? Math.floor(cell) : undefined;
  }
  return typeof cell === "string" ? dayFromText(cell) : undefined;
}

function amountOf(cell: CellValue): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== "string") return undefined;
  const value = numberFromText(cell);
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

const blank = (cell: CellValue | undefined) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/** Reads a selected export: its first row is the header. Blank rows are skipped; a bad date or amount is named. */
export function readOrders(data: RangeData): OrdersRead {
  const ref = parseRange(data.address);
  if (ref === undefined || ref.sheet === undefined) return { ok: false, problem: { code: "noSheet" } };
  const [header, ...body] = data.values;
  if (header === undefined || header.every(blank)) return { ok: false, problem: { code: "empty" } };
  const taken = new Set<number>();
  const columns = {} as Record<OrderColumn, number>;
  const missing: OrderColumn[] = [];
  for (const column of ["amount", "date", "person"] as const) {
    const found = findColumn(header, HEADERS[column], taken);
    if (found < 0) missing.push(column);
    else taken.add(found);
    columns[column] = found;
  }
  if (missing.length > 0) return { ok: false, problem: { code: "noColumns", missing } };
  const rows: { person: string; day: number; amount: number }[] = [];
  const bad: string[] = [];
  let live = true;
  body.forEach((row, i) => {
    const person = row[columns.person];
    const date = row[columns.date] ?? null;
    const amount = row[columns.amount] ?? null;
    if (blank(person) && blank(date) && blank(amount)) return;
    const at = ref.row + 1 + i;
    const day = dayOf(date);
    const value = amountOf(amount);
    if (day === undefined) bad.push(cellAddress(at, ref.column + columns.date));
    if (value === undefined) bad.push(cellAddress(at, ref.column + columns.amount));
    if (typeof date !== "number" || typeof amount !== "number" || serialFromYyyymmdd(date) !== undefined || typeof person !== "string") live = false;
    if (day !== undefined && value !== undefined) rows.push({ person: String(person ?? "").trim().toLowerCase(), day, amount: value });
  });
  if (bad.length > 0) return { ok: false, problem: { code: "badOrderCells", cells: bad.slice(0, LISTED).join(", ") + (bad.length > LISTED ? ` (+${bad.length - LISTED})` : "") } };
  if (rows.length === 0) return { ok: false, problem: { code: "noOrders" } };
  const text = (column: OrderColumn) => String(header[columns[column]] ?? "").trim();
  return {
    ok: true,
    orders: {
      sheet: ref.sheet,
      firstRow: ref.row + 1,
      lastRow: ref.row + data.values.length - 1,
      columns: { person: ref.column + columns.person, date: ref.column + columns.date, amount: ref.column + columns.amount },
      headers: { person: text("person"), date: text("date"), amount: text("amount") },
      live,
      orders: rows.length,
      rows,
    },
  };
}

/** Each person's 12 monthly sums in `year` (names compared trimmed and case-insensitively, as SUMIFS does). */
export function monthlySums(orders: OrderExport, names: readonly string[], year: number): number[][] {
  const index = new Map(names.map((name, i) => [name.trim().toLowerCase(), i]));
  const sums = names.map(() => new Array<number>(MONTHS).fill(0));
  for (const order of orders.rows) {
    const i = index.get(order.person);
    if (i === undefined) continue;
    const { year: y, month } = ymdFromSerial(order.day);
    if (y !== year) continue;
    sums[i]![month - 1]! += order.amount;
  }
  // Cents: a sum of amounts with fen carries binary noise.
  return sums.map((row) => row.map((x) => Math.round(x * 100) / 100));
}
