import type { Language } from "./language";

/** The SMART target wizard: step names, form labels, messages, and the text written into its sheet. */
const en = {
  smartIntro: "Set one target the SMART way, check it against your history, and get a sheet whose milestones follow the target cell.",
  stepSpecific: "Specific",
  stepMeasurable: "Measurable",
  stepAchievable: "Achievable",
  stepRelevant: "Relevant",
  stepTimeBound: "Time-bound",
  finish: "Write the SMART target sheet",

  channel: "Channel / platform",
  channelHint: "Where the target is earned, e.g. Tmall, Douyin and Xiaohongshu.",
  product: "Product",
  customers: "Customer group (optional)",
  occasion: "Campaign or occasion (optional)",
  occasionHint: "E.g. the Valentine's Day campaign.",

  kpi: "KPI",
  kpiSales: "Sales amount",
  kpiGmv: "GMV",
  kpiOrders: "Orders",
  kpiCustomers: "Customers",
  kpiProfit: "Gross profit",
  unit: "Unit shown",
  unitHint: "E.g. yuan, 10k yuan, orders.",
  display: "Show amounts in",
  displayYuan: "Units as typed (12,345,678)",
  displayWan: "万, ten thousands (1234.6万)",
  baseline: "Baseline (last comparable period)",
  target: "Target",
  roundTo: "Round milestones to multiples of",
  roundToHint: "1, 100, 10,000… The target must be a multiple.",

  historyAddress: "History range (optional)",
  historyHint: "Past values of the same KPI, oldest first, e.g. Sheet1!B2:B6 (one value per year). Select it in Excel and use the button, or type the address.",
  useSelection: "Use the selected range",
  readHistory: "Read the range",
  historyRead: (count: number, address: string) => `${count} values read from ${address}.`,
  pastGrowth: "Average growth per period",
  bestGrowth: "Best past growth",
  requiredGrowth: "Growth this target needs",
  growthWarning: (required: string, best: string) =>
    `This target needs ${required} growth, more than the best in your history (${best}). You can go on; make sure the plan explains how.`,
  growthOk: (required: string, best: string) => `This target needs ${required} growth; your best so far was ${best}.`,
  historyTooShort: "The range needs at least two numbers to show growth.",

  strategy: "Which strategy does it serve?",
  strategyHint: "E.g. SO: use our content strength to win the festival traffic.",

  start: "Start date",
  end: "End date",
  cadence: "Checkpoints",
  cadenceWeekly: "Weekly",
  cadenceMonthly: "Monthly",
  cadenceQuarterly: "Quarterly",
  floorRatio: "Floor target (% of target)",
  challengeRatio: "Challenge target (% of target)",
  periodsPreview: (count: number) => `${count} checkpoints.`,

  errRequired: "Required.",
  errTooLong: "Too long.",
  errNotNumber: "Enter a number, e.g. 5000, 12.5 or 1.2万.",
  errPositive: "Enter a number above 0.",
  errNotNegative: "Enter 0 or more.",
  errNotMultiple: (below: string, above: string) => `The target must be a multiple of the rounding unit: use ${below} or ${above}, or a smaller unit.`,
  errDate: "Enter a date.",
  errEndBeforeStart: "The end date must be after the start date.",
  errTooManyPeriods: "Too many checkpoints (at most 400): choose a longer cadence.",
  errFloorRatio: "Enter a percentage above 0 and at most 100.",
  errChallengeRatio: "Enter a percentage from 100 to 1000.",
  errAddress: "Enter a range such as Sheet1!B2:B6.",
  errGrowthTooLarge: (min: string) => `The growth from this baseline to the target does not fit in a cell: enter a baseline of at least ${min}.`,
  errUnitHasWan: "Amounts are shown in 万 already: write the unit without 万 (e.g. 元).",

  // Written into the sheet.
  sheetName: "SMART target",
  sheetTitle: "SMART target",
  dateFormat: "yyyy-mm-dd",
  growthUp: "+",
  growthDown: "−",
  colParameter: "Parameter",
  colValue: "Value",
  rowChannel: "Channel / platform",
  rowProduct: "Product",
  rowCustomers: "Customer group",
  rowOccasion: "Campaign / occasion",
  rowKpi: "KPI",
  rowUnit: "Unit",
  rowBaseline: "Baseline",
  rowTarget: "Target (change it here: everything below follows)",
  rowRequiredGrowth: "Growth needed",
  rowBestGrowth: "Best past growth",
  rowAverageGrowth: "Average growth per period",
  rowHistory: "History range",
  rowStart: "Start",
  rowEnd: "End",
  rowCadence: "Checkpoints",
  rowStrategy: "Strategy served",
  rowRoundTo: "Rounding unit",
  rowFloorRatio: "Floor ratio",
  rowChallengeRatio: "Challenge ratio",
  tiersLabel: "Target tiers",
  tierFloor: "Floor",
  tierStandard: "Standard",
  tierChallenge: "Challenge",
  milestonesTitle: "Milestones",
  colNumber: "#",
  colPeriodStart: "Period start",
  colPeriodEnd: "Period end",
  colDays: "Days",
  colPeriodTarget: "Period target",
  colCumulative: "Cumulative target",
  colCumulativeShare: "Cumulative %",
  totalRow: "Total",
  checkOk: "✓ adds up to the target",
  checkOff: "✗ off by ",
  chartTitle: "Target per period",
};

