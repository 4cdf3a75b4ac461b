import type { ErrorCode } from "../core/shared/errors";
import type { Language } from "./language";
import { argumentName } from "./parameter-names";

/**
 * Messages for the errors a formula can show (Excel shows them on #VALUE! and #N/A, in the error flag's
 * menu). Each says where the problem is and what to fix, in a line. Parameters arrive already formatted;
 * `where` is the phrase built by {@link wherePhrase}, and `arg`, `otherArg` and `because` name arguments
 * as {@link argumentPhrase} does — in Chinese with the Chinese parameter names Excel's tooltips show.
 */
export type MessageParams = Readonly<Record<string, string>>;
type Template = (p: MessageParams) => string;

/** NOT_MULTIPLE_OF_UNIT's nearest multiples, "a or b", or only one when the other is left out. */
const nearest = (p: MessageParams, or: string): string => [p.below, p.above].filter((x) => x !== undefined).join(or);

const en: Record<ErrorCode, Template> = {
  BLANK: (p) => `${p.where}: the cell is blank. Fill it in or remove the row.`,
  NOT_A_NUMBER: (p) => `${p.where}: "${p.value}" is not a number.`,
  BOOLEAN_NOT_NUMBER: (p) => `${p.where}: ${p.value} is not a number.`,
  NOT_A_DATE: (p) => `${p.where}: "${p.value}" is not a date. Use a date cell or text like 2024-03-31.`,
  ERROR_IN_INPUT: (p) => `${p.where}: the cell holds ${p.value}. Fix that cell first.`,
  TOO_SMALL: (p) =>
    p.exclusive === "true"
      ? `${p.where}: ${p.value} must be greater than ${p.min}.`
      : `${p.where}: ${p.value} is below the minimum of ${p.min}.`,
  TOO_LARGE: (p) =>
    p.exclusive === "true" ? `${p.where}: ${p.value} must be less than ${p.max}.` : `${p.where}: ${p.value} is above the maximum of ${p.max}.`,
  NOT_INTEGER: (p) => `${p.where}: ${p.value} must be a whole number.`,
  RATE_AS_PERCENT: (p) => `${p.where}: ${p.value} is not a rate. Enter ${p.value}% or ${p.fraction}.`,
  EMPTY: (p) => `${p.where} is empty. Select the cells that hold the data.`,
  NOT_A_LIST: (p) => `${p.where}: select one row or one column, not ${p.rows}×${p.columns} cells.`,
  LENGTH_MISMATCH: (p) =>
    `${p.arg} has ${p.length} ${p.length === "1" ? "cell" : "cells"} but ${p.otherArg} has ${p.otherLength}. Select ranges of the same size.`,
  BAD_SHAPE: (p) => `${p.where}: expected ${p.expected}, got ${p.rows}×${p.columns} cells.`,
  UNKNOWN_OPTION: (p) => `${p.where}: "${p.value}" is not one of ${p.choices}.`,
  UNUSED_ARGUMENT: (p) => `${p.where} is not used when ${p.because} is "${p.value}". Leave it empty.`,
  NOT_ASCENDING: (p) => `${p.where}: ${p.value} is not above ${p.previous}. The values must rise strictly.`,
  ORDER_AFTER_ANALYSIS: (p) => `${p.where}: the order date ${p.date} is after the analysis date ${p.analysisDate}.`,
  HEADER_ROW: (p) => `${p.where}: "${p.value}" looks like a header. Start the range one row lower.`,
  BAD_BOUNDS: (p) => `${p.where}: the lower bound ${p.lower} is above the upper bound ${p.upper}.`,
  DIVISION_BY_ZERO: (p) => `${p.where} is zero.`,
  RESULT_OUT_OF_RANGE: (p) => `${p.where}: the result is too large to show in a cell.`,
  EXCEEDS_ARGUMENT: (p) =>
    `${p.where}: ${p.value} is more than ${p.otherArg} (${p.otherValue}). Check the order of the arguments.`,
  LEVER_COUNT: (p) =>
    `${p.where} has ${p.length} cells but needs ${p.expected}: the top count, then one value for each rate in ${p.otherArg}.`,
  LEVELS_MISMATCH: (p) =>
    `${p.where}: ${p.value} does not match ${p.otherArg}, whose rates give ${p.levels} levels. Leave ${p.arg} empty or enter ${p.levels}.`,
  NOT_MULTIPLE_OF_UNIT: (p) =>
    `${p.where}: ${p.value} is not a multiple of the unit ${p.unit}. Use ${nearest(p, " or ")}, or a smaller unit.`,
  ALL_ZERO: (p) => `${p.where}: every value is 0, so there is nothing to split by. Enter at least one value above 0.`,
  SHARES_NOT_ONE: (p) =>
    `${p.where}: the shares add up to ${p.percent}%, not 100%. Correct them, or enter planned amounts instead of shares.`,
  MISSING_ARGUMENT: (p) => `${p.where} is needed because ${p.because} gives it a weight above 0. Select it, or make that weight 0.`,
  ZERO_SEASON: (p) => `${p.where}: the season's values add up to 0, so it has no shares. Leave that season out of the history.`,
  TOO_FEW_VALUES: (p) =>
    `${p.where} has ${p.length} ${p.length === "1" ? "value" : "values"} but needs at least ${p.needed}. Select a longer history.`,
  TOO_MANY_VALUES: (p) => `${p.where} has ${p.length} entries but at most ${p.max} can be used. Select fewer cells.`,
  NEEDED_FOR: (p) => `${p.result} needs ${p.where}. Select it to see ${p.result}.`,

  // Numbers written as text (core/shared/number-text.ts).
  NUMBER_TOO_LARGE: (p) => `${p.where}: "${p.value}" is beyond the largest number a cell holds (${p.max}).`,

  // --- Customer lifetime value (BG/NBD, Gamma-Gamma) ---
  RECENCY_WITHOUT_REPEAT: (p) =>
    `${p.where}: ${p.value}, but ${p.otherArg} is 0 on that row. A customer without repeat purchases has recency 0: check that the ranges are CLV.SUMMARY's frequency, recency and T, in that order.`,
  TOO_FEW_REPEAT_CUSTOMERS: (p) =>
    `${p.where}: only ${p.count} ${p.count === "1" ? "customer has" : "customers have"} a repeat purchase; the spend model needs at least ${p.needed}. Use a longer period of orders.`,
  MODEL_NOT_FITTED: (p) =>
    p.reason === "no-repeat"
      ? `${p.where}: no customer bought more than once (every frequency is 0), so the ${p.model} model has nothing to learn from. Use a longer period of orders.`
      : p.reason === "no-variation"
        ? `${p.where}: every repeat customer spends the same on average, so the ${p.model} model cannot tell customers apart. Use the actual order amounts.`
        : `${p.where}: the ${p.model} model cannot be fitted to these customers (its parameter ${p.parameter} runs off to a limit). Use more customers or a longer period of orders.`,
  PARAM_COUNT: (p) =>
    `${p.where} has ${p.length} ${p.length === "1" ? "value" : "values"} but needs ${p.expected}: ${p.names}. Select the cells the fit returned.`,
  NOT_CONVERGED: (p) =>
    `${p.where}: the result cannot be computed to full precision for these values (a horizon very long compared with the customers' history). Use a shorter horizon.`,
  SPEND_MEAN_UNDEFINED: (p) =>
    `${p.where}: q = ${p.q} is not above 1, so the average spend of a customer without repeat purchases is not finite. Fit the spend model on more repeat customers.`,

  // --- Funnel rates and the weighted pipeline ---
  COUNT_RISES: (p) =>
    `${p.where}: ${p.value} is more than the stage above it (${p.previous}). Enter the counts top stage first, each counting the people who reached that stage.`,
  TOO_FEW_STAGES: (p) => `${p.where} has one stage only; a conversion rate needs two (a stage and the one below it). Select the counts of every stage.`,
  UNKNOWN_STAGE: (p) => `${p.where}: "${p.value}" is not a stage in ${p.otherArg}. Add it to ${p.otherArg} or correct the name.`,
  DUPLICATE_STAGE: (p) =>
    `${p.where}: "${p.value}" is listed again with ${p.probability}, but row ${p.otherRow} gives it ${p.otherProbability}. Keep one row per stage.`,

  // --- Forecast intervals, seasonal regression, backtests ---
  NEEDED_WITH_OPTION: (p) => `${p.where} is needed when ${p.because} is "${p.value}". Enter the periods per season (12 for months, 4 for quarters).`,
  HOLDOUT_TOO_LONG: (p) =>
    `${p.where}: holding out ${p.value} periods leaves too little history to fit on; with this holdout the history needs at least ${p.needed} values (it has ${p.length}). Hold out fewer periods or select a longer history.`,

  // --- Plans that add up both ways (TARGET.GRID) ---
  MARGINS_DIFFER: (p) => `${p.where}: the totals add up to ${p.total} but ${p.otherArg} add up to ${p.otherTotal}. Both must add up to the same grand total.`,
  GRID_UNREACHABLE: (p) => {
    const one = p.count === "1";
    const other = p.side === "row" ? "column" : "row";
    const lines = `${p.where}, ${p.side}${one ? "" : "s"} ${p.positions}`;
    if (p.reachable === "0") {
      return `${lines}: ${one ? "" : "together "}${p.total} cannot be planned: ${one ? "its" : "their"} weights are 0 in every ${other} whose total is above 0. Give ${one ? "it" : "them"} a weight above 0 there, or change the totals.`;
    }
    return `${lines}: ${one ? "" : "together "}${p.total} cannot be planned: the ${other}s where ${one ? "its" : "their"} weights are above 0 add up to only ${p.reachable}. Give ${one ? "it" : "them"} a weight above 0 in another ${other}, or change the totals.`;
  },
  GRID_TOO_LARGE: (p) =>
    `${p.where}: a plan of ${p.rows}×${p.columns} is more than can be computed quickly: ${p.maxRows !== undefined ? `with ${p.columns} columns, at most ${p.maxRows} rows` : `with ${p.rows} rows, at most ${p.maxColumns} columns`}. Plan fewer rows or columns at a time.`,
  GRID_TOTAL_TOO_LARGE: (p) => `${p.where}: the totals add up to ${p.total}, more than the ${p.max} that can be planned to the last unit of ${p.unit}. Use a larger unit.`,
  GRID_NOT_CONVERGED: (p) =>
    `${p.where}: the plan could not be fitted to both totals closely enough to round it (weights and totals that only just fit together). Change the weights or the totals a little.`,
};

