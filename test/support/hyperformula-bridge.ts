import { readFileSync } from "node:fs";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { FunctionMetadata as HfFunctionMetadata, FunctionPluginDefinition, ImplementedFunctions } from "hyperformula";
import * as commission from "../../src/functions/commission";
import * as forecast from "../../src/functions/forecast";
import * as funnel from "../../src/functions/funnel";
import * as kpi from "../../src/functions/kpi";
import * as rfm from "../../src/functions/rfm";
import * as targets from "../../src/functions/targets";
import { distFile, FunctionMetadata } from "./dist";

/**
 * Runs the add-in's custom functions inside HyperFormula (GPL-3.0 — a test-only dependency, never
 * imported from src/), so tests can write `=SALES.RFM.SCORE(A2:A6,B2:B6,C2:C6)` and read the spill.
 *
 * Every function listed in dist/functions.json is registered, under its id (`RFM.SCORE`) and under the
 * name Excel shows (`SALES.RFM.SCORE`, the namespace read from dist/manifest.xml; HyperFormula's
 * function-name token allows any number of periods). Arguments reach the real adapters the way Excel
 * passes them:
 * - a `"dimensionality": "matrix"` parameter gets rows of raw cell values; an empty cell in a range is
 *   `""`; a single cell or a scalar is `[[value]]`;
 * - a scalar parameter gets the value; a reference to an empty cell is `""`; a range of several cells
 *   is `#VALUE!` (Excel would lift the function over the array — not modelled);
 * - an omitted optional argument, and a skipped one (`F(a,,c)`), is `null`;
 * - an error value anywhere in an argument is the result, without calling the function: that is what
 *   Excel does unless functions.json sets `allowErrorForDataTypeAny`, which the bridge refuses.
 * Scalar parameter types (`string`, `boolean`) are not coerced: the adapters declare them but coerce
 * themselves. A thrown `CustomFunctions.Error` becomes a `CellError` of the same code and message.
 */

/** How many rows and columns a result spills to. */
export interface SpillShape {
  rows: number;
  columns: number;
}

/** Rows × columns of each argument as written in the formula (`undefined` when omitted or skipped). */
export type ArgumentShapes = ReadonlyArray<SpillShape | undefined>;

/**
 * The spill size of a matrix result. HyperFormula asks for it once, when the formula is entered, before
 * evaluating anything, and keeps it until the formula is entered again.
 * - a function of the argument shapes, when the size follows from them. May be an upper bound: a
 *   smaller result is padded with empty cells (Excel would spill exactly; the extra cells read as empty
 *   either way). Rows a user may still fill in (trailing blanks) stay inside the spill this way.
 * - `"evaluate"`, when the size depends on the data (RFM.TABLE: one row per distinct customer): the
 *   bridge runs the function once in the size method and uses the size of what it returns. This needs
 *   the inputs computed when the formula is entered (see {@link buildSheet}), and a later result of
 *   another size cannot follow: a larger one shows #SPILL! (see {@link GROWN_SPILL}), a smaller one is
 *   padded. Re-entering the formula sizes it again (`rebuildAndRecalculate()` does not help: it rebuilds
 *   the sheet cell by cell, and a formula above its data is sized before the data is there).
 */
export type SpillRule = ((args: ArgumentShapes) => SpillShape) | "evaluate";

export interface Implementation {
  /** The adapter exactly as `CustomFunctions.associate` receives it. */
  readonly fn: (...args: any[]) => unknown;
  /** Required for a matrix result. */
  readonly spill?: SpillRule;
}

/** Cells of a list argument (one row or one column). */
const listLength = (shape: SpillShape | undefined): number => (shape === undefined ? 1 : Math.max(shape.rows, shape.columns));

/** A list result `extra` cells longer than a list argument, in its orientation (a single cell is a column). */
const alongList = (shape: SpillShape | undefined, extra: number): SpillShape =>
  shape !== undefined && shape.rows === 1 && shape.columns > 1 ? { rows: 1, columns: shape.columns + extra } : { rows: listLength(shape) + extra, columns: 1 };

/**
 * Function id → adapter. Each new functions file adds its entries here; the bridge refuses to start when
 * functions.json has an id this table lacks, or this table has an id functions.json lacks.
 */
