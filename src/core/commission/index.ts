export * from "./commission-tiered";
