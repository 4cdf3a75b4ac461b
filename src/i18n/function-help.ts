import type { Language } from "./language";
import { argumentName } from "./parameter-names";

/** The task pane's function reference: one entry per SALES function, in both languages. */
export interface FunctionHelp {
  readonly id: string;
  /** With the English parameter names; {@link syntaxIn} gives it in the pane's language. */
  readonly syntax: string;
  readonly summary: Readonly<Record<Language, string>>;
  readonly example: string;
}

export const FUNCTION_HELP: readonly FunctionHelp[] = [
  {
    id: "RFM.TABLE",
    syntax: "=SALES.RFM.TABLE(customer_ids, order_dates, amounts, [analysis_date], [headers], [window_days])",
    summary: {
      en: "One row per customer from order rows: customer, recency in days, number of orders, total amount; window_days counts only the last N days' orders.",
      zh: "由订单明细汇总出每位客户一行：客户、最近消费间隔（天）、消费频次、消费金额；时间窗天数只统计最近 N 天的订单。",
    },
    example: "=SALES.RFM.TABLE(A2:A5000, B2:B5000, C2:C5000, DATE(2024,12,31), TRUE, 365)",
  },
  {
    id: "RFM.SCORE",
    syntax: '=SALES.RFM.SCORE(recency, frequency, monetary, ["seed"|"custom"|"quantile"|"rfm-r"], [cuts])',
    summary: {
      en: "R, F and M scores (1–5) per customer: the course's table, your cut points, or quantile bands.",
      zh: "为每位客户打 R、F、M 分（1–5）：课程评分表、自定义分界点或分位数分段。",
    },
    example: "=SALES.RFM.SCORE(B2:B6, C2:C6, D2:D6)",
  },
  {
    id: "RFM.SEGMENT",
    syntax: '=SALES.RFM.SEGMENT(scores, ["cn8"|"course"|"rfm-r"|rules], [threshold], ["zh"|"en"])',
    summary: {
      en: "Segment label per customer from R, F, M scores: the 8 classic types, the course's 7 groups, the R package segments, or your rules.",
      zh: "根据 R、F、M 评分给出客户类型：八大客户类型、课程七类客户、R 包 rfm 分群或自定义规则。",
    },
    example: "=SALES.RFM.SEGMENT(SALES.RFM.SCORE(B2:B6, C2:C6, D2:D6))",
  },
  {
    id: "CUSTOMER.TAGS",
    syntax: '=SALES.CUSTOMER.TAGS(recency, frequency, monetary, [cuts], ["zh"|"en"])',
    summary: {
      en: "Three behaviour tags per customer: activity from recency, purchase frequency, and order value against the 1/3 and 2/3 quantiles.",
      zh: "每位客户三个行为标签：按最近消费间隔的活跃度、购买频次、按三分位数划分的客单价。",
    },
    example: "=SALES.CUSTOMER.TAGS(B2:B6, C2:C6, D2:D6) → 高活跃, 高频, 高客单价; 低活跃, 低频, 低客单价; …",
  },
  {
    id: "FUNNEL.TARGET",
    syntax: "=SALES.FUNNEL.TARGET(target, rates)",
    summary: {
      en: "People needed at the top of the funnel to reach a target: ceil(target ÷ product of the rates).",
      zh: "倒推漏斗：达成目标所需的顶层人数（进店客流），即 目标 ÷ 各环节比率之积，向上取整。",
    },
    example: "=SALES.FUNNEL.TARGET(100, {0.4,0.5,0.25}) → 2000",
  },
  {
    id: "FUNNEL.PLAN",
    syntax: "=SALES.FUNNEL.PLAN(target, rates)",
    summary: {
      en: "People needed at every stage to reach a target, top to bottom, each rounded up once.",
      zh: "倒推漏斗：达成目标每个环节所需的人数（自上而下），每个环节各自向上取整一次。",
    },
    example: "=SALES.FUNNEL.PLAN(100, B2:B4) with 40%, 50%, 25% → 2000; 800; 400; 100",
  },
  {
    id: "FUNNEL.STAGES",
    syntax: "=SALES.FUNNEL.STAGES(top, rates)",
    summary: {
      en: "Forward funnel: the people left after each step, from the top count, unrounded.",
      zh: "正推漏斗：从顶层人数出发，每个环节之后剩下的人数（不取整）。",
    },
    example: "=SALES.FUNNEL.STAGES(2000, B2:B4) with 40%, 50%, 25% → 2000; 800; 400; 100",
  },
  {
    id: "FUNNEL.LEVERS",
    syntax: "=SALES.FUNNEL.LEVERS(top, rates, improved)",
    summary: {
      en: "Which lever to pull: deals and gain when only the top count, or only one rate, moves to its improved value.",
      zh: "杠杆分析：只提升顶层人数或某一个比率时的成交数及增量。",
    },
    example: "=SALES.FUNNEL.LEVERS(2000, {0.4,0.5,0.25}, {2500,0.5,0.6,0.3}) → 125,25; 125,25; 120,20; 120,20",
  },
  {
    id: "FUNNEL.PYRAMID",
    syntax: "=SALES.FUNNEL.PYRAMID(target_revenue, avg_order, promotion_rates, [levels])",
    summary: {
      en: "Lead pyramid: customers needed in each lead grade from A down, each grade rounded up once. The course's 50; 150; 450; 1350; 4050 is a rate of exactly 1/3: its \"30%\" is rounded. At 30% each grade is 1/0.3 = 3.33 times the one above: 167, not 150.",
      zh: "客户分级金字塔：从 A 级往下，每一级需要的客户数，每级各自向上取整一次。课程的 50; 150; 450; 1350; 4050 对应的晋级率正好是 1/3，文中的“30%”是约数；按 30% 计算，每级是上一级的 1/0.3 = 3.33 倍：167 而不是 150。",
    },
    example: "=SALES.FUNNEL.PYRAMID(10000000, 200000, 1/3) → 50; 150; 450; 1350; 4050 (with 0.3: 50; 167; 556; 1852; 6173)",
  },
  {
    id: "FUNNEL.RATES",
    syntax: "=SALES.FUNNEL.RATES(counts)",
    summary: {
      en: "Observed conversion rates: each stage's count ÷ the count above it, top to bottom, ready for FUNNEL.TARGET; #DIV/0! below a stage of 0.",
      zh: "实际转化率：由各环节实际人数算出每一步的转化率（本环节 ÷ 上一环节），自上而下，可直接用于 FUNNEL.TARGET；上一环节为 0 时为 #DIV/0!。",
    },
    example: "=SALES.FUNNEL.RATES({2000;800;400;100}) → 0.4; 0.5; 0.25",
  },
  {
    id: "PIPELINE.WEIGHTED",
    syntax: "=SALES.PIPELINE.WEIGHTED(amounts, stages, stage_table)",
    summary: {
      en: "Weighted pipeline: each opportunity's amount × the win probability of its stage, looked up in a two-column stage table; #N/A in the row of an unknown stage.",
      zh: "商机加权：每个商机的金额 × 其阶段的赢率（在两列的阶段赢率表中查找）；表中没有的阶段在该行显示 #N/A。",
    },
    example: "=SALES.PIPELINE.WEIGHTED(B2:B7, C2:C7, F2:G6) → 400000; 72000; 80000; 10500; 360000; 200000 (SUM: 1122500)",
  },
  {
    id: "TARGET.SPLIT",
    syntax: "=SALES.TARGET.SPLIT(total, weights, [unit])",
    summary: {
      en: "Splits a total by weights into parts that add up to it exactly (largest remainder), in multiples of unit.",
      zh: "按权重拆分总目标，各部分之和严格等于总数（最大余数法），并按单位取整。",
    },
    example: "=SALES.TARGET.SPLIT(100000000, {50;30;15;5}, 10000)",
  },
  {
    id: "TARGET.SEASONAL",
    syntax: "=SALES.TARGET.SEASONAL(total, history, [unit], [season_length])",
    summary: {
      en: "Splits a yearly target over the months by their average share in past years; adds up exactly.",
      zh: "按历年各月平均占比把年度目标分解到各月，合计严格等于年度目标。",
    },
    example: "=SALES.TARGET.SEASONAL(120000000, B2:M4, 10000)",
  },
  {
    id: "TARGET.TIERS",
    syntax: "=SALES.TARGET.TIERS(standard, [floor_ratio], [challenge_ratio])",
    summary: {
      en: "Floor, standard and challenge targets from the standard (defaults 90% and 120%).",
      zh: "由标准目标得出保底、标准、挑战三档目标（默认 90% 与 120%）。",
    },
    example: "=SALES.TARGET.TIERS(50000000)",
  },
  {
    id: "QUOTA.ALLOCATE",
    syntax: "=SALES.QUOTA.ALLOCATE(total, history, [potential], [weights], [capacity], [unit])",
    summary: {
      en: "Quotas per salesperson from last year's sales, potential and an even share, with ramp factors for new hires.",
      zh: "按上年业绩、潜力与平均份额的加权，并考虑新人爬坡系数，为每位销售分配指标。",
    },
    example: "=SALES.QUOTA.ALLOCATE(12000000, B2:B6, C2:C6, {0.6,0.4,0}, D2:D6, 10000)",
  },
  {
    id: "QUOTA.RECONCILE",
    syntax: "=SALES.QUOTA.RECONCILE(total, commitments, weights, [unit])",
    summary: {
      en: "Keeps each bottom-up commitment and spreads the gap to the top-down total by weights.",
      zh: "保留自下而上的承诺，把与总目标的差额按权重分摊，合计等于总目标。",
    },
    example: "=SALES.QUOTA.RECONCILE(12000000, B2:B6, C2:C6, 10000)",
  },
  {
    id: "TARGET.PACE",
    syntax: "=SALES.TARGET.PACE(target, actual, elapsed, [plan])",
    summary: {
      en: "Progress: expected to date, pace index, projection, remaining needed and required pace; linear or by plan.",
      zh: "进度跟踪：应完成、进度指数、预计全期、尚需完成与剩余所需进度；线性或按计划节奏。",
    },
    example: "=SALES.TARGET.PACE(260000, 96000, 12/30)",
  },
  {
    id: "TARGET.GRID",
    syntax: "=SALES.TARGET.GRID(row_totals, column_totals, [weights], [unit])",
    summary: {
      en: "A salesperson × month plan whose every row adds up to its total and every column to its total, exactly, in multiples of unit.",
      zh: "销售 × 月份计划：每行合计等于该行合计、每列合计等于该列合计，严格相等，并按取整单位取整。",
    },
    example: "=SALES.TARGET.GRID(B2:B6, C1:N1, , 10000)",
  },
  {
    id: "KPI.CONVERSION",
    syntax: "=SALES.KPI.CONVERSION(buyers, visitors)",
    summary: { en: "Conversion rate: buyers ÷ visitors.", zh: "转化率：成交人数 ÷ 访客数。" },
    example: "=SALES.KPI.CONVERSION(100, 2000) → 5%",
  },
  {
    id: "KPI.AOV",
    syntax: "=SALES.KPI.AOV(revenue, orders)",
    summary: { en: "Average order value: revenue ÷ orders.", zh: "客单价：销售额 ÷ 订单数。" },
    example: "=SALES.KPI.AOV(10000000, 50) → 200000",
  },
  {
    id: "KPI.MARGIN",
    syntax: "=SALES.KPI.MARGIN(profit, revenue)",
    summary: { en: "Margin: profit ÷ revenue (negative for a loss).", zh: "利润率：利润 ÷ 销售额（亏损为负）。" },
    example: "=SALES.KPI.MARGIN(30000, 200000) → 15%",
  },
  {
    id: "KPI.ROI",
    syntax: "=SALES.KPI.ROI(return_amount, cost)",
    summary: { en: "Return on investment: (return − cost) ÷ cost.", zh: "投资回报率：（回报 − 成本）÷ 成本。" },
    example: "=SALES.KPI.ROI(150000, 100000) → 50%",
  },
  {
    id: "KPI.ROAS",
    syntax: "=SALES.KPI.ROAS(revenue, ad_spend)",
    summary: { en: "Return on ad spend: revenue ÷ ad spend.", zh: "广告投入产出比（ROAS）：销售额 ÷ 广告花费。" },
    example: "=SALES.KPI.ROAS(80000, 20000) → 4",
  },
  {
    id: "KPI.CAC",
    syntax: "=SALES.KPI.CAC(spend, new_customers)",
    summary: { en: "Customer acquisition cost: spend ÷ new customers.", zh: "获客成本（CAC）：投入 ÷ 新客户数。" },
    example: "=SALES.KPI.CAC(30000, 150) → 200",
  },
  {
    id: "KPI.REPURCHASE",
    syntax: "=SALES.KPI.REPURCHASE(repeat_buyers, buyers)",
    summary: { en: "Repurchase rate: repeat buyers ÷ buyers.", zh: "复购率：复购人数 ÷ 购买人数。" },
    example: "=SALES.KPI.REPURCHASE(300, 1200) → 25%",
  },
  {
    id: "KPI.CHURN",
    syntax: "=SALES.KPI.CHURN(lost, customers_at_start)",
    summary: { en: "Churn rate: customers lost ÷ customers at the start of the period.", zh: "流失率：流失客户数 ÷ 期初客户数。" },
    example: "=SALES.KPI.CHURN(50, 1000) → 5%",
  },
  {
    id: "KPI.COLLECTION",
    syntax: "=SALES.KPI.COLLECTION(collected, billed)",
    summary: { en: "Collection rate: collected ÷ billed.", zh: "回款率：回款金额 ÷ 开票（应收）金额。" },
    example: "=SALES.KPI.COLLECTION(950000, 1000000) → 95%",
  },
  {
    id: "KPI.CLV",
    syntax: "=SALES.KPI.CLV(margin_per_period, retention, [discount])",
    summary: {
      en: "Customer lifetime value: margin × retention ÷ (1 + discount − retention); discount defaults to 10%.",
      zh: "客户生命周期价值：每期毛利 × 留存率 ÷（1 + 折现率 − 留存率），折现率默认 10%。",
    },
    example: "=SALES.KPI.CLV(1000, 80%) → 2666.67",
  },
  {
    id: "KPI.SCORE",
    syntax: "=SALES.KPI.SCORE(actuals, targets, weights, [cap], [lower_is_better])",
    summary: {
      en: "KPI scorecard: weighted attainment, each KPI capped (default 120%); target ÷ actual where lower is better.",
      zh: "绩效考核得分：各项指标达成率的加权平均，单项封顶（默认 120%）；越低越好的指标按 目标 ÷ 实际 计算。",
    },
    example: "=SALES.KPI.SCORE(B2:B4, C2:C4, D2:D4, 1.2, E2:E4)",
  },
  {
    id: "COMMISSION.TIERED",
    syntax: '=SALES.COMMISSION.TIERED(amount, tiers, ["marginal"|"flat"])',
    summary: {
      en: "Tiered commission: each slice at its own rate (marginal), or the whole amount at the rate reached (flat).",
      zh: "阶梯提成：超额累进（每段按各自比例）或全额（整笔按达到档位的比例）。",
    },
    example: '=SALES.COMMISSION.TIERED(250000, {0,0.03;100000,0.05;200000,0.08}) → 12000; "flat" → 20000',
  },
  {
    id: "FORECAST.MA",
    syntax: "=SALES.FORECAST.MA(history, window, [horizon])",
    summary: {
      en: "Moving-average forecast: the mean of the last window values, repeated for each future period.",
      zh: "移动平均预测：取最近 window 期的平均值，作为未来每一期的预测。",
    },
    example: "=SALES.FORECAST.MA(B2:B11, 4, 3) with …35, 40, 30, 45 → 37.5; 37.5; 37.5",
  },
  {
    id: "FORECAST.SES",
    syntax: "=SALES.FORECAST.SES(history, horizon, [alpha])",
    summary: {
      en: "Simple exponential smoothing (R's HoltWinters without trend or season); alpha fitted when omitted.",
      zh: "一次指数平滑（与 R 的 HoltWinters 无趋势、无季节一致）；省略 alpha 时自动拟合。",
    },
    example: "=SALES.FORECAST.SES({30;25;35;25;20;30;35;40;30;45}, 1, 0.3) → 35.8409",
  },
  {
    id: "FORECAST.HOLT",
    syntax: "=SALES.FORECAST.HOLT(history, horizon, [alpha], [beta])",
    summary: {
      en: "Holt's linear-trend forecast (R's HoltWinters without season); omitted alpha and beta are fitted.",
      zh: "霍尔特线性趋势预测（与 R 的 HoltWinters 无季节一致）；省略的 alpha、beta 自动拟合。",
    },
    example: "=SALES.FORECAST.HOLT({10;12;15;14}, 2, 0.5, 0.5) → 16.9375; 18.5",
  },
  {
    id: "FORECAST.HW",
    syntax: '=SALES.FORECAST.HW(history, horizon, season_length, ["additive"|"multiplicative"], [alpha], [beta], [gamma])',
    summary: {
      en: "Seasonal Holt-Winters forecast following R's stats::HoltWinters (not Excel's FORECAST.ETS); needs two full seasons; omitted parameters are fitted.",
      zh: "季节性霍尔特-温特斯预测，与 R 的 stats::HoltWinters 一致（不是 Excel 的 FORECAST.ETS）；至少需要两个完整季节周期；省略的参数自动拟合。",
    },
    example: '=SALES.FORECAST.HW(B2:B25, 8, 4, "additive", 0.5, 0.3, 0.4) → 746.53; 808.22; …',
  },
  {
    id: "FORECAST.HW.PARAMS",
    syntax: '=SALES.FORECAST.HW.PARAMS(history, season_length, ["additive"|"multiplicative"])',
    summary: {
      en: "The alpha, beta, gamma that FORECAST.HW fits to a history, and the sum of squared one-step errors (SSE).",
      zh: "FORECAST.HW 为历史数据拟合出的 alpha、beta、gamma，以及一步预测误差平方和（SSE）。",
    },
    example: "=SALES.FORECAST.HW.PARAMS(B2:B145, 12) on AirPassengers → 0.248; 0.0345; 1; 21860.18",
  },
  {
    id: "FORECAST.ACCURACY",
    syntax: "=SALES.FORECAST.ACCURACY(actual, forecast, [training], [season_length])",
    summary: {
      en: "Forecast accuracy: MAE, RMSE, MAPE %, sMAPE % and MASE (MASE needs the training history, else #N/A).",
      zh: "预测准确度：MAE、RMSE、MAPE %、sMAPE % 和 MASE（MASE 需要训练期历史数据，否则为 #N/A）。",
    },
    example: "=SALES.FORECAST.ACCURACY({100;200;300;400}, {110;190;330;400}) → 12.5; 16.58; 6.25; 6.04; #N/A",
  },
  {
    id: "FORECAST.INTERVAL",
    syntax: '=SALES.FORECAST.INTERVAL(history, horizon, [season_length], ["ses"|"holt"|"additive"|"multiplicative"], [level], [alpha], [beta], [gamma])',
    summary: {
      en: "Forecast with a prediction interval (lower, forecast, upper per period), exactly R's predict.HoltWinters(prediction.interval = TRUE) — its approximations and, for multiplicative models, its index quirk included. The 乐观/基准/保守 scenarios are upper/forecast/lower.",
      zh: "带预测区间的预测（每期下限、预测值、上限），与 R 的 predict.HoltWinters(prediction.interval = TRUE) 完全一致，包括其近似及乘法模型中 R 自身的下标特例。乐观/基准/保守即上限/预测值/下限。",
    },
    example: '=SALES.FORECAST.INTERVAL(B2:B25, 8, 4, "additive", 0.95, 0.5, 0.3, 0.4) on the NIST quarterly sales → 670.04, 746.53, 823.03; …',
  },
  {
    id: "FORECAST.LINEAR",
    syntax: "=SALES.FORECAST.LINEAR(history, horizon, [season_length], [level])",
    summary: {
      en: "Least-squares trend plus season dummies (R's lm(y ~ t + factor(season)), solved by QR) with predict.lm's prediction interval; without season_length the straight line of Excel's FORECAST.LINEAR.",
      zh: "线性趋势加季节虚拟变量的最小二乘回归（R 的 lm(y ~ t + factor(season))，QR 分解），带 predict.lm 的预测区间；不填季节周期时即 Excel 的 FORECAST.LINEAR 直线。",
    },
    example: "=SALES.FORECAST.LINEAR(B2:B73, 12, 12) on USAccDeaths → 6569.6, 7557.3, 8545.0; …",
  },
  {
    id: "FORECAST.BACKTEST",
    syntax: "=SALES.FORECAST.BACKTEST(history, holdout, [season_length])",
    summary: {
      en: "Backtest: fits moving average, SES, Holt, Holt-Winters (additive, multiplicative) and LINEAR on all but the last holdout values and scores them (MAE, RMSE, MAPE %, MASE), best RMSE first.",
      zh: "回测：用除最后若干期外的数据拟合移动平均、一次指数平滑、霍尔特、霍尔特-温特斯（加法、乘法）与线性回归，在留出的各期上评分（MAE、RMSE、MAPE %、MASE），RMSE 最小的在前。",
    },
    example: "=SALES.FORECAST.BACKTEST(B2:B109, 8, 4) on UKgas → a header row and six methods",
  },
  {
    id: "CLV.SUMMARY",
    syntax: "=SALES.CLV.SUMMARY(customer_ids, order_dates, amounts, [analysis_date], [period_days], [headers])",
    summary: {
      en: "One row per customer for the CLV models: frequency = repeat purchase days, recency and T = periods (weeks by default) from the first purchase to the last one and to the analysis date, monetary_value = mean spend of the repeat purchases. As the Python package lifetimes.",
      zh: "为客户价值模型汇总每位客户一行：重复购买次数（购买天数 − 1）、首次到最后一次购买及到分析日期的期数（默认按周）、重复购买的平均金额。口径同 Python 包 lifetimes。",
    },
    example: "=SALES.CLV.SUMMARY(A2:A4961, B2:B4961, C2:C4961, DATE(1997,9,30)) → 2,357 customers; customer 1: 2; 30.43; 38.86; 22.35",
  },
  {
    id: "CLV.FIT",
    syntax: "=SALES.CLV.FIT(frequency, recency, T)",
    summary: {
      en: "Fits the BG/NBD model (Fader, Hardie & Lee 2005, \"Counting your customers the easy way\"): r and alpha describe how often customers buy, a and b how likely they are to stop after a purchase. Returns r, alpha, a, b and the log-likelihood.",
      zh: "拟合 BG/NBD 模型（Fader、Hardie、Lee 2005）：r、alpha 描述客户多久买一次，a、b 描述每次购买后流失的可能。返回 r、alpha、a、b 与对数似然。",
    },
    example: "=SALES.CLV.FIT(B2:B2358, C2:C2358, D2:D2358) → 0.2426; 4.4135; 0.7929; 2.4258; −9582.43 (CDNOW)",
  },
  {
    id: "CLV.PURCHASES",
    syntax: "=SALES.CLV.PURCHASES(params, t, frequency, recency, T)",
    summary: {
      en: "Expected orders of each customer in the next t periods (BG/NBD, equation 10 of Fader, Hardie & Lee 2005): with weeks, t = 52 is the expected orders in the next 12 months.",
      zh: "每位客户未来若干期的预期购买次数（BG/NBD，Fader、Hardie、Lee 2005 式 10）：按周时未来期数 52 即未来 12 个月预计下单几次。",
    },
    example: "=SALES.CLV.PURCHASES(H2:H6, 39, B2:B2358, C2:C2358, D2:D2358) → 1.226 for x = 2, t_x = 30.43, T = 38.86",
  },
  {
    id: "CLV.ALIVE",
    syntax: "=SALES.CLV.ALIVE(params, frequency, recency, T)",
    summary: {
      en: "Probability that each customer is still active, i.e. has not silently left. BG/NBD lets a customer drop out only right after a repeat purchase, so a customer with no repeat purchase gets 1: judge them by CLV.PURCHASES instead.",
      zh: "每位客户仍然活跃（没有悄悄流失）的概率。BG/NBD 只让客户在某次重复购买之后流失，所以没有重复购买的客户为 1：这类客户请看 CLV.PURCHASES。",
    },
    example: "=SALES.CLV.ALIVE(H2:H6, B2:B2358, C2:C2358, D2:D2358) → 0.7266 for x = 2, t_x = 30.43, T = 38.86",
  },
  {
    id: "CLV.SPEND.FIT",
    syntax: "=SALES.CLV.SPEND.FIT(frequency, monetary_value)",
    summary: {
      en: "Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, \"RFM and CLV: using iso-value curves\") on the customers with repeat purchases: p, q, v describe how much a purchase is worth and how that varies between customers.",
      zh: "用有重复购买的客户拟合 Gamma-Gamma 消费金额模型（Fader、Hardie、Lee 2005）：p、q、v 描述每次购买的金额及其在客户之间的差异。",
    },
    example: "=SALES.CLV.SPEND.FIT(B2:B2358, E2:E2358) → 6.25; 3.74; 15.44; log-likelihood (946 repeat customers of CDNOW)",
  },
  {
    id: "CLV.VALUE",
    syntax: "=SALES.CLV.VALUE(params, spend_params, frequency, recency, T, monetary_value, [months], [discount], [periods_per_month])",
    summary: {
      en: "Predicted value of each customer over the next months, discounted monthly: expected orders (BG/NBD) × expected spend per order (Gamma-Gamma), as lifetimes' customer_lifetime_value.",
      zh: "每位客户未来若干个月按月折现的预测价值：预期购买次数（BG/NBD）× 每次预期金额（Gamma-Gamma），同 lifetimes 的 customer_lifetime_value。",
    },
    example: "=SALES.CLV.VALUE(H2:H6, I2:I5, B2:B2358, C2:C2358, D2:D2358, E2:E2358) → 36.27 for CDNOW customer 1 (12 months, 1% a month)",
  },
];

/**
 * A syntax line with the parameter names Excel's tooltips show in `language`: in Chinese
 * "=SALES.RFM.TABLE(客户编号, 下单日期, 金额, [分析日期], [标题行])". Option values in quotes ("seed") are typed
 * as they are and stay.
 */
export function syntaxIn(language: Language, syntax: string): string {
  const call = /^(=SALES\.[A-Z.]+)\((.*)\)$/.exec(syntax);
  if (call === null || language === "en") return syntax;
  const args = (call[2] as string).split(/("[^"]*")/).map((part, i) => (i % 2 === 1 ? part : argumentName(language, part)));
  return `${call[1]}(${args.join("")})`;
}
