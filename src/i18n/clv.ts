import type { Language } from "./language";

/**
 * Header row of CLV.SUMMARY. In English the column names of lifetimes' `summary_data_from_transaction_data`
 * (what the models' arguments are called); in Chinese what each column counts.
 */
export const CLV_SUMMARY_HEADERS: Readonly<Record<Language, readonly [string, string, string, string, string]>> = {
  zh: ["客户", "重复购买次数", "首末购买间隔(期)", "观察期长(期)", "复购平均金额"],
  en: ["customer_id", "frequency", "recency", "T", "monetary_value"],
};
