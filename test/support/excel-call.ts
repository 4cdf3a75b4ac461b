/** Helpers for calling custom-function adapters as Excel does and reading what a cell would show. */

export interface ShownError {
  code: string;
  message: string | undefined;
}

/** The CustomFunctions.Error a call throws (fails the test if it returns or throws anything else). */
export function excelError(call: () => unknown): ShownError {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) return { code: error.code, message: error.message };
    throw new Error(`expected a CustomFunctions.Error, got ${String(error)}`);
  }
  throw new Error(`expected a CustomFunctions.Error, got the result ${JSON.stringify(result)}`);
}

/** A column range as Excel passes it: [[a], [b], …]. */
export const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** A row range as Excel passes it: [[a, b, …]]. */
export const row = (...values: unknown[]): unknown[][] => [values];

/** Runs `body` with the Office UI language set (the functions read Office.context.displayLanguage). */
export function withOfficeLanguage<T>(tag: string, body: () => T): T {
  const g = globalThis as { Office?: unknown };
  const previous = g.Office;
  g.Office = { context: { displayLanguage: tag } };
  try {
    return body();
  } finally {
    g.Office = previous;
  }
}

/** An omitted optional argument: Excel passes `null` (typed `never` so it fits any parameter). */
export const omitted = null as never;
