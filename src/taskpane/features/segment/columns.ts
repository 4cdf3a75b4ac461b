/**
 * Which column of an order export is the customer, the order date and the amount — or, for a table already
 * summarised, the customer, recency, frequency and monetary value — from its header row, in Chinese or
 * English (客户ID, 下单日期, 实付金额; customer_id, order_date, amount…), and, when the first row holds data
 * instead of headers, from what the columns hold. Pure: the page shows what was found (columnNotes) and lets
 * the user choose another column for any role.
 */
import { serialFromCell } from "../../../core/shared/excel-date";
import { foldWidth, numberFromText } from "../../../core/shared/number-text";
import type { CellValue } from "../../../excel/gateway";

/** An order export (one row per order), or a table with one row per customer and its R, F, M already summarised. */
export type DataKind = "orders" | "rfm";

export const ORDER_ROLES = ["customer", "date", "amount"] as const;
export const RFM_ROLES = ["customer", "recency", "frequency", "monetary"] as const;
export type OrderRole = (typeof ORDER_ROLES)[number];
export type RfmRole = (typeof RFM_ROLES)[number];
export type Role = OrderRole | RfmRole;

/** The roles a kind of data needs, in the order they are shown. */
export const rolesOf = (kind: DataKind): readonly Role[] => (kind === "orders" ? ORDER_ROLES : RFM_ROLES);

/** Column (0-based, within the range) of each role, or undefined when none was found. */
export type ColumnMap = Readonly<Partial<Record<Role, number>>>;

/** What the user is told about the detection. */
export type ColumnNote =
  /** The first row holds data: the columns were recognised by their contents. */
  | { readonly code: "noHeader" }
  /** Several columns could play `role`; `chosen` was taken (the best name), `others` could be. */
  | { readonly code: "ambiguous"; readonly role: Role; readonly chosen: number; readonly others: readonly number[] }
  /** No column could be recognised as `role`: the user must choose one. */
  | { readonly code: "missing"; readonly role: Role };

export interface Detection {
  readonly kind: DataKind;
  /** Whether the range's first row is a header row (the data starts on the second). */
  readonly hasHeader: boolean;
  readonly columns: ColumnMap;
  readonly notes: readonly ColumnNote[];
}

/**
 * Header words of each role, best first: a header equal to one of `exact` (after normalising, see
 * {@link normalise}) scores above one that merely contains one of `stems`; an earlier word scores above a
 * later one, so 下单日期 wins over 付款时间 and 客户编号 over 客户名称. A header containing one of `not` is
 * never that role (an order number is no customer, a unit price no amount, a birthday no order date).
 */
interface RoleWords {
  readonly exact: readonly string[];
  readonly stems: readonly string[];
  readonly not?: readonly string[];
}

const CUSTOMER: RoleWords = {
  exact: ["客户id", "客户编号", "客户号", "客户代码", "会员id", "会员编号", "会员号", "会员卡号", "用户id", "买家id", "客户", "会员", "用户", "买家", "顾客", "客户名称", "客户名", "会员名", "买家昵称", "customerid", "customerno", "customercode", "clientid", "memberid", "userid", "buyerid", "customer", "client", "member", "buyer", "user", "customername"],
  stems: ["客户", "会员", "买家", "顾客", "用户", "customer", "client", "member", "buyer"],
  not: ["订单号", "订单编号", "订单id", "单号", "orderid", "orderno", "ordernumber", "数", "count"],
};

const DATE: RoleWords = {
  exact: ["下单日期", "下单时间", "订单日期", "订单时间", "购买日期", "购买时间", "成交日期", "成交时间", "交易日期", "交易时间", "消费日期", "消费时间", "付款时间", "付款日期", "支付时间", "支付日期", "日期", "orderdate", "ordertime", "orderdatetime", "purchasedate", "transactiondate", "invoicedate", "saledate", "paymentdate", "paidat", "createdat", "date"],
  stems: ["下单", "日期", "时间", "date", "time"],
  not: ["生日", "出生", "注册", "birth", "register", "signup", "发货", "ship", "到期", "due"],
};

const AMOUNT: RoleWords = {
  exact: ["实付金额", "实付", "实收金额", "订单金额", "支付金额", "付款金额", "成交金额", "交易金额", "消费金额", "销售额", "销售金额", "营业额", "金额", "amountpaid", "paidamount", "orderamount", "ordervalue", "ordertotal", "payment", "revenue", "sales", "amount", "total", "value", "spend"],
  stems: ["金额", "销售额", "实付", "营业额", "amount", "revenue", "sales", "total", "paid"],
  not: ["单价", "数量", "折扣", "运费", "优惠", "退款", "unitprice", "price", "quantity", "qty", "discount", "shipping", "freight", "refund"],
};

