import { isGatewayError, type GatewayErrorCode } from "../../excel/gateway";
import type { UiStrings } from "../../i18n/ui";

/**
 * The one place that turns a failed workbook call into what the pane says: the write status under a
 * form, a range or selection a page reads (SMART history, the Decompose pickers).
 */

/** A failed gateway call as the pane keeps it. */
export interface GatewayProblem {
  readonly code: GatewayErrorCode;
  readonly detail: string;
}

/**
 * A GatewayError's code and detail; anything else thrown (a bug, an Office.js error that escaped) is
 * `fallback` — WRITE_FAILED for a write, READ_FAILED for a read — with its message.
 */
export function gatewayProblem(error: unknown, fallback: "WRITE_FAILED" | "READ_FAILED"): GatewayProblem {
  if (isGatewayError(error)) return { code: error.code, detail: error.detail };
  return { code: fallback, detail: error instanceof Error ? error.message : String(error) };
}

/** What the pane shows for a failed call, in its language (BAD_ADDRESS names the address). */
export function gatewayMessage(problem: GatewayProblem, t: UiStrings): string {
  switch (problem.code) {
    case "UNAVAILABLE":
      return t.errorUnavailable;
    case "BAD_ADDRESS":
      return t.errorBadAddress(problem.detail);
    case "READ_FAILED":
      return t.errorReadFailed(problem.detail);
    case "WRITE_FAILED":
      return t.errorWriteFailed(problem.detail);
    case "CANCELLED":
      return t.errorCancelled;
  }
}

/** {@link gatewayMessage} of anything a gateway call threw. */
export function gatewayErrorMessage(error: unknown, t: UiStrings, fallback: "WRITE_FAILED" | "READ_FAILED"): string {
  return gatewayMessage(gatewayProblem(error, fallback), t);
}
