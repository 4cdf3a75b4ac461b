import { CoreError, ErrorDetails, ErrorKind, isCoreError } from "../../core/shared/errors";
import { isoFromSerial } from "../../core/shared/excel-date";
import { argumentPhrase, choicesPhrase, ERROR_MESSAGES, shapePhrase, UNEXPECTED_MESSAGE, wherePhrase } from "../../i18n/errors";
import { Language, languageFromTag } from "../../i18n/language";
import { List, listOf, Orientation } from "./ranges";

/**
 * The edge between Excel and the core: every SALES function body runs inside {@link run}, which turns any
 * problem into a `CustomFunctions.Error` (with a message in the user's Office language where Excel can
 * show one) and makes sure no NaN, Infinity or undefined reaches a cell.
 */

/** One invocation: remembers how each list argument is oriented, to word positions in messages. */
export class Call {
  private readonly orientations = new Map<string, Orientation>();

  /** A list argument (one row or one column). */
  list(arg: string, range: unknown): List {
    const list = listOf(arg, range);
    this.orientations.set(arg, list.orientation);
    return list;
  }

  orientationOf(arg: string): Orientation {
    return this.orientations.get(arg) ?? "column";
  }
}

/** The language of the Office UI, English when it cannot be read (outside Office). */
export function officeLanguage(): Language {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    return languageFromTag(office?.context?.displayLanguage);
  } catch {
    return "en";
  }
}

/** Run a function body; map every failure to a CustomFunctions.Error. */
export function run<T>(body: (call: Call) => T): T {
  const call = new Call();
  let result: T;
  try {
    result = body(call);
  } catch (error) {
    throw toExcelError(error, call);
  }
  assertCellSafe(result);
  return result;
}

// The codes as literals, so that nothing depends on the runtime's ErrorCode object being present.
const ERROR_CODES = {
  value: "#VALUE!",
  na: "#N/A",
  div0: "#DIV/0!",
  num: "#NUM!",
} as unknown as Record<ErrorKind, CustomFunctions.ErrorCode>;

/**
 * A CustomFunctions.Error. Excel's runtime always defines the class; office.js outside Office (a plain
 * browser) defines only `associate`, so there a plain Error carrying the code is thrown instead.
 */
function excelError(code: CustomFunctions.ErrorCode, message?: string): CustomFunctions.Error {
  const ErrorClass = (globalThis as { CustomFunctions?: { Error?: unknown } }).CustomFunctions?.Error;
  if (typeof ErrorClass === "function") return new CustomFunctions.Error(code, message);
  return Object.assign(new Error(message ?? code), { code }) as unknown as CustomFunctions.Error;
}

/**
 * An error value for one cell of an array result (e.g. MAPE's #DIV/0! when an actual is 0, beside
 * numbers that are fine). Excel shows it in that cell only; the rest of the array still spills.
 */
export function cellError(kind: ErrorKind, message?: string): CustomFunctions.Error {
  return excelError(ERROR_CODES[kind], kind === "value" || kind === "na" ? message : undefined);
}

function isExcelError(error: unknown): error is CustomFunctions.Error {
  const ErrorClass = (globalThis as { CustomFunctions?: { Error?: unknown } }).CustomFunctions?.Error;
  return typeof ErrorClass === "function" && error instanceof (ErrorClass as new () => unknown);
}

function toExcelError(error: unknown, call: Call): CustomFunctions.Error {
  if (isExcelError(error)) return error;
  if (isCoreError(error)) {
    const code = ERROR_CODES[error.kind];
    // Excel shows a custom message only with #VALUE! and #N/A.
    if (error.kind === "value" || error.kind === "na") {
      return excelError(code, describe(error, officeLanguage(), call));
    }
    return excelError(code);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return excelError(ERROR_CODES.value, UNEXPECTED_MESSAGE[officeLanguage()](detail.slice(0, 120)));
}

/** A localised one-line message for a core error. */
export function describe(error: CoreError, language: Language, call?: Call): string {
  const details = error.details as ErrorDetails[keyof ErrorDetails] & Record<string, unknown>;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "number") params[key] = formatNumber(value);
    else if (typeof value === "string") params[key] = value;
    else if (typeof value === "boolean") params[key] = String(value);
  }
  let { row, column } = details;
  if (details.index !== undefined) {
    const orientation = call?.orientationOf(details.arg) ?? "column";
    if (orientation === "row") column = details.index + 1;
    else row = details.index + 1;
  }
  params.where = wherePhrase(language, { arg: details.arg, row, column });
  // Arguments named inside a message read as the tooltips name them (Chinese names in Chinese Office).
  for (const key of ["arg", "otherArg", "because"]) {
    if (typeof details[key] === "string") params[key] = argumentPhrase(language, details[key] as string);
  }
  switch (error.code) {
    case "ORDER_AFTER_ANALYSIS": {
      const d = error.details as ErrorDetails["ORDER_AFTER_ANALYSIS"];
      params.date = isoFromSerial(d.date);
      params.analysisDate = isoFromSerial(d.analysisDate);
      break;
    }
    case "RATE_AS_PERCENT":
      params.fraction = formatNumber((error.details as ErrorDetails["RATE_AS_PERCENT"]).value / 100);
      break;
    case "BAD_SHAPE": {
      const d = error.details as ErrorDetails["BAD_SHAPE"];
      params.expected = shapePhrase(language, d.expectedRows, d.expectedColumns);
      break;
    }
    case "UNKNOWN_OPTION":
      params.choices = choicesPhrase(language, (error.details as ErrorDetails["UNKNOWN_OPTION"]).choices);
      break;
    default:
      break;
  }
  return ERROR_MESSAGES[language][error.code](params);
}

/**
 * A number as a person would write it: at most 15 significant digits, no float noise (0.1+0.2 → 0.3).
 * The few doubles above 1.79769313486231e308 would round up past the largest double to Infinity: they
 * are shown with all their digits instead.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(15));
  return String(Number.isFinite(rounded) ? rounded : value);
}

/** Throws #NUM! when a result holds NaN, ±Infinity or undefined anywhere. */
function assertCellSafe(result: unknown): void {
  if (typeof result === "number") {
    if (!Number.isFinite(result)) throw excelError(ERROR_CODES.num);
    return;
  }
  if (result === undefined || result === null) throw excelError(ERROR_CODES.num);
  if (!Array.isArray(result)) return;
  for (const row of result as unknown[]) {
    if (!Array.isArray(row)) throw excelError(ERROR_CODES.num);
    for (const cell of row as unknown[]) {
      if (cell === undefined || cell === null || (typeof cell === "number" && !Number.isFinite(cell))) {
        throw excelError(ERROR_CODES.num);
      }
    }
  }
}
