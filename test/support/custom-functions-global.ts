/**
 * The `CustomFunctions` global that Excel provides to the functions runtime, reduced to what the add-in
 * uses: the Error class with its code and message, the ErrorCode values, and `associate`, which records.
 */

export const associated = new Map<string, (...args: unknown[]) => unknown>();

class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.code = code;
    if (message === undefined) (this as { message?: string }).message = undefined;
  }
}

const stub = {
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate(id: string, fn: (...args: unknown[]) => unknown): void {
    associated.set(id, fn);
  },
};

(globalThis as unknown as { CustomFunctions: typeof stub }).CustomFunctions = stub;
