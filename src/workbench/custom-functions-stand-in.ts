/**
 * The `CustomFunctions` global that Excel's runtime provides, reduced to what the add-in uses: the Error
 * class with its code and (optional) message, the ErrorCode values, and `associate`. One definition for
 * every host that is not Excel: the workbench page (runtime.ts) and the jest setup
 * (test/support/custom-functions-global.ts).
 */

export class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
    this.code = code;
    // Excel's class keeps an omitted message undefined (#DIV/0! and #NUM! carry none).
    if (message === undefined) (this as { message?: string }).message = undefined;
  }
}

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** A `CustomFunctions` object whose `associate` hands each function to `record`. */
export function customFunctionsStandIn<F>(record: (id: string, fn: F) => void) {
  return { Error: CustomFunctionsError, ErrorCode: ERROR_CODES, associate: record };
}
