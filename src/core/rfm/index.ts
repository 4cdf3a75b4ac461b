export * from "./customer-key";
export * from "./rfm-table";
export * from "./rfm-score";
export * from "./rfm-segment";
export * from "./customer-tags";
