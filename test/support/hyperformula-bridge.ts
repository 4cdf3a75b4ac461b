import { readFileSync } from "node:fs";
import { HyperFormula } from "hyperformula";
import {
  CustomFunction,
  CustomFunctionsFile,
  ENGINE_CONFIG,
  keepSpillsSized,
  namespaceFromManifest,
  registerCustomFunctions as registerWithHyperFormula,
  Registration,
} from "../../src/workbench/hyperformula-bridge";
import { distFile } from "./dist";
import { loadBundle } from "./functions-bundle";

/**
 * Node conveniences around the workbench's generic bridge (src/workbench/hyperformula-bridge.ts, which
 * says how arguments, errors and spills behave): the functions come from the built dist/functions.js,
 * run in a `vm` context the way Excel's runtime loads it (their `CustomFunctions.associate` calls are
 * recorded), the metadata from dist/functions.json and the namespace from dist/manifest.xml.
 * A new function needs nothing here: build, and it is registered.
 */

export { ENGINE_CONFIG, GROWN_SPILL, keepSpillsSized } from "../../src/workbench/hyperformula-bridge";
export type { CustomFunction, Registration } from "../../src/workbench/hyperformula-bridge";

/** The `<Namespace>` of the built manifest (`SALES`), or `undefined` when it declares none. */
export function manifestNamespace(): string | undefined {
  return namespaceFromManifest(readFileSync(distFile("manifest.xml"), "utf8"));
}

/**
 * Runs dist/functions.js in a fresh context (functions-bundle.ts) and returns what it associated. Its
 * `CustomFunctions.Error` is the test global's (see custom-functions-global.ts), so a test can compare the
 * errors a function throws.
 */
export function loadFunctionsBundle(): Map<string, CustomFunction> {
  return loadBundle({ errors: "jest" }).associated as Map<string, CustomFunction>;
}

export interface RegisterOptions {
  /** Defaults to dist/functions.json. */
  readonly file?: CustomFunctionsFile;
  /** Defaults to the functions dist/functions.js associates. */
  readonly functions?: ReadonlyMap<string, CustomFunction> | Readonly<Record<string, CustomFunction>>;
  /** Defaults to the built manifest's namespace; `null` registers the bare ids only. */
  readonly namespace?: string | null;
}

/** Registers the built add-in's functions (or the given ones) with HyperFormula; see the bridge. */
export function registerCustomFunctions(options: RegisterOptions = {}): Registration {
  const metadata = options.file ?? (JSON.parse(readFileSync(distFile("functions.json"), "utf8")) as CustomFunctionsFile);
  const given = options.functions;
  const functions = given === undefined ? loadFunctionsBundle() : given instanceof Map ? given : new Map(Object.entries(given));
  const namespace = options.namespace === undefined ? (manifestNamespace() ?? null) : options.namespace;
  return registerWithHyperFormula({ metadata, functions, namespace });
}

/**
 * A one-sheet engine whose array formulas keep their spills sized ({@link keepSpillsSized}). Values are
 * entered first, formulas after the engine has computed them, so that each formula is sized on its
 * inputs. `formulas` maps A1 addresses to formulas.
 */
export function buildSheet(values: ReadonlyArray<ReadonlyArray<unknown>>, formulas: Readonly<Record<string, string>> = {}): HyperFormula {
  const hf = HyperFormula.buildFromArray(values as never, ENGINE_CONFIG);
  keepSpillsSized(hf);
  for (const [a1, formula] of Object.entries(formulas)) hf.setCellContents(address(hf, a1), formula);
  return hf;
}

/** The sheet address of an A1 reference on the first sheet. */
export function address(hf: HyperFormula, a1: string): { sheet: number; col: number; row: number } {
  const parsed = hf.simpleCellAddressFromString(a1, 0);
  if (parsed === undefined) throw new Error(`not a cell address: ${a1}`);
  return parsed;
}

/** The values an A1 range shows, row by row (errors as DetailedCellError, empty cells as null). */
export function valuesOf(hf: HyperFormula, a1Range: string): unknown[][] {
  const range = hf.simpleCellRangeFromString(a1Range, 0);
  if (range === undefined) throw new Error(`not a range: ${a1Range}`);
  return hf.getRangeValues(range);
}