export const IMPLEMENTATIONS: Readonly<Record<string, Implementation>> = {
  "RFM.TABLE": { fn: rfm.rfmTable, spill: "evaluate" },
  "RFM.SCORE": { fn: rfm.rfmScore, spill: (args) => ({ rows: listLength(args[0]), columns: 3 }) },
  "RFM.SEGMENT": { fn: rfm.rfmSegment, spill: (args) => ({ rows: args[0]?.rows ?? 1, columns: 1 }) },

  "FUNNEL.TARGET": { fn: funnel.funnelTarget },
  "FUNNEL.PLAN": { fn: funnel.funnelPlan, spill: (args) => alongList(args[1], 1) },
  "FUNNEL.STAGES": { fn: funnel.funnelStages, spill: (args) => alongList(args[1], 1) },
  "FUNNEL.LEVERS": { fn: funnel.funnelLevers, spill: (args) => ({ rows: listLength(args[1]) + 1, columns: 2 }) },
  // The number of grades can come from the `levels` value.
  "FUNNEL.PYRAMID": { fn: funnel.funnelPyramid, spill: "evaluate" },

  "TARGET.SPLIT": { fn: targets.targetSplit, spill: (args) => args[1] ?? { rows: 1, columns: 1 } },
  // The season's length can come from the `season_length` value.
  "TARGET.SEASONAL": { fn: targets.targetSeasonal, spill: "evaluate" },
  "TARGET.TIERS": { fn: targets.targetTiers, spill: () => ({ rows: 1, columns: 3 }) },
  "QUOTA.ALLOCATE": { fn: targets.quotaAllocate, spill: (args) => alongList(args[1], 0) },
  "QUOTA.RECONCILE": { fn: targets.quotaReconcile, spill: (args) => alongList(args[1], 0) },
  "TARGET.PACE": { fn: targets.targetPace, spill: () => ({ rows: 1, columns: 5 }) },

  "KPI.CONVERSION": { fn: kpi.kpiConversion },
  "KPI.AOV": { fn: kpi.kpiAov },
  "KPI.MARGIN": { fn: kpi.kpiMargin },
  "KPI.ROI": { fn: kpi.kpiRoi },
  "KPI.ROAS": { fn: kpi.kpiRoas },
  "KPI.CAC": { fn: kpi.kpiCac },
  "KPI.REPURCHASE": { fn: kpi.kpiRepurchase },
  "KPI.CHURN": { fn: kpi.kpiChurn },
  "KPI.COLLECTION": { fn: kpi.kpiCollection },
  "KPI.CLV": { fn: kpi.kpiClv },
  "KPI.SCORE": { fn: kpi.kpiScore },

  "COMMISSION.TIERED": { fn: commission.commissionTiered },

  // Forecasts: `horizon` values along history; the horizon can come from a cell, so the spill is sized by evaluating.
  "FORECAST.MA": { fn: forecast.forecastMa, spill: "evaluate" },
  "FORECAST.SES": { fn: forecast.forecastSes, spill: "evaluate" },
  "FORECAST.HOLT": { fn: forecast.forecastHolt, spill: "evaluate" },
  "FORECAST.HW": { fn: forecast.forecastHw, spill: "evaluate" },
  "FORECAST.HW.PARAMS": { fn: forecast.forecastHwParams, spill: (args) => (args[0]?.rows === 1 && (args[0]?.columns ?? 1) > 1 ? { rows: 1, columns: 4 } : { rows: 4, columns: 1 }) },
  "FORECAST.ACCURACY": { fn: forecast.forecastAccuracy, spill: (args) => (args[0]?.rows === 1 && (args[0]?.columns ?? 1) > 1 ? { rows: 1, columns: 5 } : { rows: 5, columns: 1 }) },
};

/** Message of the #SPILL! shown when a result outgrew the size fixed when its formula was entered. */
export const GROWN_SPILL = "bridge: the result outgrew the spill size fixed when the formula was entered";

/** The HyperFormula config the formula tests use: the GPL licence key, Excel 365's dynamic arrays. */
export const ENGINE_CONFIG = { licenseKey: "gpl-v3", useArrayArithmetic: true } as const;

interface CustomFunctionsFile {
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

/** The `<Namespace>` of the built manifest (`SALES`), or `undefined` when it declares none. */
export function manifestNamespace(): string | undefined {
  const xml = readFileSync(distFile("manifest.xml"), "utf8");
  const resid = /<Namespace\s+resid="([^"]+)"/.exec(xml)?.[1];
  if (resid === undefined) return undefined;
  const value = new RegExp(`<bt:String\\s+id="${resid.replace(/\./g, "\\.")}"\\s+DefaultValue="([^"]+)"`).exec(xml)?.[1];
  if (value === undefined) throw new Error(`dist/manifest.xml: <Namespace resid="${resid}"> has no <bt:String>`);
  return value;
}

