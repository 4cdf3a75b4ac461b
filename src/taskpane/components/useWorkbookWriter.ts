import { useCallback, useReducer, useRef } from "react";
import type { RangeWrite, SheetPlan, WorkbookGateway } from "../../excel/gateway";
import { IDLE, writeStatusReducer, type WriteAction, type WriteStatus } from "./write-status";

export interface WorkbookWriter {
  readonly status: WriteStatus;
  /** Writes a plan into a new sheet. */
  createSheet(plan: SheetPlan): Promise<void>;
  /** Writes into an existing sheet; when cells are occupied the status becomes "confirm" and nothing is written. */
  writeRange(request: RangeWrite): Promise<void>;
  /** The user confirmed the pending overwrite: writes it with `overwrite: true`. */
  confirmOverwrite(): Promise<void>;
  /** The user declined the pending overwrite. */
  cancelOverwrite(): void;
}

/**
 * One write at a time through the gateway, with its status for the view. Show it with WriteResult: its
 * MessageBars announce each outcome through the app's AriaLiveAnnouncer, and it asks before overwriting.
 */
export function useWorkbookWriter(gateway: WorkbookGateway): WorkbookWriter {
  const [status, dispatchStatus] = useReducer(writeStatusReducer, IDLE);
  // Every transition goes through `dispatch`, which keeps this in step with the reducer's state.
  const statusRef = useRef<WriteStatus>(IDLE);

  const dispatch = useCallback((action: WriteAction) => {
    statusRef.current = writeStatusReducer(statusRef.current, action);
    dispatchStatus(action);
  }, []);

  const createSheet = useCallback(
    async (plan: SheetPlan) => {
      if (statusRef.current.kind === "working") return;
      dispatch({ type: "start" });
      try {
        const sheet = await gateway.createSheet(plan);
        dispatch({ type: "succeed", target: sheet, intoNewSheet: true });
      } catch (error) {
        dispatch({ type: "fail", error });
      }
    },
    [dispatch, gateway],
  );

  const writeRange = useCallback(
    async (request: RangeWrite) => {
      if (statusRef.current.kind === "working") return;
      dispatch({ type: "start" });
      try {
        const result = await gateway.writeRange(request);
        if (result.kind === "written") dispatch({ type: "succeed", target: result.address, intoNewSheet: false });
        else dispatch({ type: "needsConfirmation", request, address: result.address, occupied: result.occupied });
      } catch (error) {
        dispatch({ type: "fail", error });
      }
    },
    [dispatch, gateway],
  );

  const confirmOverwrite = useCallback(async () => {
    const current = statusRef.current;
    if (current.kind !== "confirm") return;
    await writeRange({ ...current.request, overwrite: true });
  }, [writeRange]);

  const cancelOverwrite = useCallback(() => dispatch({ type: "cancel" }), [dispatch]);

  return { status, createSheet, writeRange, confirmOverwrite, cancelOverwrite };
}
