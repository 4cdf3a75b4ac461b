import type { GatewayErrorCode, RangeWrite } from "../../excel/gateway";
import type { UiStrings } from "../../i18n/ui";
import { gatewayMessage, gatewayProblem } from "./gateway-messages";

/** The state of one workbook write started from the pane. */
export type WriteStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "working" }
  /** `target`: the new sheet's name, or the address written. */
  | { readonly kind: "done"; readonly target: string; readonly intoNewSheet: boolean }
  /** A write into an existing sheet found non-empty cells: nothing was written; the user must confirm. */
  | { readonly kind: "confirm"; readonly request: RangeWrite; readonly address: string; readonly occupied: readonly string[] }
  /** The user declined the overwrite: nothing was written. */
  | { readonly kind: "cancelled" }
  | { readonly kind: "failed"; readonly code: GatewayErrorCode; readonly detail: string };

export type WriteAction =
  | { readonly type: "start" }
  | { readonly type: "succeed"; readonly target: string; readonly intoNewSheet: boolean }
  | { readonly type: "needsConfirmation"; readonly request: RangeWrite; readonly address: string; readonly occupied: readonly string[] }
  | { readonly type: "cancel" }
  | { readonly type: "fail"; readonly error: unknown };

export const IDLE: WriteStatus = { kind: "idle" };
const CANCELLED: WriteStatus = { kind: "cancelled" };

/** Pure transitions; a second start while one write runs is ignored (no double writes). */
export function writeStatusReducer(state: WriteStatus, action: WriteAction): WriteStatus {
  switch (action.type) {
    case "start":
      return state.kind === "working" ? state : { kind: "working" };
    case "succeed":
      return { kind: "done", target: action.target, intoNewSheet: action.intoNewSheet };
    case "needsConfirmation":
      return { kind: "confirm", request: action.request, address: action.address, occupied: action.occupied };
    case "cancel":
      return state.kind === "confirm" ? CANCELLED : state;
    case "fail":
      return { kind: "failed", ...gatewayProblem(action.error, "WRITE_FAILED") };
  }
}

/** What to show and announce for a status ("" when there is nothing to say). */
export function describeWrite(status: WriteStatus, t: UiStrings): string {
  switch (status.kind) {
    case "idle":
      return "";
    case "working":
      return t.writeWorking;
    case "done":
      return status.intoNewSheet ? t.writeDoneSheet(status.target) : t.writeDoneRange(status.target);
    case "confirm":
      return t.confirmBody(status.occupied.length, status.address);
    case "cancelled":
      return t.confirmCancelled;
    case "failed":
      return gatewayMessage(status, t);
  }
}
