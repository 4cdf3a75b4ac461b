export * from "./split";
export * from "./seasonal";
export * from "./tiers";
export * from "./quota";
export * from "./pace";
export * from "./grid";
