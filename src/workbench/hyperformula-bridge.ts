import { formatNumber } from "./format";
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  ExportedCellChange,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ExportedChange, FunctionMetadata as HfFunctionMetadata, FunctionPluginDefinition, ImplementedFunctions, SimpleCellAddress } from "hyperformula";

/**
 * Runs the add-in's custom functions inside HyperFormula (GPL-3.0: a development dependency for the
 * workbench and the tests, never part of dist/), so a sheet can hold `=SALES.RFM.SCORE(A2:A6,B2:B6,C2:C6)`
 * and spill the result. One generic bridge for every function, in the browser and in Node:
 * - the functions are the ones the built bundle hands to `CustomFunctions.associate(id, fn)`;
 * - their parameters and result shape come from the generated functions.json;
 * - every function is registered under its id (`RFM.SCORE`) and under the name Excel shows
 *   (`SALES.RFM.SCORE`, the manifest's namespace; HyperFormula's function-name token allows periods).
 *
 * Arguments reach the functions the way Excel passes them:
 * - a `"dimensionality": "matrix"` parameter gets rows of raw cell values; an empty cell in a range is
 *   `""`; a single cell or a scalar is `[[value]]`;
 * - a scalar parameter gets the value; a reference to an empty cell is `""`; a range of several cells
 *   is `#VALUE!` (Excel would lift the function over the array — not modelled);
 * - an omitted optional argument, and a skipped one (`F(a,,c)`), is `null`;
 * - an error value anywhere in an argument is the result, without calling the function: that is what
 *   Excel does unless functions.json sets `allowErrorForDataTypeAny`, which the bridge refuses.
 * A thrown error carrying an Excel code (`CustomFunctions.Error`, or the plain Error with a `code` that
 * the add-in throws where the runtime lacks the class) becomes a `CellError` of that code and message.
 *
 * Spill size. HyperFormula fixes the size of an array formula when the formula is entered, before it is
 * evaluated. The bridge sizes every matrix result the same way: it runs the function once at entry and
 * takes the size of what it returns (one cell when it fails, e.g. because an input formula is not computed
 * yet). A later result that is larger cannot fit: it shows `#SPILL!` with {@link GROWN_SPILL}, and
 * {@link keepSpillsSized} enters such formulas again, which sizes them again — what Excel's dynamic arrays
 * do by themselves. A smaller result is padded with empty cells.
 */

/** The metadata of one function, as custom-functions-metadata writes it into functions.json. */
export interface CustomFunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly {
    readonly name: string;
    readonly description?: string;
    readonly type: string;
    readonly dimensionality?: string;
    readonly optional?: boolean;
    readonly repeating?: boolean;
  }[];
  readonly result: { readonly type?: string; readonly dimensionality?: string };
  readonly options?: Readonly<Record<string, unknown>>;
}

/** functions.json. */
export interface CustomFunctionsFile {
  readonly allowErrorForDataTypeAny?: boolean;
  readonly functions: readonly CustomFunctionMetadata[];
}

/** A function exactly as `CustomFunctions.associate(id, fn)` receives it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- functions take whatever Excel passes
export type CustomFunction = (...args: any[]) => unknown;

/** Message of the #SPILL! shown when a result outgrew the size fixed when its formula was entered. */
export const GROWN_SPILL = "bridge: the result outgrew the spill size fixed when the formula was entered";

/** The HyperFormula config of the workbench and the tests: the GPL licence key, Excel 365's dynamic arrays. */
/**
 * The engine's settings: GPL licence, array arithmetic (as Excel's dynamic arrays), and TEXT's number
 * formats through the workbench's formatter (format.ts: grouping, percentages, scaling, literals), which the
 * engine's own TEXT lacks; it declines dates, which stay the engine's.
 */
export const ENGINE_CONFIG = {
  licenseKey: "gpl-v3",
  useArrayArithmetic: true,
  stringifyCurrency: (value: number, format: string) => formatNumber(value, format),
} as const;

export interface RegisterOptions {
  readonly metadata: CustomFunctionsFile;
  /** id → function, as associated by the bundle (ids compare case-insensitively, as in Excel). */
  readonly functions: ReadonlyMap<string, CustomFunction>;
  /** The manifest's `<Namespace>` (`SALES`); `null` or omitted registers the bare ids only. */
  readonly namespace?: string | null;
}