export interface Registration {
  /** Every name a formula can call, e.g. RFM.SCORE and SALES.RFM.SCORE. */
  readonly names: readonly string[];
  readonly plugin: FunctionPluginDefinition;
  /** Removes the functions again (engines built meanwhile keep them). */
  unregister(): void;
}

export interface RegisterOptions {
  /** Defaults to dist/functions.json. */
  readonly file?: CustomFunctionsFile;
  /** Defaults to {@link IMPLEMENTATIONS}. */
  readonly implementations?: Readonly<Record<string, Implementation>>;
  /** Defaults to the built manifest's namespace; `null` registers the bare ids only. */
  readonly namespace?: string | null;
}

/**
 * Registers every function of functions.json with HyperFormula (globally: engines built afterwards see
 * them). Throws when the metadata and the implementations disagree or use a feature not modelled here.
 */
export function registerCustomFunctions(options: RegisterOptions = {}): Registration {
  const file = options.file ?? (JSON.parse(readFileSync(distFile("functions.json"), "utf8")) as CustomFunctionsFile);
  const implementations = options.implementations ?? IMPLEMENTATIONS;
  const namespace = options.namespace === undefined ? manifestNamespace() : options.namespace;
  const entries = bind(file, implementations);

  const byName = new Map<string, Entry>();
  for (const entry of entries) {
    byName.set(entry.metadata.id, entry);
    if (namespace) byName.set(`${namespace}.${entry.metadata.id}`, entry);
  }

  const implementedFunctions: ImplementedFunctions = {};
  for (const [name, entry] of byName) implementedFunctions[name] = hyperFormulaMetadata(entry);
  const plugin = createPlugin(byName, implementedFunctions);
  const names = [...byName.keys()];
  HyperFormula.registerFunctionPlugin(plugin, { enGB: Object.fromEntries(names.map((name) => [name, name])) });
  return { names, plugin, unregister: () => HyperFormula.unregisterFunctionPlugin(plugin) };
}

interface Entry {
  readonly metadata: FunctionMetadata;
  readonly implementation: Implementation;
}

const UNSUPPORTED_OPTIONS = ["stream", "cancelable", "requiresAddress", "requiresParameterAddresses", "requiresStreamAddress", "capturesCallingObject"];

function bind(file: CustomFunctionsFile, implementations: Readonly<Record<string, Implementation>>): Entry[] {
  if (file.allowErrorForDataTypeAny) {
    throw new Error("functions.json sets allowErrorForDataTypeAny: error values as arguments are not modelled by the bridge");
  }
  const ids = new Set(file.functions.map((f) => f.id));
  const stale = Object.keys(implementations).filter((id) => !ids.has(id));
  if (stale.length > 0) throw new Error(`IMPLEMENTATIONS has ids that functions.json lacks: ${stale.join(", ")}`);

  return file.functions.map((metadata) => {
    const implementation = implementations[metadata.id];
    if (implementation === undefined) {
      throw new Error(`functions.json has ${metadata.id} but the bridge has no implementation: add it to IMPLEMENTATIONS in test/support/hyperformula-bridge.ts`);
    }
    if (implementation.fn.length !== metadata.parameters.length) {
      throw new Error(`${metadata.id}: functions.json lists ${metadata.parameters.length} parameters, the implementation takes ${implementation.fn.length}`);
    }
    if (metadata.result.dimensionality === "matrix" && implementation.spill === undefined) {
      throw new Error(`${metadata.id} returns a matrix: give it a spill rule in IMPLEMENTATIONS`);
    }
    const repeating = metadata.parameters.find((p) => p.repeating);
    if (repeating !== undefined) throw new Error(`${metadata.id}: repeating parameter ${repeating.name} is not modelled by the bridge`);
    const option = UNSUPPORTED_OPTIONS.find((name) => metadata.options?.[name]);
    if (option !== undefined) throw new Error(`${metadata.id}: option ${option} is not modelled by the bridge`);
    return { metadata, implementation };
  });
}

