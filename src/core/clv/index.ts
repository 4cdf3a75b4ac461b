export * from "./clv-summary";
export * from "./hypergeometric";
export * from "./log-gamma";
