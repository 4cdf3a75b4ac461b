import { types } from "node:util";
import type { FunctionMetadata } from "../dist";

/**
 * What every call of a SALES function must do, whatever its arguments:
 * - return within the time bound (a value, or a Promise that settles) — never hang (Excel shows #BUSY!);
 * - return a value shaped as functions.json declares it: a scalar, or a non-empty rectangular matrix;
 *   every cell a finite number, a string or a boolean (of the declared type), or a cell error as below;
 * - or throw a CustomFunctions.Error whose code is #VALUE!, #N/A, #DIV/0! or #NUM!; with #VALUE! and #N/A
 *   a message in the Office language (Excel shows it), never "Unexpected problem" (an internal exception
 *   that escaped the core), never NaN/Infinity/undefined/[object …] unless the input said so;
 * - leave its inputs as they were, and give the same outcome when called again with the same input.
 */

export const ALLOWED_CODES: readonly string[] = ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"];

/** What one call did. */
export type Outcome =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "error"; readonly error: unknown }
  | { readonly kind: "timeout"; readonly ms: number };

export interface CheckContext {
  readonly metadata: FunctionMetadata;
  /** The CustomFunctions.Error class of the runtime the function ran in. */
  readonly ErrorClass: abstract new (...args: never[]) => unknown;
  /** "zh" or "en": the Office language the bundle was given. */
  readonly language: "zh" | "en";
  /** Every piece of text in the arguments, to tell an echoed "NaN" from a computed one. */
  readonly inputText: string;
}

const CJK = /[\u3400-\u9fff]/;
const UNEXPECTED = /^(Unexpected problem|意外错误)/;
const LEAKS = ["NaN", "Infinity", "undefined", "[object"];

/** The first broken rule of one outcome, or `undefined`. */
export function checkOutcome(outcome: Outcome, context: CheckContext): string | undefined {
  if (outcome.kind === "timeout") return `did not return within ${outcome.ms} ms (Excel would show #BUSY!)`;
  if (outcome.kind === "error") return checkError(outcome.error, context, "threw");
  return checkValue(outcome.value, context);
}

function checkError(error: unknown, context: CheckContext, how: string): string | undefined {
  if (!(error instanceof context.ErrorClass)) return `${how} ${describeThrown(error)}, not a CustomFunctions.Error`;
  const { code, message } = error as unknown as { code: unknown; message: unknown };
  if (typeof code !== "string" || !ALLOWED_CODES.includes(code)) return `${how} CustomFunctions.Error with code ${String(code)}, not one of ${ALLOWED_CODES.join(" ")}`;
  if (code !== "#VALUE!" && code !== "#N/A") return undefined;
  if (typeof message !== "string" || message.trim().length === 0) return `${how} ${code} without a message`;
  if (UNEXPECTED.test(message)) return `${how} ${code} "${message}": an internal exception escaped the core`;
  for (const leak of LEAKS) {
    if (message.includes(leak) && !context.inputText.includes(leak)) return `${how} ${code} whose message shows ${leak}: "${message}"`;
  }
  if (context.language === "zh" && !CJK.test(message)) return `${how} ${code} with an untranslated message in Chinese Office: "${message}"`;
  return undefined;
}

function checkValue(value: unknown, context: CheckContext): string | undefined {
  const { result } = context.metadata;
  if (result.dimensionality === "matrix") {
    if (!Array.isArray(value)) return `returned ${describeValue(value)} where functions.json declares a matrix`;
    if (value.length === 0) return "returned an empty matrix ([])";
    let width: number | undefined;
    for (let r = 0; r < value.length; r++) {
      const row: unknown = value[r];
      if (!Array.isArray(row)) return `returned a matrix whose row ${r + 1} is ${describeValue(row)}, not an array`;
      if (row.length === 0) return `returned a matrix whose row ${r + 1} is empty`;
      if (width === undefined) width = row.length;
      else if (row.length !== width) return `returned a ragged matrix: row 1 has ${width} cells, row ${r + 1} has ${row.length}`;
      for (let c = 0; c < row.length; c++) {
        const problem = checkCell(row[c], result.type, context);
        if (problem !== undefined) return `returned a matrix whose cell (${r + 1}, ${c + 1}) ${problem}`;
      }
    }
    return undefined;
  }
  if (Array.isArray(value)) return `returned an array where functions.json declares a scalar`;
  const problem = checkCell(value, result.type, context);
  return problem === undefined ? undefined : `returned a value that ${problem}`;
}