export interface Registration {
  /** Every name a formula can call, e.g. RFM.SCORE and SALES.RFM.SCORE. */
  readonly names: readonly string[];
  readonly plugin: FunctionPluginDefinition;
  /** Removes the functions again (engines built meanwhile keep them). */
  unregister(): void;
}

/**
 * Registers every function of functions.json with HyperFormula (globally: engines built afterwards see
 * them). Throws when the metadata and the associated functions disagree, or use a feature not modelled here.
 */
export function registerCustomFunctions({ metadata, functions, namespace = null }: RegisterOptions): Registration {
  const entries = bind(metadata, functions);
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

/** The `<Namespace>` of a manifest's XML (`SALES`), or `undefined` when it declares none. */
export function namespaceFromManifest(xml: string): string | undefined {
  const resid = /<Namespace\s+resid="([^"]+)"/.exec(xml)?.[1];
  if (resid === undefined) return undefined;
  const value = new RegExp(`<bt:String\\s+id="${resid.replace(/\./g, "\\.")}"\\s+DefaultValue="([^"]+)"`).exec(xml)?.[1];
  if (value === undefined) throw new Error(`manifest: <Namespace resid="${resid}"> has no <bt:String>`);
  return value;
}

/**
 * Keeps every array formula of `hf` sized like a dynamic array:
 * - a formula whose result outgrew its spill ({@link GROWN_SPILL}) is entered again after the change that
 *   made it grow, which sizes it again;
 * - a formula whose spill was blocked by a value ("No space for array result") is entered again after the
 *   next change (HyperFormula does not retry it by itself when the value is cleared; Excel does);
 * - the formulas that are already too small are fixed at once (an engine built from sheets sizes a formula
 *   before its inputs are computed).
 * Returns a function that stops watching.
 */
export function keepSpillsSized(hf: HyperFormula): () => void {
  let resizing = false;
  const pending: SimpleCellAddress[] = [];
  const reenter = (address: SimpleCellAddress) => {
    const formula = hf.getCellFormula(address);
    if (formula !== undefined) hf.setCellContents(address, formula);
  };
  const drain = (blocked: readonly SimpleCellAddress[]) => {
    resizing = true;
    try {
      // Each blocked formula once (it may still be blocked); each grown one until it fits, within a bound.
      for (const address of blocked) if (isBlockedSpill(hf.getCellValue(address))) reenter(address);
      for (let pass = 0; pass < 1000 && pending.length > 0; pass++) {
        const address = pending.shift()!;
        if (isGrownSpill(hf.getCellValue(address))) reenter(address);
      }
    } finally {
      pending.length = 0;
      resizing = false;
    }
  };
  const onValuesUpdated = (changes: ExportedChange[]) => {
    for (const change of changes) {
      if (change instanceof ExportedCellChange && isGrownSpill(change.newValue)) pending.push(change.address);
    }
    if (resizing) return;
    const blocked = spillsShowing(hf, isBlockedSpill);
    if (pending.length > 0 || blocked.length > 0) drain(blocked);
  };
  hf.on("valuesUpdated", onValuesUpdated);
  pending.push(...spillsShowing(hf, isGrownSpill));
  if (pending.length > 0) drain([]);
  return () => hf.off("valuesUpdated", onValuesUpdated);
}

/** The formula cells of every sheet whose value passes `test`. */
function spillsShowing(hf: HyperFormula, test: (value: unknown) => boolean): SimpleCellAddress[] {
  const found: SimpleCellAddress[] = [];
  for (const name of hf.getSheetNames()) {
    const sheet = hf.getSheetId(name)!;
    hf.getSheetFormulas(sheet).forEach((row, r) =>
      row.forEach((formula, c) => {
        const address = { sheet, row: r, col: c };
        if (formula !== undefined && test(hf.getCellValue(address))) found.push(address);
      }),
    );
  }
  return found;
}

function isGrownSpill(value: unknown): boolean {
  return value instanceof DetailedCellError && value.type === ErrorType.SPILL && value.message.startsWith(GROWN_SPILL);
}

function isBlockedSpill(value: unknown): boolean {
  return value instanceof DetailedCellError && value.type === ErrorType.SPILL && !value.message.startsWith(GROWN_SPILL);
}

interface Entry {
  readonly metadata: CustomFunctionMetadata;
  readonly fn: CustomFunction;
}

