import { readFileSync } from "node:fs";
import { Context, createContext, runInContext } from "node:vm";
import { CustomFunctionsError, ERROR_CODES } from "../../src/workbench/custom-functions-stand-in";
import { distFile } from "./dist";

/**
 * dist/functions.js loaded the way Excel's functions runtime loads it: a fresh global with `self`,
 * `window`, `CustomFunctions` (Error, ErrorCode, an `associate` that records) and, when a display language
 * is given, an `Office` whose `onReady` resolves and whose `context.displayLanguage` is the Office UI
 * language; the script runs once and registers its functions through `associate`.
 *
 * Plain Node with no jest globals, so that the built tests and `npm run fuzz` (scripts/fuzz.mjs) share it.
 */

export type CustomFunction = (...args: unknown[]) => unknown;
/** A custom function as the bundle associates it. */
export type BundleFunction = CustomFunction;

export interface LoadedBundle {
  /** The functions the bundle associated, by id. */
  readonly functions: ReadonlyMap<string, CustomFunction>;
  /** The `CustomFunctions` object the bundle saw. */
  readonly CustomFunctions: { Error: typeof CustomFunctionsError; ErrorCode: typeof ERROR_CODES; associate: (id: string, fn: CustomFunction) => void };
  /** The global the bundle ran in (to run more code in the same realm). */
  readonly context: Context;
  /** The Office UI language the bundle was given (`undefined`: no `Office` in the context). */
  readonly displayLanguage: string | undefined;
}

export interface LoadOptions {
  /**
   * Office UI language tag ("en-US", "zh-CN"). Default en-US; `null` leaves `Office` out of the context, as
   * in a runtime that has not said its language.
   */
  readonly displayLanguage?: string | null;
  /** The bundle's source. Default: dist/functions.js. */
  readonly source?: string;
  /** The file name shown in stack traces. */
  readonly filename?: string;
  /** The `CustomFunctions.Error` class to hand the bundle. Default: the shared stand-in's. */
  readonly errorClass?: typeof CustomFunctionsError;
}

export function loadFunctionsBundle(options: LoadOptions = {}): LoadedBundle {
  const displayLanguage = options.displayLanguage === null ? undefined : (options.displayLanguage ?? "en-US");
  const functions = new Map<string, CustomFunction>();
  const CustomFunctions = {
    Error: options.errorClass ?? CustomFunctionsError,
    ErrorCode: ERROR_CODES,
    associate: (id: string, fn: CustomFunction) => void functions.set(id, fn),
  };
  const sandbox: Record<string, unknown> = { CustomFunctions, console };
  if (displayLanguage !== undefined) {
    sandbox.Office = { onReady: () => Promise.resolve({ host: "Excel", platform: null }), context: { displayLanguage } };
  }
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  sandbox.globalThis = sandbox;
  const context = createContext(sandbox);
  const source = options.source ?? readFileSync(distFile("functions.js"), "utf8");
  runInContext(source, context, { filename: options.filename ?? "dist/functions.js" });
  return { functions, CustomFunctions, context, displayLanguage };
}

export interface BundleOptions {
  /** As {@link LoadOptions.displayLanguage}, but without it the context has no `Office`. */
  readonly displayLanguage?: string;
  /**
   * "own" (default): a `CustomFunctions.Error` class of this load only, so a test proves the bundle throws
   * the runtime's class; "jest": the test global's (custom-functions-global.ts), so errors compare with
   * those the adapters throw in the same test.
   */
  readonly errors?: "own" | "jest";
}

/** For jest tests: the bundle with its associated functions by id, `fn(id)`, and the error class it saw. */
export function loadBundle(options: BundleOptions = {}): {
  readonly associated: ReadonlyMap<string, BundleFunction>;
  fn(id: string): BundleFunction;
  readonly ExcelError: typeof CustomFunctionsError;
} {
  const ExcelError =
    options.errors === "jest"
      ? (globalThis as unknown as { CustomFunctions: { Error: typeof CustomFunctionsError } }).CustomFunctions.Error
      : class BundleError extends CustomFunctionsError {};
  const { functions } = loadFunctionsBundle({ displayLanguage: options.displayLanguage ?? null, errorClass: ExcelError });
  return {
    associated: functions,
    ExcelError,
    fn(id) {
      const found = functions.get(id);
      if (found === undefined) throw new Error(`dist/functions.js associates no ${id}`);
      return found;
    },
  };
}