const RECENCY: RoleWords = {
  exact: ["r", "recency", "recencydays", "最近消费间隔", "最近一次消费间隔", "最近购买间隔", "最近消费天数", "最近购买天数", "距今天数", "未购天数", "未消费天数"],
  stems: ["最近", "距今", "间隔", "recency", "dayssince"],
};

const FREQUENCY: RoleWords = {
  exact: ["f", "frequency", "消费频次", "购买频次", "频次", "购买次数", "消费次数", "下单次数", "订单数", "订单量", "orders", "ordercount", "numberoforders"],
  stems: ["频次", "次数", "订单数", "frequency"],
};

const MONETARY: RoleWords = {
  exact: ["m", "monetary", "monetaryvalue", "消费金额", "累计消费金额", "累计消费", "总消费", "消费总额", "总金额", "金额", "totalspend", "spend", "revenue", "amount"],
  stems: ["金额", "消费额", "monetary", "spend", "revenue", "amount"],
};

const WORDS: Readonly<Record<Role, RoleWords>> = { customer: CUSTOMER, date: DATE, amount: AMOUNT, recency: RECENCY, frequency: FREQUENCY, monetary: MONETARY };

/**
 * A header as compared: full-width folded, lower case, a unit in brackets dropped ("金额（元）", "recency
 * (days)"), spaces and separators removed ("Customer ID", "order_date", "订单-日期").
 */
export function normalise(header: string): string {
  return foldWidth(header)
    .toLowerCase()
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, "")
    .replace(/[\s_\-·.:：/]+/g, "");
}

/** How well a header names a role: 0 (not at all) up to 2,000 (the role's first exact word). */
export function headerScore(header: string, role: Role): number {
  const text = normalise(header);
  if (text === "") return 0;
  const words = WORDS[role];
  if (words.not?.some((word) => text.includes(word))) return 0;
  const exact = words.exact.indexOf(text);
  if (exact >= 0) return 2000 - exact;
  const stem = words.stems.findIndex((word) => text.includes(word));
  return stem >= 0 ? 1000 - stem : 0;
}

/** Text that could be a header: not blank, not a number or a date. */
const isLabel = (value: CellValue): value is string => typeof value === "string" && value.trim() !== "" && numberFromText(value) === undefined && serialFromCell(value) === undefined;

/** The order roles are assigned the most specific first: a date header never becomes the customer. */
const ASSIGN_ORDER: Readonly<Record<DataKind, readonly Role[]>> = {
  orders: ["date", "amount", "customer"],
  rfm: ["recency", "frequency", "monetary", "customer"],
};

/** Assigns roles to columns by score; a column plays one role. Notes the ambiguous and missing roles. */
function assign(kind: DataKind, score: (column: number, role: Role) => number, width: number): { columns: ColumnMap; notes: ColumnNote[]; found: number } {
  const columns: Partial<Record<Role, number>> = {};
  const taken = new Set<number>();
  const notes: ColumnNote[] = [];
  for (const role of ASSIGN_ORDER[kind]) {
    const candidates = Array.from({ length: width }, (_, c) => c)
      .filter((c) => !taken.has(c) && score(c, role) > 0)
      .sort((a, b) => score(b, role) - score(a, role) || a - b);
    const [chosen, ...others] = candidates;
    if (chosen === undefined) continue;
    columns[role] = chosen;
    taken.add(chosen);
    if (others.length > 0) notes.push({ code: "ambiguous", role, chosen, others });
  }
  const found = rolesOf(kind).filter((role) => columns[role] !== undefined).length;
  for (const role of rolesOf(kind)) if (columns[role] === undefined) notes.push({ code: "missing", role });
  // Shown in the order of the form's fields.
  const place = (note: ColumnNote) => rolesOf(kind).indexOf("role" in note ? note.role : "customer");
  notes.sort((a, b) => place(a) - place(b));
  return { columns, notes, found };
}

/** Rows of data looked at to recognise columns by their contents. */
const SAMPLE_ROWS = 200;
/** Share of a column's non-blank sample cells that must read as dates (or numbers) for it to be taken as such. */
const CONTENT_SHARE = 0.8;
/** Serials of 1990-01-01 and 2100-12-31: a whole number between them in a date-like column reads as an order date. */
const PLAUSIBLE_DAYS = [32874, 73415] as const;

