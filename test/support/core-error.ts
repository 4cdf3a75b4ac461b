import { CoreError } from "../../src/core/shared/errors";

/** The CoreError a call throws (fails the test if it returns, or throws anything else). */
export function thrown(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error("expected a CoreError");
}
