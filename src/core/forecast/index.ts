export * from "./accuracy";
export * from "./checks";
export * from "./decompose";
export * from "./fit";
export * from "./forecast";
export * from "./holt-winters";
export * from "./optimise";