const zh: Record<ErrorCode, Template> = {
  BLANK: (p) => `${p.where}：单元格为空。请填写，或删除该行。`,
  NOT_A_NUMBER: (p) => `${p.where}：“${p.value}”不是数字。`,
  BOOLEAN_NOT_NUMBER: (p) => `${p.where}：${p.value} 不是数字。`,
  NOT_A_DATE: (p) => `${p.where}：“${p.value}”不是日期。请使用日期单元格或 2024-03-31 这样的文本。`,
  ERROR_IN_INPUT: (p) => `${p.where}：单元格中是 ${p.value}。请先修正该单元格。`,
  TOO_SMALL: (p) =>
    p.exclusive === "true"
      ? `${p.where}：${p.value} 必须大于 ${p.min}。`
      : `${p.where}：${p.value} 小于最小值 ${p.min}。`,
  TOO_LARGE: (p) => (p.exclusive === "true" ? `${p.where}：${p.value} 必须小于 ${p.max}。` : `${p.where}：${p.value} 超过最大值 ${p.max}。`),
  NOT_INTEGER: (p) => `${p.where}：${p.value} 必须是整数。`,
  RATE_AS_PERCENT: (p) => `${p.where}：${p.value} 不是比率。请输入 ${p.value}% 或 ${p.fraction}。`,
  EMPTY: (p) => `${p.where}为空。请选择包含数据的单元格。`,
  NOT_A_LIST: (p) => `${p.where}：请选择一行或一列，而不是 ${p.rows}×${p.columns} 个单元格。`,
  LENGTH_MISMATCH: (p) => `${p.where}有 ${p.length} 个单元格，而${p.otherArg}有 ${p.otherLength} 个。请选择大小相同的区域。`,
  BAD_SHAPE: (p) => `${p.where}：应为 ${p.expected}，实际为 ${p.rows}×${p.columns} 个单元格。`,
  UNKNOWN_OPTION: (p) => `${p.where}：“${p.value}”不是可选值（${p.choices}）。`,
  UNUSED_ARGUMENT: (p) => `${p.where}在${p.because}为“${p.value}”时不使用。请留空。`,
  NOT_ASCENDING: (p) => `${p.where}：${p.value} 不大于 ${p.previous}。数值必须严格递增。`,
  ORDER_AFTER_ANALYSIS: (p) => `${p.where}：订单日期 ${p.date} 晚于分析日期 ${p.analysisDate}。`,
  HEADER_ROW: (p) => `${p.where}：“${p.value}”像是标题行。请从下一行开始选择。`,
  BAD_BOUNDS: (p) => `${p.where}：下限 ${p.lower} 大于上限 ${p.upper}。`,
  DIVISION_BY_ZERO: (p) => `${p.where}为零。`,
  RESULT_OUT_OF_RANGE: (p) => `${p.where}：结果太大，无法显示在单元格中。`,
  EXCEEDS_ARGUMENT: (p) => `${p.where}：${p.value} 大于${p.otherArg}（${p.otherValue}）。请检查参数顺序。`,
  LEVER_COUNT: (p) =>
    `${p.where}有 ${p.length} 个单元格，但需要 ${p.expected} 个：先填顶层人数，再为${p.otherArg}中的每个比率各填一个。`,
  LEVELS_MISMATCH: (p) =>
    `${p.where}：${p.value} 与${p.otherArg}不符，其比率对应 ${p.levels} 级。请将${p.arg}留空或填写 ${p.levels}。`,
  NOT_MULTIPLE_OF_UNIT: (p) => `${p.where}：${p.value} 不是取整单位 ${p.unit} 的整数倍。请改为 ${nearest(p, " 或 ")}，或使用更小的单位。`,
  ALL_ZERO: (p) => `${p.where}：所有数值都是 0，无法按其分配。请至少填写一个大于 0 的数值。`,
  SHARES_NOT_ONE: (p) => `${p.where}：各期占比合计为 ${p.percent}%，而不是 100%。请修正占比，或改填计划金额。`,
  MISSING_ARGUMENT: (p) => `${p.where}不能省略：${p.because}为其设置了大于 0 的权重。请选择该区域，或将该权重设为 0。`,
  ZERO_SEASON: (p) => `${p.where}：该季节周期的数值合计为 0，无法计算占比。请从历史数据中去掉该周期。`,
  TOO_FEW_VALUES: (p) => `${p.where}只有 ${p.length} 个数值，至少需要 ${p.needed} 个。请选择更长的历史数据。`,
  TOO_MANY_VALUES: (p) => `${p.where}有 ${p.length} 项，最多只能使用 ${p.max} 项。请少选一些单元格。`,
  NEEDED_FOR: (p) => `计算 ${p.result} 需要${p.where}。请选择该参数后查看 ${p.result}。`,

  // Numbers written as text (core/shared/number-text.ts).
  NUMBER_TOO_LARGE: (p) => `${p.where}：“${p.value}”超出单元格能容纳的最大数值（${p.max}）。`,

  // --- 客户终身价值（BG/NBD、Gamma-Gamma） ---
  RECENCY_WITHOUT_REPEAT: (p) =>
    `${p.where}为 ${p.value}，但该行${p.otherArg}为 0。没有重复购买的客户此值应为 0：请检查三个区域是否依次为 CLV.SUMMARY 的 frequency、recency、T 列。`,
  TOO_FEW_REPEAT_CUSTOMERS: (p) => `${p.where}：只有 ${p.count} 位客户有重复购买，消费金额模型至少需要 ${p.needed} 位。请使用更长时间段的订单。`,
  MODEL_NOT_FITTED: (p) =>
    p.reason === "no-repeat"
      ? `${p.where}：没有客户重复购买（全为 0），${p.model} 模型无从估计。请使用更长时间段的订单。`
      : p.reason === "no-variation"
        ? `${p.where}：所有重复购买客户的平均消费金额都相同，${p.model} 模型无法区分客户。请使用实际订单金额。`
        : `${p.where}：无法用这些客户拟合 ${p.model} 模型（参数 ${p.parameter} 趋于极限）。请使用更多客户或更长时间段的订单。`,
  PARAM_COUNT: (p) => `${p.where}有 ${p.length} 个数值，但需要 ${p.expected} 个：${p.names}。请选择拟合函数返回的单元格。`,
  NOT_CONVERGED: (p) => `${p.where}：在这些数值下无法以完整精度计算结果（预测期相对客户历史过长）。请缩短预测期。`,
  SPEND_MEAN_UNDEFINED: (p) =>
    `${p.where}：q = ${p.q} 不大于 1，没有重复购买的客户的平均消费金额不是有限值。请用更多重复购买客户拟合消费模型。`,

  // --- 漏斗转化率与加权商机 ---
  COUNT_RISES: (p) => `${p.where}：${p.value} 大于上一环节的人数（${p.previous}）。请自上而下填写各环节人数，每个环节只计到达该环节的人数。`,
  TOO_FEW_STAGES: (p) => `${p.where}只有 1 个环节，计算转化率至少需要 2 个（一个环节及其下一环节）。请选择每个环节的人数。`,
  UNKNOWN_STAGE: (p) => `${p.where}：“${p.value}”不在${p.otherArg}中。请将其加入${p.otherArg}，或改正阶段名称。`,
  DUPLICATE_STAGE: (p) => `${p.where}：“${p.value}”再次出现，赢率为 ${p.probability}，而第 ${p.otherRow} 行为 ${p.otherProbability}。每个阶段只保留一行。`,

  // --- 预测区间、季节回归、回测 ---
  NEEDED_WITH_OPTION: (p) => `${p.where}不能省略：${p.because}为“${p.value}”时需要它。请填写每个周期的期数（月度数据 12，季度 4）。`,
  HOLDOUT_TOO_LONG: (p) =>
    `${p.where}：留出 ${p.value} 期后剩下的历史数据太少，无法拟合；此时历史数据至少需要 ${p.needed} 个数值（现有 ${p.length} 个）。请减少回测期数，或选择更长的历史数据。`,

  // --- 行列双向合计的计划（TARGET.GRID） ---
  MARGINS_DIFFER: (p) => `${p.where}合计为 ${p.total}，而${p.otherArg}合计为 ${p.otherTotal}。两者的总和必须相同。`,
  GRID_UNREACHABLE: (p) => {
    const one = p.count === "1";
    const line = p.side === "row" ? "行" : "列";
    const other = p.side === "row" ? "列" : "行";
    const lines = `${p.where}第 ${(p.positions ?? "").split(", ").join("、")} ${line}`;
    if (p.reachable === "0") {
      return `${lines}：${one ? "" : "合计 "}${p.total} 无法分配：在合计大于 0 的各${other}中，${one ? "其" : "这些" + line + "的"}权重都是 0。请在这些${other}给出大于 0 的权重，或修改合计。`;
    }
    return `${lines}：${one ? "" : "合计 "}${p.total} 无法分配：${one ? "其" : "这些" + line + "的"}权重大于 0 的各${other}合计只有 ${p.reachable}。请在其他${other}给出大于 0 的权重，或修改合计。`;
  },
  GRID_TOO_LARGE: (p) =>
    `${p.where}：${p.rows}×${p.columns} 的计划过大，无法快速计算：${p.maxRows !== undefined ? `${p.columns} 列时最多 ${p.maxRows} 行` : `${p.rows} 行时最多 ${p.maxColumns} 列`}。请一次规划更少的行或列。`,
  GRID_TOTAL_TOO_LARGE: (p) => `${p.where}：合计 ${p.total} 超过按取整单位 ${p.unit} 能精确规划的最大值 ${p.max}。请使用更大的取整单位。`,
  GRID_NOT_CONVERGED: (p) => `${p.where}：无法将计划足够精确地同时拟合到行合计与列合计以便取整（权重与合计几乎无法相容）。请稍微调整权重或合计。`,
};

