export * from "./kpi-ratios";
export * from "./kpi-clv";
export * from "./kpi-score";
