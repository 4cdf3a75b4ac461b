import type { GatewayErrorCode, RangeWrite, SheetPlan } from "../../excel/gateway";
import type { UiStrings } from "../../i18n/ui";
import { gatewayMessage, gatewayProblem } from "./gateway-messages";

/**
 * How a finished write landed: a new sheet, the earlier output updated in place, a new version beside it,
 * or cells written into an existing sheet (`target` is then their address).
 */
export type WriteHow = "newSheet" | "updated" | "newVersion" | "range";

/** The state of one workbook write started from the pane. */
export type WriteStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "working" }
  | {
      readonly kind: "done";
      /** The sheet written (or the address, for "range"). */
      readonly target: string;
      readonly how: WriteHow;
      /** The earlier output a new version was written beside, or an update looked for and did not find. */
      readonly previous?: string;
      /** An update found its sheet gone (deleted or renamed), so a new sheet was written. */
      readonly previousMissing?: boolean;
      /** "Go to sheet" found the sheet gone. */
      readonly gone?: boolean;
    }
  /** A write into an existing sheet found non-empty cells: nothing was written; the user must confirm. */
  | { readonly kind: "confirm"; readonly request: RangeWrite; readonly address: string; readonly occupied: readonly string[] }
  /** A wizard's earlier output exists: update it (its cells listed) or write a new version; nothing written yet. */
  | { readonly kind: "choose"; readonly plan: SheetPlan; readonly sheet: string; readonly occupied: readonly string[]; readonly count: number }
  /** The user declined, or cancelled a write under way (undone): nothing was written. */
  | { readonly kind: "cancelled" }
  | { readonly kind: "failed"; readonly code: GatewayErrorCode; readonly detail: string };

export type WriteAction =
  | { readonly type: "start" }
  | { readonly type: "succeed"; readonly target: string; readonly how: WriteHow; readonly previous?: string; readonly previousMissing?: boolean }
  | { readonly type: "needsConfirmation"; readonly request: RangeWrite; readonly address: string; readonly occupied: readonly string[] }
  | { readonly type: "needsChoice"; readonly plan: SheetPlan; readonly sheet: string; readonly occupied: readonly string[]; readonly count: number }
  | { readonly type: "cancel" }
  | { readonly type: "fail"; readonly error: unknown }
  /** "Go to sheet" found no such sheet. */
  | { readonly type: "gone" }
  /** The user edits again: a finished write's message goes. */
  | { readonly type: "reset" };

export const IDLE: WriteStatus = { kind: "idle" };
const CANCELLED: WriteStatus = { kind: "cancelled" };

/** Pure transitions; a second start while one write runs is ignored (no double writes). */
export function writeStatusReducer(state: WriteStatus, action: WriteAction): WriteStatus {
  switch (action.type) {
    case "start":
      return state.kind === "working" ? state : { kind: "working" };
    case "succeed": {
      const { type: _type, ...done } = action;
      return { kind: "done", ...done };
    }
    case "needsConfirmation":
      return { kind: "confirm", request: action.request, address: action.address, occupied: action.occupied };
    case "needsChoice":
      return { kind: "choose", plan: action.plan, sheet: action.sheet, occupied: action.occupied, count: action.count };
    case "cancel":
      return state.kind === "confirm" || state.kind === "choose" ? CANCELLED : state;
    case "fail": {
      // A write the user cancelled was undone: nothing was written, as when a confirmation is declined.
      const problem = gatewayProblem(action.error, "WRITE_FAILED");
      return problem.code === "CANCELLED" ? CANCELLED : { kind: "failed", ...problem };
    }
    case "gone":
      return state.kind === "done" ? { ...state, gone: true } : state;
    case "reset":
      return state.kind === "done" || state.kind === "cancelled" || state.kind === "failed" ? IDLE : state;
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
      return describeDone(status, t);
    case "confirm":
      return t.confirmBody(status.occupied.length, status.address);
    case "choose":
      return t.chooseBody(status.sheet, status.count);
    case "cancelled":
      return t.confirmCancelled;
    case "failed":
      return gatewayMessage(status, t);
  }
}

function describeDone(status: Extract<WriteStatus, { kind: "done" }>, t: UiStrings): string {
  const gone = status.gone === true ? ` ${t.sheetGone(status.target)}` : "";
  switch (status.how) {
    case "range":
      return t.writeDoneRange(status.target) + gone;
    case "updated":
      return t.writeDoneUpdated(status.target) + gone;
    case "newVersion":
      return t.writeDoneVersion(status.target, status.previous ?? "") + gone;
    case "newSheet":
      return (status.previousMissing === true && status.previous !== undefined ? t.writeDoneMissing(status.previous, status.target) : t.writeDoneSheet(status.target)) + gone;
  }
}