export const ERROR_MESSAGES: Readonly<Record<Language, Record<ErrorCode, Template>>> = { en, zh };

/** For a bug: something failed that no rule anticipated. The detail helps a report. */
export const UNEXPECTED_MESSAGE: Readonly<Record<Language, (detail: string) => string>> = {
  en: (detail) => `Unexpected problem (${detail}). Please report it with the formula.`,
  zh: (detail) => `意外错误（${detail}）。请连同公式一起反馈给我们。`,
};

/**
 * An argument named in a message: its English name (`amounts`), or in Chinese its Chinese name in quotes
 * (“金额”), the name Excel's Chinese tooltips show (src/i18n/parameter-names.ts).
 */
export function argumentPhrase(language: Language, arg: string): string {
  return language === "zh" ? `“${argumentName("zh", arg)}”` : arg;
}

/**
 * Where a problem is, in words: "frequency, row 17", "cuts, row 2, column 3" / "参数“消费频次”第 17 行".
 * A derived name ("total − SUM(commitments)") is no parameter, so Chinese does not call it one.
 */
export function wherePhrase(
  language: Language,
  where: { arg: string; row?: number; column?: number },
): string {
  const { arg, row, column } = where;
  if (language === "zh") {
    const name = /^[A-Za-z_]+$/.test(arg) ? `参数${argumentPhrase("zh", arg)}` : argumentPhrase("zh", arg);
    return `${name}${row !== undefined ? `第 ${row} 行` : ""}${column !== undefined ? `第 ${column} 列` : ""}`;
  }
  const parts = [arg];
  if (row !== undefined) parts.push(`row ${row}`);
  if (column !== undefined) parts.push(`column ${column}`);
  return parts.join(", ");
}

/** A range shape in words: "3 rows", "7 columns", "1 row and 3 columns". */
export function shapePhrase(language: Language, rows: number | undefined, columns: number | undefined): string {
  if (language === "zh") {
    return [rows !== undefined ? `${rows} 行` : "", columns !== undefined ? `${columns} 列` : ""].join("");
  }
  const parts: string[] = [];
  if (rows !== undefined) parts.push(`${rows} ${rows === 1 ? "row" : "rows"}`);
  if (columns !== undefined) parts.push(`${columns} ${columns === 1 ? "column" : "columns"}`);
  return parts.join(" and ");
}

/** "a, b or c" / "a、b 或 c". */
export function choicesPhrase(language: Language, choices: readonly string[]): string {
  const quoted = choices.map((c) => (language === "zh" ? `“${c}”` : `"${c}"`));
  if (quoted.length <= 1) return quoted.join("");
  const last = quoted[quoted.length - 1] as string;
  const head = quoted.slice(0, -1);
  return language === "zh" ? `${head.join("、")} 或 ${last}` : `${head.join(", ")} or ${last}`;
}
