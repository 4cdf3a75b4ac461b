import type { Language } from "./language";

/** Labels of the built-in segment keys (src/core/rfm/rfm-segment.ts), in both languages. */
export const SEGMENT_LABELS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  // cn8: the eight classic RFM customer types (RFM 八大客户类型).
  important_value: { zh: "重要价值客户", en: "Important value" },
  important_retain: { zh: "重要保持客户", en: "Important retain" },
  important_develop: { zh: "重要发展客户", en: "Important develop" },
  important_winback: { zh: "重要挽留客户", en: "Important win-back" },
  general_value: { zh: "一般价值客户", en: "General value" },
  general_retain: { zh: "一般保持客户", en: "General retain" },
  general_develop: { zh: "一般发展客户", en: "General develop" },
  general_winback: { zh: "一般挽留客户", en: "General win-back" },
  // rfm-r: the R package rfm vignette segments.
  champions: { zh: "冠军客户", en: "Champions" },
  potential_loyalist: { zh: "潜在忠诚客户", en: "Potential Loyalist" },
  loyal_customers: { zh: "忠诚客户", en: "Loyal Customers" },
  promising: { zh: "有潜力客户", en: "Promising" },
  new_customers: { zh: "新客户", en: "New Customers" },
  cant_lose_them: { zh: "不能失去的客户", en: "Can't Lose Them" },
  at_risk: { zh: "流失风险客户", en: "At Risk" },
  need_attention: { zh: "需要关注客户", en: "Need Attention" },
  about_to_sleep: { zh: "即将沉睡客户", en: "About To Sleep" },
  lost: { zh: "已流失客户", en: "Lost" },
  others: { zh: "其他", en: "Others" },
};

/** Header row of RFM.TABLE. */
export const RFM_TABLE_HEADERS: Readonly<Record<Language, readonly [string, string, string, string]>> = {
  zh: ["客户", "最近消费间隔(天)", "消费频次", "消费金额"],
  en: ["customer_id", "recency_days", "frequency", "monetary"],
};