function hyperFormulaMetadata({ metadata }: Entry): HfFunctionMetadata {
  return {
    method: "callCustomFunction",
    sizeOfResultArrayMethod: "spillSize",
    isVolatile: metadata.options?.volatile === true,
    // Arguments are read by the bridge itself (callCustomFunction), never broadcast element by element.
    vectorizationForbidden: true,
    parameters: metadata.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional === true })),
  };
}

// The parts of HyperFormula's AST and interpreter state the bridge reads (their types are not exported).
interface Ast {
  type: string;
}
interface CallAst extends Ast {
  procedureName: string;
  args: Ast[];
}
interface RangeAst extends Ast {
  start: unknown;
}
interface State {
  formulaVertex?: { formula?: unknown; array?: { size?: { width: number; height: number } } };
}

type Cell = number | string | boolean | CellError | typeof EmptyValue;

/** HyperFormula's error type for each CustomFunctions.Error code; #NULL! has none. */
const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

function createPlugin(byName: ReadonlyMap<string, Entry>, implementedFunctions: ImplementedFunctions): FunctionPluginDefinition {
  class CustomFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions = implementedFunctions;

    callCustomFunction(ast: CallAst, state: State): unknown {
      const entry = byName.get(ast.procedureName) as Entry;
      const result = this.invoke(entry, ast, state);
      const vertex = state.formulaVertex;
      if (result instanceof SimpleRangeValue && vertex !== undefined && ast === vertex.formula) {
        // The formula's own spill, sized at entry (one cell for a formula sized as a scalar). HyperFormula
        // throws, and leaves the engine unusable, when a result outgrows it.
        const declared = vertex.array?.size ?? { width: 1, height: 1 };
        if (result.height() > declared.height || result.width() > declared.width) {
          const sizes = `${declared.height}×${declared.width}, now ${result.height()}×${result.width()}`;
          return new CellError(ErrorType.SPILL, `${GROWN_SPILL} (${sizes})`);
        }
      }
      return result;
    }

    spillSize(ast: CallAst, state: State): ArraySize {
      const entry = byName.get(ast.procedureName) as Entry;
      const rule = entry.implementation.spill;
      if (entry.metadata.result.dimensionality !== "matrix" || rule === undefined) return ArraySize.scalar();
      if (argumentCountError(entry.metadata, ast) !== undefined) return ArraySize.scalar();
      if (rule === "evaluate") {
        let value: unknown;
        try {
          value = this.invoke(entry, ast, state);
        } catch {
          // An input formula not computed yet (the engine is still being built): size it as one cell.
          return ArraySize.scalar();
        }
        return value instanceof SimpleRangeValue ? new ArraySize(value.width(), value.height()) : ArraySize.scalar();
      }
      const shapes = entry.metadata.parameters.map((_, i) => {
        const arg = ast.args[i];
        if (arg === undefined || arg.type === "EMPTY") return undefined;
        const size = this.arraySizeForAst(arg as never, state as never);
        return { rows: size.height, columns: size.width };
      });
      const { rows, columns } = rule(shapes);
      return new ArraySize(columns, rows);
    }

    /** Reads the arguments as Excel passes them, calls the adapter, converts what it returns or throws. */
    private invoke(entry: Entry, ast: CallAst, state: State): Cell | SimpleRangeValue {
      const { metadata, implementation } = entry;
      const countError = argumentCountError(metadata, ast);
      if (countError !== undefined) return countError;
      const args: unknown[] = [];
      for (const [i, parameter] of metadata.parameters.entries()) {
        const arg = ast.args[i];
        if (arg === undefined || arg.type === "EMPTY") {
          args.push(null);
          continue;
        }
        const value = this.argumentValue(this.evaluateArgument(arg, state), parameter.dimensionality === "matrix");
        if (value instanceof CellError) return value;
        args.push(value);
      }

      let result: unknown;
      try {
        result = implementation.fn(...args);
      } catch (error) {
        return cellErrorOf(error);
      }
      return resultValue(result, metadata);
    }

    private evaluateArgument(arg: Ast, state: State): unknown {
      try {
        return this.evaluateAst(arg as never, state as never);
      } catch (error) {
        // HyperFormula 3.5 throws "Unknown array" for a range that is exactly the spill of an array
        // formula holding an error (Interpreter.js expects a CellError, the vertex holds an ErroredArray).
        // Every cell of that spill shows the error: read it from the first one.
        if (arg.type === "CELL_RANGE" && error instanceof Error && error.message === "Unknown array") {
          return this.evaluateAst({ type: "CELL_REFERENCE", reference: (arg as RangeAst).start } as never, state as never);
        }
        throw error;
      }
    }

    private argumentValue(value: unknown, matrix: boolean): unknown {
      if (value instanceof CellError) return value;
      if (value instanceof SimpleRangeValue) {
        if (!matrix) return new CellError(ErrorType.VALUE, "bridge: a range given to a scalar parameter");
        const rows: unknown[][] = [];
        for (const cells of value.data) {
          const row: unknown[] = [];
          for (const cell of cells) {
            if (cell instanceof CellError) return cell;
            row.push(rawValue(cell));
          }
          rows.push(row);
        }
        return rows;
      }
      return matrix ? [[rawValue(value)]] : rawValue(value);
    }
  }
  return CustomFunctionsPlugin;
}

