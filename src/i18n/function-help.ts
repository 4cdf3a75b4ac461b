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
];