/** How a column's cells read: shares of dates and of numbers among its non-blank sample cells. */
function contentOf(rows: readonly (readonly CellValue[])[], column: number): { dates: number; numbers: number; texts: number; fractions: number } {
  let filled = 0;
  let dates = 0;
  let numbers = 0;
  let texts = 0;
  let fractions = 0;
  for (const row of rows.slice(0, SAMPLE_ROWS)) {
    const value = row[column] ?? null;
    if (value === null || (typeof value === "string" && value.trim() === "")) continue;
    filled++;
    const serial = serialFromCell(value);
    const isNumber = typeof value === "number" || (typeof value === "string" && numberFromText(value) !== undefined);
    const plausibleDay = serial !== undefined && serial >= PLAUSIBLE_DAYS[0] && serial <= PLAUSIBLE_DAYS[1];
    // A text date, or a number that is a plausible order day; a plain amount such as 1200 is no date.
    if (plausibleDay && (typeof value === "string" ? numberFromText(value) === undefined || /^\d{8}$/.test(value.trim()) : true)) dates++;
    if (isNumber) numbers++;
    if (typeof value === "number" && !Number.isInteger(value)) fractions++;
    if (typeof value === "string" && !isNumber && serial === undefined) texts++;
  }
  return filled === 0 ? { dates: 0, numbers: 0, texts: 0, fractions: 0 } : { dates: dates / filled, numbers: numbers / filled, texts: texts / filled, fractions: fractions / filled };
}

/** Scores of columns by what they hold, for a range without a header row. */
function contentScore(rows: readonly (readonly CellValue[])[], width: number): (column: number, role: Role) => number {
  const contents = Array.from({ length: width }, (_, c) => contentOf(rows, c));
  return (column, role) => {
    const { dates, numbers, texts, fractions } = contents[column]!;
    switch (role) {
      case "date":
        return dates >= CONTENT_SHARE ? dates : 0;
      case "amount":
      case "monetary":
        // Of two numeric columns, the one with cents, then the later one: exports put numeric ids first.
        return numbers >= CONTENT_SHARE && dates < CONTENT_SHARE ? numbers + fractions / 2 + column / 1000 : 0;
      case "recency":
      case "frequency":
        return 0;
      case "customer":
        // Text first (names, ids such as A001), then numeric ids; never a column of dates.
        return dates >= CONTENT_SHARE ? 0 : 1 + texts;
    }
  };
}

/**
 * Recognises the columns of a range read from the workbook (rows of cells, the first possibly a header row).
 * With headers, each role takes the column whose header names it best ({@link headerScore}); the kind is
 * "rfm" when recency and frequency headers are there and no order date, else "orders". Without (no cell of the
 * first row names a role), the columns are recognised by what they hold: an order export's dates, amounts
 * and customers (an R/F/M table cannot be told from its numbers alone: choose its columns by hand).
 */
export function detectColumns(values: readonly (readonly CellValue[])[]): Detection {
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  const first = values[0] ?? [];
  const headerScoreAt = (column: number, role: Role) => {
    const cell = first[column] ?? null;
    return isLabel(cell) ? headerScore(cell, role) : 0;
  };
  const named = Array.from({ length: width }, (_, c) => c).some((c) => [...ORDER_ROLES, ...RFM_ROLES].some((role) => headerScoreAt(c, role) > 0));
  if (!named) {
    const { columns, notes } = assign("orders", contentScore(values, width), width);
    return { kind: "orders", hasHeader: false, columns, notes: [{ code: "noHeader" }, ...notes] };
  }
  const orders = assign("orders", headerScoreAt, width);
  const rfm = assign("rfm", headerScoreAt, width);
  const looksSummarised = orders.columns.date === undefined && rfm.columns.recency !== undefined && rfm.columns.frequency !== undefined;
  const chosen = looksSummarised || rfm.found > orders.found ? { kind: "rfm" as const, ...rfm } : { kind: "orders" as const, ...orders };
  return { kind: chosen.kind, hasHeader: true, columns: chosen.columns, notes: chosen.notes };
}

/**
 * The columns of a kind chosen by hand after a detection of the other kind: the roles the two share keep
 * their column, the others are recognised again from the headers (or left to choose).
 */
export function detectAs(values: readonly (readonly CellValue[])[], kind: DataKind, hasHeader: boolean): Detection {
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  const first = values[0] ?? [];
  const score = hasHeader
    ? (column: number, role: Role) => {
        const cell = first[column] ?? null;
        return isLabel(cell) ? headerScore(cell, role) : 0;
      }
    : contentScore(values, width);
  const { columns, notes } = assign(kind, score, width);
  return { kind, hasHeader, columns, notes: hasHeader ? notes : [{ code: "noHeader" }, ...notes] };
}
