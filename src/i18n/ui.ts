import type { Language } from "./language";

/** Every string the task pane shows, in both languages. Keys are grouped by screen. */
const en = {
  appTitle: "Sales Planner",
  appSubtitle: "Targets, funnels and customer segments in your workbook",
  languageLabel: "Language",
  languageZh: "中文",
  languageEn: "English",
  navLabel: "Pages",
  pageHome: "Start",
  pageFunctions: "Functions",
  pageMarket: "Market analysis",
  pageSmart: "SMART target",
  pageDecompose: "Decompose",

  outsideExcelTitle: "Not connected to Excel",
  outsideExcelBody: "Open Sales Planner from the Home tab in Excel to write to your workbook.",

  exampleTitle: "Try RFM segmentation",
  exampleBody:
    "Adds a new sheet with the course's five customers and live SALES formulas: change a number and the scores and segments follow.",
  exampleButton: "Create example sheet",
  exampleSheetName: "RFM example",
  exampleNote: "Change any number in B2:D6: the scores and segments recalculate.",

  errorTitle: "Nothing was changed",
  errorWriteFailed: (detail: string) => `Excel could not write the sheet (${detail}). Your workbook is as it was.`,
  errorUnavailable: "Excel is not available. Open this pane from Excel.",
  errorBadAddress: (address: string) => `“${address}” is not a range in this workbook. Nothing was changed.`,
  errorReadFailed: (detail: string) => `Excel could not read the range (${detail}).`,

  writeWorking: "Writing to the workbook…",
  writeDoneSheet: (sheet: string) => `Sheet “${sheet}” is ready.`,
  writeDoneRange: (address: string) => `Written to ${address}.`,
  writeButton: "Write to a new sheet",
  confirmTitle: "Replace existing cells?",
  confirmBody: (count: number, address: string) => `${count} ${count === 1 ? "cell" : "cells"} in ${address} ${count === 1 ? "is" : "are"} not empty. Replace them?`,
  confirmListLabel: "Cells that would be replaced",
  confirmReplace: "Replace",
  confirmCancel: "Cancel",
  confirmCancelled: "Nothing was written.",

  wizardStepsLabel: "Steps",
  wizardStep: (n: number, total: number, label: string) => `Step ${n} of ${total}: ${label}`,
  wizardBack: "Back",
  wizardNext: "Next",
  formInvalid: (count: number) => `${count} ${count === 1 ? "field needs" : "fields need"} attention.`,
  addRow: "Add row",
  addRowTo: (list: string) => `Add row to ${list}`,
  removeRow: (row: string) => `Remove ${row}`,

  functionsIntro: "Type these in any cell. Ranges can be columns or rows; trailing blank rows are ignored.",
  functionsSyntax: "Syntax",
  functionsExample: "Example",

  headerCustomer: "Customer",
  headerRecency: "Recency (days)",
  headerFrequency: "Orders",
  headerMonetary: "Amount",
  headerR: "R",
  headerF: "F",
  headerM: "M",
  headerSegment: "Segment",
};

export type UiStrings = typeof en;

const zh: UiStrings = {
  appTitle: "销售规划助手",
  appSubtitle: "在工作簿中制定目标、规划漏斗、细分客户",
  languageLabel: "语言",
  languageZh: "中文",
  languageEn: "English",
  navLabel: "页面",
  pageHome: "开始",
  pageFunctions: "函数",
  pageMarket: "市场分析",
  pageSmart: "SMART 目标",
  pageDecompose: "目标分解",

  outsideExcelTitle: "未连接到 Excel",
  outsideExcelBody: "请在 Excel 的“开始”选项卡中打开销售规划助手，才能写入工作簿。",

  exampleTitle: "体验 RFM 客户分层",
  exampleBody: "新建一个工作表，写入课程中的五位客户和实时 SALES 公式：修改数字，评分和客户类型随之更新。",
  exampleButton: "创建示例工作表",
  exampleSheetName: "RFM 示例",
  exampleNote: "修改 B2:D6 中的任意数字，评分和客户类型会自动重算。",

  errorTitle: "未做任何更改",
  errorWriteFailed: (detail: string) => `Excel 无法写入工作表（${detail}）。工作簿保持原样。`,
  errorUnavailable: "无法连接 Excel。请在 Excel 中打开此窗格。",
  errorBadAddress: (address: string) => `“${address}”不是此工作簿中的区域。未做任何更改。`,
  errorReadFailed: (detail: string) => `Excel 无法读取该区域（${detail}）。`,

  writeWorking: "正在写入工作簿…",
  writeDoneSheet: (sheet: string) => `工作表“${sheet}”已创建。`,
  writeDoneRange: (address: string) => `已写入 ${address}。`,
  writeButton: "写入新工作表",
  confirmTitle: "替换已有单元格？",
  confirmBody: (count: number, address: string) => `${address} 中有 ${count} 个单元格不为空。是否替换？`,
  confirmListLabel: "将被替换的单元格",
  confirmReplace: "替换",
  confirmCancel: "取消",
  confirmCancelled: "未写入任何内容。",

  wizardStepsLabel: "步骤",
  wizardStep: (n: number, total: number, label: string) => `第 ${n} 步，共 ${total} 步：${label}`,
  wizardBack: "上一步",
  wizardNext: "下一步",
  formInvalid: (count: number) => `有 ${count} 项需要修改。`,
  addRow: "添加一行",
  addRowTo: (list: string) => `在“${list}”中添加一行`,
  removeRow: (row: string) => `删除${row}`,

  functionsIntro: "可在任意单元格中输入。区域可以是一列或一行；末尾的空行会被忽略。",
  functionsSyntax: "语法",
  functionsExample: "示例",

  headerCustomer: "客户",
  headerRecency: "最近消费间隔(天)",
  headerFrequency: "消费频次",
  headerMonetary: "消费金额",
  headerR: "R",
  headerF: "F",
  headerM: "M",
  headerSegment: "客户类型",
};

export const UI_STRINGS: Readonly<Record<Language, UiStrings>> = { en, zh };