/**
 * The SMART statement's parts as formula expressions (cell references, TEXT(...) of a number or a date), so
 * the sentence is a formula of the sheet's cells and stays true when they are edited.
 */
export interface StatementParts {
  readonly occasion: string;
  readonly start: string;
  readonly end: string;
  readonly channel: string;
  readonly customers: string;
  readonly kpi: string;
  readonly product: string;
  readonly baseline: string;
  readonly target: string;
  readonly unit: string;
  /** A condition: the baseline is above 0, so there is a growth to state. */
  readonly hasGrowth: string;
  /** "增长25.0%" / "+25.0%" as an expression. */
  readonly growth: string;
  readonly strategy: string;
}

/** How a sentence becomes one formula: text literals, parts shown only when a cell is filled, joined with &. */
export interface FormulaText {
  /** A text literal ("…" with inner quotes doubled). */
  lit(text: string): string;
  /** `then` when `cell` is not empty, else `otherwise` (nothing by default). */
  ifFilled(cell: string, then: readonly string[], otherwise?: readonly string[]): string;
  /** `then` when the condition holds, else nothing. */
  ifTrue(condition: string, then: readonly string[]): string;
  /** The parts joined into one expression. */
  join(...parts: readonly string[]): string;
}

export type SmartStrings = typeof en;

const zh: SmartStrings = {
  smartIntro: "按 SMART 原则设定一个目标，对照历史检验可行性，并生成一张里程碑随目标单元格联动的工作表。",
  stepSpecific: "具体（S）",
  stepMeasurable: "可衡量（M）",
  stepAchievable: "可实现（A）",
  stepRelevant: "相关性（R）",
  stepTimeBound: "有时限（T）",
  finish: "写入 SMART 目标工作表",

  channel: "渠道 / 平台",
  channelHint: "目标在哪里实现，例如：天猫、抖音和小红书。",
  product: "产品",
  customers: "客户群体（可选）",
  occasion: "活动或节点（可选）",
  occasionHint: "例如：情人节大促。",

  kpi: "指标",
  kpiSales: "销售额",
  kpiGmv: "GMV",
  kpiOrders: "订单数",
  kpiCustomers: "客户数",
  kpiProfit: "毛利",
  unit: "显示单位",
  unitHint: "例如：元、万元、单。",
  display: "金额显示",
  displayYuan: "按输入的单位（12,345,678）",
  displayWan: "以“万”为单位（1234.6万）",
  baseline: "基数（上一可比期）",
  target: "目标值",
  roundTo: "里程碑取整单位",
  roundToHint: "1、100、10000……目标值必须是它的整数倍。",

  historyAddress: "历史数据区域（可选）",
  historyHint: "同一指标的历史数值，按时间从早到晚，例如 Sheet1!B2:B6（每年一个值）。可在 Excel 中选中后点按钮，或直接输入地址。",
  useSelection: "使用当前选中区域",
  readHistory: "读取区域",
  historyRead: (count: number, address: string) => `已从 ${address} 读取 ${count} 个数值。`,
  pastGrowth: "平均每期增长",
  bestGrowth: "历史最高增长",
  requiredGrowth: "目标所需增长",
  growthWarning: (required: string, best: string) => `该目标需要增长 ${required}，高于历史最高增长（${best}）。可以继续，但请在计划中说明如何实现。`,
  growthOk: (required: string, best: string) => `该目标需要增长 ${required}；历史最高增长为 ${best}。`,
  historyTooShort: "区域中至少需要两个数值才能计算增长。",

  strategy: "该目标服务于哪项策略？",
  strategyHint: "例如：SO 策略——发挥内容优势，抢占节日流量。",

  start: "开始日期",
  end: "结束日期",
  cadence: "检查节奏",
  cadenceWeekly: "每周",
  cadenceMonthly: "每月",
  cadenceQuarterly: "每季度",
  floorRatio: "保底目标（占目标的 %）",
  challengeRatio: "挑战目标（占目标的 %）",
  periodsPreview: (count: number) => `共 ${count} 个检查点。`,

  errRequired: "必填。",
  errTooLong: "内容过长。",
  errNotNumber: "请输入数字，例如 5000、12.5 或 1.2万。",
  errPositive: "请输入大于 0 的数。",
  errNotNegative: "请输入 0 或更大的数。",
  errNotMultiple: (below: string, above: string) => `目标值必须是取整单位的整数倍：可改为 ${below} 或 ${above}，或使用更小的取整单位。`,
  errDate: "请输入日期。",
  errEndBeforeStart: "结束日期必须晚于开始日期。",
  errTooManyPeriods: "检查点过多（最多 400 个），请选择更长的节奏。",
  errFloorRatio: "请输入大于 0 且不超过 100 的百分比。",
  errChallengeRatio: "请输入 100 到 1000 之间的百分比。",
  errAddress: "请输入区域地址，例如 Sheet1!B2:B6。",
  errGrowthTooLarge: (min: string) => `从该基数到目标的增长率超出单元格能容纳的范围：基数至少应为 ${min}。`,
  errUnitHasWan: "金额已按“万”显示：单位中请不要再写“万”（例如写“元”）。",

  sheetName: "SMART 目标",
  sheetTitle: "SMART 目标",
  dateFormat: "yyyy年m月d日",
  growthUp: "增长",
  growthDown: "下降",
  colParameter: "参数",
  colValue: "数值",
  rowChannel: "渠道 / 平台",
  rowProduct: "产品",
  rowCustomers: "客户群体",
  rowOccasion: "活动 / 节点",
  rowKpi: "指标",
  rowUnit: "单位",
  rowBaseline: "基数",
  rowTarget: "目标值（在此修改，下方全部联动）",
  rowRequiredGrowth: "所需增长",
  rowBestGrowth: "历史最高增长",
  rowAverageGrowth: "平均每期增长",
  rowHistory: "历史数据区域",
  rowStart: "开始",
  rowEnd: "结束",
  rowCadence: "检查节奏",
  rowStrategy: "服务的策略",
  rowRoundTo: "取整单位",
  rowFloorRatio: "保底比例",
  rowChallengeRatio: "挑战比例",
  tiersLabel: "目标分档",
  tierFloor: "保底",
  tierStandard: "标准",
  tierChallenge: "挑战",
  milestonesTitle: "里程碑",
  colNumber: "序号",
  colPeriodStart: "期初",
  colPeriodEnd: "期末",
  colDays: "天数",
  colPeriodTarget: "本期目标",
  colCumulative: "累计目标",
  colCumulativeShare: "累计完成比例",
  totalRow: "合计",
  checkOk: "✓ 合计等于目标",
  checkOff: "✗ 相差 ",
  chartTitle: "各期目标",
};

