import { GatewayError } from "../../../excel/gateway";

/** The state of one workbook write started from the pane. */
export type WriteStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "working" }
  | { readonly kind: "done"; readonly sheet: string }
  | { readonly kind: "failed"; readonly code: GatewayError["code"]; readonly detail: string };

export type WriteAction =
  | { readonly type: "start" }
  | { readonly type: "succeed"; readonly sheet: string }
  | { readonly type: "fail"; readonly error: unknown };

export const IDLE: WriteStatus = { kind: "idle" };

/** Pure transitions; a second start while one write runs is ignored (no double writes). */
export function writeStatusReducer(state: WriteStatus, action: WriteAction): WriteStatus {
  switch (action.type) {
    case "start":
      return state.kind === "working" ? state : { kind: "working" };
    case "succeed":
      return { kind: "done", sheet: action.sheet };
    case "fail": {
      const { error } = action;
      if (error instanceof GatewayError) return { kind: "failed", code: error.code, detail: error.detail };
      return { kind: "failed", code: "WRITE_FAILED", detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
