import type { Language } from "./language";

/** The task pane's function reference: one entry per SALES function, in both languages. */
export interface FunctionHelp {
  readonly id: string;
  readonly syntax: string;
  readonly summary: Readonly<Record<Language, string>>;
  readonly example: string;
}

export const FUNCTION_HELP: readonly FunctionHelp[] = [
  {
    id: "RFM.TABLE",
    syntax: "=SALES.RFM.TABLE(customer_ids, order_dates, amounts, [analysis_date], [headers])",
    summary: {
      en: "One row per customer from order rows: customer, recency in days, number of orders, total amount.",
      zh: "由订单明细汇总出每位客户一行：客户、最近消费间隔（天）、消费频次、消费金额。",
    },
    example: "=SALES.RFM.TABLE(A2:A5000, B2:B5000, C2:C5000, DATE(2024,12,31), TRUE)",
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
    syntax: '=SALES.RFM.SEGMENT(scores, ["cn8"|"rfm-r"|rules], [threshold], ["zh"|"en"])',
    summary: {
      en: "Segment label per customer from R, F, M scores: the 8 classic types, the R package segments, or your rules.",
      zh: "根据 R、F、M 评分给出客户类型：八大客户类型、R 包 rfm 分群或自定义规则。",
    },
    example: "=SALES.RFM.SEGMENT(SALES.RFM.SCORE(B2:B6, C2:C6, D2:D6))",
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
      en: "Lead pyramid: customers needed in each lead grade from A down, each grade rounded up once.",
      zh: "客户分级金字塔：从 A 级往下，每一级需要的客户数，每级各自向上取整一次。",
    },
    example: "=SALES.FUNNEL.PYRAMID(10000000, 200000, 0.3) → 50; 167; 556; 1852; 6173",
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
];
