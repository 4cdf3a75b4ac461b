import { readMetadata } from "../dist";
import { loadFunctionsBundle } from "../functions-bundle";
import { FUNCTIONS } from "./plausible";
import { FuzzReport, fuzzFunctions } from "./runner";

export { formatReport, passed } from "./runner";
export type { FuzzReport } from "./runner";

export interface FuzzBuildOptions {
  readonly runs: number;
  readonly seed: number;
  readonly only?: readonly string[];
  readonly path?: string;
  readonly timeoutMs?: number;
  readonly shrink?: boolean;
}

/**
 * Fuzzes the built add-in: dist/functions.js loaded twice as Excel loads it (English and Chinese Office),
 * dist/functions.json for the parameters and result shapes. Used by `npm run fuzz` (scripts/fuzz.mjs)
 * and by test/fuzz/functions.fuzz.built.test.ts.
 */
export function fuzzBuild(options: FuzzBuildOptions): Promise<FuzzReport> {
  const bundles = { en: loadFunctionsBundle({ displayLanguage: "en-US" }), zh: loadFunctionsBundle({ displayLanguage: "zh-CN" }) };
  return fuzzFunctions({ ...options, bundles, metadata: readMetadata().functions, table: FUNCTIONS });
}
