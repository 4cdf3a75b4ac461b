import type { Compiler } from "webpack";

/** Writes the Chinese custom-function metadata (functions-zh-CN.json) from functions.json; see the .cjs. */
export class ZhMetadataPlugin {
  constructor(options?: { input?: string; output?: string });
  readonly input: string;
  readonly output: string;
  apply(compiler: Compiler): void;
}
