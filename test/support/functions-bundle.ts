import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { CustomFunctionsError, ERROR_CODES } from "../../src/workbench/custom-functions-stand-in";
import { distFile } from "./dist";

/** A custom function as the bundle associates it. */
export type BundleFunction = (...args: unknown[]) => unknown;

export interface LoadedBundle {
  /** What `CustomFunctions.associate` received, by id. */
  readonly associated: Map<string, BundleFunction>;
  /** The function associated with `id` (fails the test when there is none). */
  fn(id: string): BundleFunction;
  /** The `CustomFunctions.Error` class the bundle saw: `instanceof` tells an Excel error from a crash. */
  readonly ExcelError: typeof CustomFunctionsError;
}

export interface BundleOptions {
  /**
   * `Office.context.displayLanguage` ("en-US", "zh-CN"); without it the context has no `Office`, as in a
   * runtime that has not said its language.
   */
  readonly displayLanguage?: string;
  /**
   * "own" (default): a `CustomFunctions.Error` class of this load only, so a test proves the bundle throws
   * the runtime's class; "jest": the test global's (custom-functions-global.ts), so errors compare with
   * those the adapters throw in the same test.
   */
  readonly errors?: "own" | "jest";
}

/**
 * dist/functions.js loaded the way Excel's functions runtime loads it: a fresh global with `self`,
 * `window` and a `CustomFunctions` whose `associate` records, the script run once. Needs `npm run build`
 * (a *.built.test.ts).
 */
export function loadBundle(options: BundleOptions = {}): LoadedBundle {
  const associated = new Map<string, BundleFunction>();
  const ExcelError =
    options.errors === "jest" ? (globalThis as unknown as { CustomFunctions: { Error: typeof CustomFunctionsError } }).CustomFunctions.Error : class BundleError extends CustomFunctionsError {};
  const sandbox: Record<string, unknown> = {
    CustomFunctions: { Error: ExcelError, ErrorCode: ERROR_CODES, associate: (id: string, fn: BundleFunction) => associated.set(id, fn) },
    console,
  };
  if (options.displayLanguage !== undefined) sandbox.Office = { onReady: () => Promise.resolve({ host: "Excel" }), context: { displayLanguage: options.displayLanguage } };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  sandbox.globalThis = sandbox;
  runInContext(readFileSync(distFile("functions.js"), "utf8"), createContext(sandbox), { filename: "dist/functions.js" });
  return {
    associated,
    ExcelError,
    fn(id) {
      const found = associated.get(id);
      if (found === undefined) throw new Error(`dist/functions.js associates no ${id}`);
      return found;
    },
  };
}