export const SMART_STRINGS: Readonly<Record<Language, SmartStrings>> = { en, zh };

/**
 * The SMART statement in the course's style, as a formula of the sheet's cells ("在情人节大促期间，…实现…从
 * 4,000万元提升到5,000万元（增长25.0%）…"): the words here, the parts (cell references, TEXT of an amount or a
 * date) from smart-plan.ts.
 */
export const SMART_STATEMENT: Readonly<Record<Language, (p: StatementParts, x: FormulaText) => string>> = {
  en: (p: StatementParts, x: FormulaText): string =>
    x.join(
      x.ifFilled(p.occasion, [x.lit("During "), p.occasion, x.lit(", from ")], [x.lit("From ")]),
      p.start,
      x.lit(" to "),
      p.end,
      x.lit(", through "),
      p.channel,
      x.ifFilled(p.customers, [x.lit(", for "), p.customers]),
      x.lit(", grow "),
      p.kpi,
      x.lit(" of "),
      p.product,
      x.lit(" from "),
      p.baseline,
      x.lit(" to "),
      p.target,
      x.lit(" "),
      p.unit,
      x.ifTrue(p.hasGrowth, [x.lit(" ("), p.growth, x.lit(")")]),
      x.lit(", serving the strategy: "),
      p.strategy,
      x.lit("."),
    ),
  zh: (p: StatementParts, x: FormulaText): string =>
    x.join(
      x.ifFilled(p.occasion, [x.lit("在"), p.occasion, x.lit("期间，")]),
      p.start,
      x.lit("至"),
      p.end,
      x.lit("，通过"),
      p.channel,
      x.ifFilled(p.customers, [x.lit("，面向"), p.customers]),
      x.lit("，实现"),
      p.product,
      p.kpi,
      x.lit("从"),
      p.baseline,
      p.unit,
      x.lit("提升到"),
      p.target,
      p.unit,
      x.ifTrue(p.hasGrowth, [x.lit("（"), p.growth, x.lit("）")]),
      x.lit("，服务于策略："),
      p.strategy,
      x.lit("。"),
    ),
};
