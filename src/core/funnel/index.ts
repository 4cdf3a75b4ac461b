export * from "./funnel-plan";
export * from "./funnel-target";
export * from "./funnel-stages";
export * from "./funnel-levers";
export * from "./funnel-pyramid";
export * from "./funnel-rates";
export * from "./pipeline-weighted";
