import { formatAmount } from "./format";
import type { Language } from "./language";

/**
 * Messages every number field of the pane can show, whatever the wizard (the wizards word their own range
 * rules). Parameters arrive as the field's issue params: `text` as typed, `max` a number.
 */
const en = {
  percentNotAmount: (text: string) => `${text} is a percentage; enter an amount such as 300000.`,
  tooLarge: (max: string) => `Enter at most ${max}.`,

  // A history range read before writing (SMART's growth, Decompose's seasonal split).
  historyEmpty: (address: string) => `${address} is empty: select the history, or type its address.`,
  historyBlanks: (cells: string) => `Blank cells among the history: ${cells}.`,
  historyTexts: (cells: string) => `Not numbers: ${cells}. Enter numbers in those cells.`,
  historyTooShort: (count: number, needed: number) => `The range holds ${count} ${count === 1 ? "value" : "values"}; at least ${needed} are needed.`,
  historyNegative: (cells: string) => `Past sales cannot be negative: ${cells}.`,
  historyZeroSeason: (cell: string) => `The season starting at ${cell} adds up to 0: it has no shares to split by.`,
  historyNotList: (rows: number, columns: number) => `Select one row or one column of past values (this range is ${rows} × ${columns}).`,
};

export type FieldStrings = typeof en;

const zh: FieldStrings = {
  percentNotAmount: (text: string) => `${text} 是百分比；这里需要金额，例如 300000 或 30万。`,
  tooLarge: (max: string) => `最大只能输入 ${max}。`,

  historyEmpty: (address: string) => `${address} 为空：请选中历史数据，或输入其地址。`,
  historyBlanks: (cells: string) => `历史数据中有空单元格：${cells}。`,
  historyTexts: (cells: string) => `以下单元格不是数字：${cells}。请在这些单元格中输入数字。`,
  historyTooShort: (count: number, needed: number) => `该区域只有 ${count} 个数值，至少需要 ${needed} 个。`,
  historyNegative: (cells: string) => `历史销售不能为负数：${cells}。`,
  historyZeroSeason: (cell: string) => `从 ${cell} 开始的一个周期合计为 0，无法据此计算占比。`,
  historyNotList: (rows: number, columns: number) => `请选择一行或一列历史数值（当前区域为 ${rows} × ${columns}）。`,
};

export const FIELD_STRINGS: Readonly<Record<Language, FieldStrings>> = { en, zh };

/** The shared codes a message exists for here: number fields', and a history range's. */
export type SharedFieldCode =
  | "percentNotAmount"
  | "tooLarge"
  | "historyEmpty"
  | "historyCells"
  | "historyTooShort"
  | "historyNegative"
  | "historyZeroSeason"
  | "historyNotList";

/** The sentence for a shared code, or `undefined` for any other code. */
export function sharedFieldMessage(code: string | undefined, params: Readonly<Record<string, unknown>> | undefined, language: Language): string | undefined {
  const f = FIELD_STRINGS[language];
  const text = (key: string) => String(params?.[key] ?? "");
  const count = (key: string) => (typeof params?.[key] === "number" ? (params[key] as number) : 0);
  switch (code) {
    case "percentNotAmount":
      return f.percentNotAmount(text("text"));
    case "tooLarge":
      return f.tooLarge(typeof params?.max === "number" ? formatAmount(params.max, language) : "?");
    case "historyEmpty":
      return f.historyEmpty(text("address"));
    case "historyCells": {
      const parts = [text("blanks") && f.historyBlanks(localList(text("blanks"), language)), text("texts") && f.historyTexts(localList(text("texts"), language))];
      return parts.filter((part) => part !== "").join(language === "zh" ? "" : " ");
    }
    case "historyTooShort":
      return f.historyTooShort(count("count"), count("needed"));
    case "historyNegative":
      return f.historyNegative(localList(text("cells"), language));
    case "historyZeroSeason":
      return f.historyZeroSeason(text("cell"));
    case "historyNotList":
      return f.historyNotList(count("rows"), count("columns"));
    default:
      return undefined;
  }
}

/** A list of cells ("B3, B5, …") with the language's separator ("B3、B5、…"). */
const localList = (list: string, language: Language) => (language === "zh" ? list.replace(/, /g, "、") : list);

/**
 * The list editor's own words (every list of every wizard): reading a list from the selected range, and
 * asking whether the rows read replace the list or go after it.
 */
const listEn = {
  readSelection: "Read from selection",
  /** The button's accessible name: it starts with the visible text (WCAG 2.5.3, so "click Read from selection" works by voice). */
  readSelectionOf: (list: string) => `Read from selection into ${list}`,
  readDone: (count: number, address: string) => `${count} ${count === 1 ? "row" : "rows"} read from ${address}.`,
  headerSkipped: (address: string) => `Header row ${address} skipped.`,
  unreadable: (cells: string) => `Not read as a number or a choice, correct them: ${cells}.`,
  readEmpty: (address: string) => `The selection ${address} is empty: select the list's rows in the sheet first.`,
  readTooManyRows: (count: number, max: number) => `The selection holds ${count} rows; a list takes at most ${max}.`,
  readTooManyColumns: (columns: number, names: string) => `The selection has ${columns} columns; this list takes ${names}, in that order.`,
  askReplace: (existing: number, read: number) =>
    `The list already has ${existing} ${existing === 1 ? "row" : "rows"}. Replace ${existing === 1 ? "it" : "them"} with the ${read} read, or add those after ${existing === 1 ? "it" : "them"}?`,
  replace: "Replace",
  append: "Add after",
  cancel: "Cancel",
  columnHeaders: "Columns",
  quote: (text: string) => `“${text}”`,
  listSeparator: ", ",
  cellLabel: (row: string, column: string) => `${row} ${column}`,
  cellError: (column: string, message: string) => `${column}: ${message}`,
};

export type ListStrings = typeof listEn;

const listZh: ListStrings = {
  readSelection: "从选区读取",
  readSelectionOf: (list: string) => `从选区读取“${list}”`,
  readDone: (count: number, address: string) => `已从 ${address} 读取 ${count} 行。`,
  headerSkipped: (address: string) => `已跳过标题行 ${address}。`,
  unreadable: (cells: string) => `以下单元格无法识别为数字或选项，请修改：${cells}。`,
  readEmpty: (address: string) => `所选区域 ${address} 为空：请先在工作表中选中列表所在的行。`,
  readTooManyRows: (count: number, max: number) => `所选区域有 ${count} 行，列表最多 ${max} 行。`,
  readTooManyColumns: (columns: number, names: string) => `所选区域有 ${columns} 列；此列表依次为：${names}。`,
  askReplace: (existing: number, read: number) => `列表中已有 ${existing} 行。用读取的 ${read} 行替换，还是添加到后面？`,
  replace: "替换",
  append: "添加到后面",
  cancel: "取消",
  columnHeaders: "列",
  quote: (text: string) => `“${text}”`,
  listSeparator: "、",
  cellLabel: (row: string, column: string) => `${row} ${column}`,
  cellError: (column: string, message: string) => `${column}：${message}`,
};

export const LIST_STRINGS: Readonly<Record<Language, ListStrings>> = { en: listEn, zh: listZh };