/** #N/A for a call with too few or too many arguments (Excel would not accept the formula). */
function argumentCountError({ id, parameters }: FunctionMetadata, ast: CallAst): CellError | undefined {
  const required = parameters.filter((p) => !p.optional).length;
  if (ast.args.length >= required && ast.args.length <= parameters.length) return undefined;
  return new CellError(ErrorType.NA, `bridge: ${id} takes ${required} to ${parameters.length} arguments, got ${ast.args.length}`);
}

/** A cell as Excel passes it: numbers without HyperFormula's date/percent wrappers, empty as "". */
function rawValue(value: unknown): unknown {
  if (value === EmptyValue) return "";
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: number }).val;
  return value;
}

function cellErrorOf(error: unknown): CellError {
  const CustomFunctionsError = (globalThis as { CustomFunctions?: { Error?: new (...args: never[]) => { code: string; message?: string } } })
    .CustomFunctions?.Error;
  if (CustomFunctionsError !== undefined && error instanceof CustomFunctionsError) {
    const type = ERROR_TYPES[error.code];
    if (type === undefined) return new CellError(ErrorType.ERROR, `bridge: ${error.code} has no HyperFormula error type${error.message ? `: ${error.message}` : ""}`);
    return new CellError(type, error.message);
  }
  // Excel shows #VALUE! for an uncaught exception; the product promises there are none.
  return new CellError(ErrorType.VALUE, `bridge: uncaught exception: ${error instanceof Error ? error.message : String(error)}`);
}

function resultValue(result: unknown, metadata: FunctionMetadata): Cell | SimpleRangeValue {
  if (typeof (result as { then?: unknown } | null)?.then === "function") {
    return new CellError(ErrorType.VALUE, `bridge: ${metadata.id} returned a promise; asynchronous functions are not modelled`);
  }
  if (metadata.result.dimensionality !== "matrix") {
    return Array.isArray(result) ? new CellError(ErrorType.VALUE, `bridge: ${metadata.id} declares a scalar result but returned an array`) : resultCell(result);
  }
  if (!Array.isArray(result) || result.length === 0 || !result.every((row) => Array.isArray(row) && row.length === (result[0] as unknown[]).length && row.length > 0)) {
    return new CellError(ErrorType.VALUE, `bridge: ${metadata.id} declares a matrix result but returned ${JSON.stringify(result)?.slice(0, 80)}`);
  }
  return SimpleRangeValue.onlyValues((result as unknown[][]).map((row) => row.map(resultCell)));
}

function resultCell(value: unknown): Cell {
  if (typeof value === "number") return Number.isFinite(value) ? value : new CellError(ErrorType.NUM, "bridge: a non-finite number in the result");
  if (typeof value === "string" || typeof value === "boolean") return value;
  // One cell of an array result may be an error value (CustomFunctions.Error), as Excel allows.
  const CustomFunctionsError = (globalThis as { CustomFunctions?: { Error?: new (...args: never[]) => unknown } }).CustomFunctions?.Error;
  if (CustomFunctionsError !== undefined && value instanceof CustomFunctionsError) return cellErrorOf(value);
  return new CellError(ErrorType.VALUE, `bridge: ${String(value)} in the result`);
}

/**
 * A one-sheet engine. Values are entered first, formulas after the engine has computed them, so that a
 * data-dependent spill size (`"evaluate"`) sees its inputs. `formulas` maps A1 addresses to formulas.
 */
export function buildSheet(values: ReadonlyArray<ReadonlyArray<unknown>>, formulas: Readonly<Record<string, string>> = {}): HyperFormula {
  const hf = HyperFormula.buildFromArray(values as never, ENGINE_CONFIG);
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
