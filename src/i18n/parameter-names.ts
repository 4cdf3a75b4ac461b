import type { Language } from "./language";

/**
 * The Chinese name of every SALES function parameter, keyed by its English name (the JSDoc `@param`
 * name). One table for both places a Chinese user sees a parameter: Excel's formula tooltips (the build
 * writes these names into functions-zh-CN.json, see function-metadata-zh.ts) and the error messages of
 * the functions (src/i18n/errors.ts), so a message names the parameter exactly as the tooltip does.
 *
 * One Chinese name per English name, whichever function it belongs to: a message is worded without
 * knowing which function raised it. The build fails when a parameter of functions.json has no name here,
 * or a name here belongs to no parameter. Names follow Excel's rule for names (a letter first, then
 * letters, digits or underscores; at most 64 characters) and are unique within each function.
 */
export const PARAMETER_NAMES_ZH: Readonly<Record<string, string>> = {
  // RFM
  customer_ids: "客户编号",
  order_dates: "下单日期",
  amounts: "金额",
  analysis_date: "分析日期",
  headers: "标题行",
  window_days: "时间窗天数",
  recency: "最近消费间隔",
  frequency: "消费频次",
  monetary: "消费金额",
  method: "评分方法",
  cuts: "分档",
  scores: "评分",
  scheme: "分群方案",
  threshold: "阈值",
  language: "语言",
  // Funnel
  target: "目标",
  rates: "转化率",
  top: "顶层人数",
  improved: "改进值",
  target_revenue: "目标销售额",
  avg_order: "客单价",
  promotion_rates: "晋级率",
  levels: "级数",
  // Targets and quotas
  total: "总目标",
  weights: "权重",
  unit: "取整单位",
  history: "历史数据",
  season_length: "季节周期",
  standard: "标准目标",
  floor_ratio: "保底比例",
  challenge_ratio: "挑战比例",
  potential: "潜力",
  capacity: "爬坡系数",
  commitments: "承诺目标",
  actual: "实际值",
  elapsed: "时间进度",
  plan: "计划",
  // A plan that adds up both ways (TARGET.GRID; weights and unit as above)
  row_totals: "行合计",
  column_totals: "列合计",
  // KPIs
  buyers: "购买人数",
  visitors: "访客数",
  revenue: "销售额",
  orders: "订单数",
  profit: "利润",
  return_amount: "回报",
  cost: "成本",
  ad_spend: "广告花费",
  spend: "获客投入",
  new_customers: "新客户数",
  repeat_buyers: "复购人数",
  lost: "流失客户数",
  customers_at_start: "期初客户数",
  collected: "回款金额",
  billed: "开票金额",
  margin_per_period: "每期毛利",
  retention: "留存率",
  discount: "折现率",
  actuals: "各项实际值",
  targets: "各项目标",
  cap: "封顶值",
  lower_is_better: "越低越好",
  // Commission
  amount: "提成基数",
  tiers: "提成档位",
  mode: "计算方式",
  // Forecast
  window: "窗口期数",
  horizon: "预测期数",
  alpha: "水平平滑系数",
  beta: "趋势平滑系数",
  gamma: "季节平滑系数",
  // One name for HW's seasonal model and INTERVAL's model (ses, holt, additive, multiplicative).
  model: "预测模型",
  forecast: "预测值",
  training: "训练数据",
  // Forecast intervals and backtests (issue 17)
  level: "置信水平",
  holdout: "回测期数",
  // Customer lifetime value (frequency, recency, discount as above: recency here is the time from the
  // first to the last purchase, which the descriptions say)
  period_days: "每期天数",
  T: "观察期长",
  monetary_value: "复购平均金额",
  params: "模型参数",
  t: "未来期数",
  spend_params: "金额模型参数",
  months: "月数",
  periods_per_month: "每月期数",
  // Funnel rates and the weighted pipeline (amounts as above: money per row)
  counts: "各环节人数",
  stages: "商机阶段",
  stage_table: "阶段赢率表",
};

// Not `PARAMETER_NAMES_ZH[word]` alone: "constructor" or "toString" in a name must not find Object's members.
const HAS_OWN = Object.prototype.hasOwnProperty;

/**
 * An argument's name as a user of `language` reads it. In Chinese every parameter name in `arg` is
 * replaced by its Chinese name, so a derived name such as "total − SUM(commitments)" reads
 * "总目标 − SUM(承诺目标)"; a word that is no parameter name (SUM) stays as it is.
 */
export function argumentName(language: Language, arg: string): string {
  if (language === "en") return arg;
  return arg.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (word) => (HAS_OWN.call(PARAMETER_NAMES_ZH, word) ? (PARAMETER_NAMES_ZH[word] as string) : word));
}