const UNSUPPORTED_OPTIONS = ["stream", "cancelable", "requiresAddress", "requiresParameterAddresses", "requiresStreamAddress", "capturesCallingObject"];

function bind(file: CustomFunctionsFile, functions: ReadonlyMap<string, CustomFunction>): Entry[] {
  if (file.allowErrorForDataTypeAny) {
    throw new Error("functions.json sets allowErrorForDataTypeAny: error values as arguments are not modelled by the bridge");
  }
  const byId = new Map([...functions].map(([id, fn]) => [id.toUpperCase(), fn]));
  const ids = new Set(file.functions.map((f) => f.id.toUpperCase()));
  const stale = [...byId.keys()].filter((id) => !ids.has(id));
  if (stale.length > 0) throw new Error(`functions associated that functions.json lacks (a renamed function, or a stale build): ${stale.join(", ")}`);

  return file.functions.map((metadata) => {
    const fn = byId.get(metadata.id.toUpperCase());
    if (fn === undefined) {
      throw new Error(`functions.json has ${metadata.id} but no function was associated with it (is functions.js from the same build?)`);
    }
    if (fn.length !== metadata.parameters.length) {
      throw new Error(`${metadata.id}: functions.json lists ${metadata.parameters.length} parameters, the associated function takes ${fn.length}`);
    }
    const repeating = metadata.parameters.find((p) => p.repeating);
    if (repeating !== undefined) throw new Error(`${metadata.id}: repeating parameter ${repeating.name} is not modelled by the bridge`);
    const option = UNSUPPORTED_OPTIONS.find((name) => metadata.options?.[name]);
    if (option !== undefined) throw new Error(`${metadata.id}: option ${option} is not modelled by the bridge`);
    return { metadata, fn };
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

/** HyperFormula's error type for each Excel error code; #NULL! has none. */
const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
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
      if (entry.metadata.result.dimensionality !== "matrix") return ArraySize.scalar();
      let value: unknown;
      try {
        value = this.invoke(entry, ast, state);
      } catch {
        // An input formula not computed yet (the engine is still being built): one cell for now.
        return ArraySize.scalar();
      }
      return value instanceof SimpleRangeValue ? new ArraySize(value.width(), value.height()) : ArraySize.scalar();
    }

    /** Reads the arguments as Excel passes them, calls the function, converts what it returns or throws. */
    private invoke({ metadata, fn }: Entry, ast: CallAst, state: State): Cell | SimpleRangeValue {
      const countError = argumentCountError(metadata, ast);
      if (countError !== undefined) return countError;
      const args: unknown[] = [];
      for (const [i, parameter] of metadata.parameters.entries()) {
        const arg = ast.args[i];
        if (arg === undefined || arg.type === "EMPTY") {
          args.push(null);
          continue;
        }
        const value = argumentValue(this.evaluateArgument(arg, state), parameter.dimensionality === "matrix");
        if (value instanceof CellError) return value;
        args.push(value);
      }
      let result: unknown;
      try {
        result = fn(...args);
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
  }
  return CustomFunctionsPlugin;
}

function argumentValue(value: unknown, matrix: boolean): unknown {
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

/** #N/A for a call with too few or too many arguments (Excel would not accept the formula). */
function argumentCountError({ id, parameters }: CustomFunctionMetadata, ast: CallAst): CellError | undefined {
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

/** An error value thrown or returned by a function: anything with an Excel error code ("#VALUE!"…). */
function excelCode(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#") ? code : undefined;
}

function cellErrorOf(error: unknown): CellError {
  const code = excelCode(error);
  if (code !== undefined) {
    const message = (error as { message?: unknown }).message;
    const text = typeof message === "string" ? message : undefined;
    const type = ERROR_TYPES[code];
    if (type === undefined) return new CellError(ErrorType.ERROR, `bridge: ${code} has no HyperFormula error type${text ? `: ${text}` : ""}`);
    return new CellError(type, text);
  }
  // Excel shows #VALUE! for an uncaught exception; the product promises there are none.
  return new CellError(ErrorType.VALUE, `bridge: uncaught exception: ${error instanceof Error ? error.message : String(error)}`);
}

function resultValue(result: unknown, metadata: CustomFunctionMetadata): Cell | SimpleRangeValue {
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
  if (excelCode(value) !== undefined) return cellErrorOf(value);
  return new CellError(ErrorType.VALUE, `bridge: ${String(value)} in the result`);
}
