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
  // course: the course's seven customer groups (课程七类客户).
  course_important_value: { zh: "重要价值客户", en: "Important value" },
  course_win_back: { zh: "重要挽回客户", en: "Win back" },
  course_dormant: { zh: "沉睡客户", en: "Dormant" },
  course_keep: { zh: "重要保持客户", en: "Keep" },
  course_develop: { zh: "重要发展客户", en: "Develop" },
  course_low_value: { zh: "低价值客户", en: "Low value" },
  course_average_value: { zh: "一般价值客户", en: "Average value" },
};

/** Labels of CUSTOMER.TAGS (src/core/rfm/customer-tags.ts): the course's 行为特征 / 消费特征 tags. */
export const TAG_LABELS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  // Activity, from recency.
  highly_active: { zh: "高活跃", en: "Highly active" },
  active: { zh: "中活跃", en: "Active" },
  low_activity: { zh: "低活跃", en: "Low activity" },
  dormant: { zh: "沉睡", en: "Dormant" },
  // Purchase frequency.
  frequent: { zh: "高频", en: "Frequent" },
  regular: { zh: "中频", en: "Regular" },
  occasional: { zh: "低频", en: "Occasional" },
  // Order value (客单价).
  high_aov: { zh: "高客单价", en: "High AOV" },
  mid_aov: { zh: "中客单价", en: "Mid AOV" },
  low_aov: { zh: "低客单价", en: "Low AOV" },
  no_orders: { zh: "无订单", en: "No orders" },
};

/** Header row of RFM.TABLE. */
export const RFM_TABLE_HEADERS: Readonly<Record<Language, readonly [string, string, string, string]>> = {
  zh: ["客户", "最近消费间隔(天)", "消费频次", "消费金额"],
  en: ["customer_id", "recency_days", "frequency", "monetary"],
};