function checkCell(value: unknown, type: string | undefined, context: CheckContext): string | undefined {
  if (value instanceof context.ErrorClass) {
    const problem = checkError(value, context, "holds");
    return problem === undefined ? undefined : problem.replace(/^holds /, "holds a ");
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `is ${String(value)}`;
    return type === undefined || type === "any" || type === "number" ? undefined : `is a number where functions.json declares ${type}`;
  }
  if (typeof value === "string") return type === undefined || type === "any" || type === "string" ? undefined : `is text where functions.json declares ${type}`;
  if (typeof value === "boolean") return type === undefined || type === "any" || type === "boolean" ? undefined : `is a boolean where functions.json declares ${type}`;
  return `is ${describeValue(value)}, not a number, text or a boolean`;
}

/** An Error of any realm (the bundle's TypeError is not an `instanceof Error` here). */
const isError = (value: unknown): value is Error => types.isNativeError(value);

function describeThrown(error: unknown): string {
  if (isError(error)) return `${error.name} "${error.message}"`;
  return describeValue(error);
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "object") return Array.isArray(value) ? "an array" : `an object (${Object.prototype.toString.call(value)})`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Outcomes compared for "the same input gives the same output": values cell by cell (numbers with
 * Object.is, so −0 and 0 differ), errors by class, code and message. Returns the difference, or `undefined`.
 */
export function compareOutcomes(first: Outcome, second: Outcome): string | undefined {
  if (first.kind !== second.kind) return `first call ${first.kind === "value" ? "returned" : first.kind === "error" ? "threw" : "timed out"}, second ${second.kind === "value" ? "returned" : second.kind === "error" ? "threw" : "timed out"}`;
  if (first.kind === "timeout") return undefined;
  const a = first.kind === "value" ? first.value : first.error;
  const b = second.kind === "value" ? second.value : (second as { error: unknown }).error;
  return sameCell(a, b) ? undefined : `two calls with the same input differ: ${shortJson(a)} then ${shortJson(b)}`;
}

function sameCell(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameCell(x, b[i]));
  }
  if (isError(a) || isError(b)) {
    if (!(isError(a) && isError(b)) || a.constructor !== b.constructor) return false;
    return (a as { code?: unknown }).code === (b as { code?: unknown }).code && a.message === b.message;
  }
  return Object.is(a, b);
}

function shortJson(value: unknown): string {
  const text = toSource(value);
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

/**
 * Arguments as JavaScript source a test can paste: JSON, except −0, non-finite numbers, error cells as
 * `new CustomFunctions.Error("#N/A")` and a long run of one character as `"x".repeat(10000)`.
 */
export function toSource(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toSource).join(", ")}]`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") {
    if (value.length > 100 && [...value].every((ch) => ch === value[0])) return `${JSON.stringify(value[0])}.repeat(${value.length})`;
    return JSON.stringify(value);
  }
  if (isError(value)) {
    const { code } = value as { code?: unknown };
    const message = value.message;
    return typeof code === "string" ? `new CustomFunctions.Error(${JSON.stringify(code)}${message ? `, ${JSON.stringify(message)}` : ""})` : `new Error(${JSON.stringify(message)})`;
  }
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? String(value);
}

/** A deep copy of arguments for checking they were not mutated: arrays copied, error cells by their fields. */
export function snapshot(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snapshot);
  if (isError(value)) return { error: value, code: (value as { code?: unknown }).code, message: value.message, keys: Object.keys(value).join() };
  return value;
}

/** The first difference between arguments and their snapshot, or `undefined`. */
export function mutation(value: unknown, before: unknown, path = "argument"): string | undefined {
  if (Array.isArray(before)) {
    if (!Array.isArray(value)) return `${path} was replaced`;
    if (value.length !== before.length) return `${path} changed length from ${before.length} to ${value.length}`;
    for (let i = 0; i < before.length; i++) {
      const changed = mutation(value[i], before[i], `${path}[${i}]`);
      if (changed !== undefined) return changed;
    }
    return undefined;
  }
  if (typeof before === "object" && before !== null && "error" in before) {
    const b = before as { error: Error; code: unknown; message: string; keys: string };
    if (value !== b.error || b.error.message !== b.message || (b.error as { code?: unknown }).code !== b.code || Object.keys(b.error).join() !== b.keys) return `${path} (an error cell) was changed`;
    return undefined;
  }
  return Object.is(value, before) ? undefined : `${path} changed from ${toSource(before)} to ${toSource(value)}`;
}

/** Freezes arrays and error cells all the way down (a second call then throws if it writes to them). */
export function deepFreeze<T>(value: T): T {
  if (Array.isArray(value)) value.forEach(deepFreeze);
  if (typeof value === "object" && value !== null) Object.freeze(value);
  return value;
}

/** Every string in the arguments, joined: what a message may echo. */
export function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).join("\u0000");
  return typeof value === "string" ? value : "";
}
