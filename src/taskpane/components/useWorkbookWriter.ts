import { useCallback, useEffect, useReducer, useRef } from "react";
import type { RangeWrite, SheetPlan, WorkbookGateway, WriteOptions } from "../../excel/gateway";
import { useDraftStore } from "../drafts/use-drafts";
import { IDLE, writeStatusReducer, type WriteAction, type WriteStatus } from "./write-status";

export interface WorkbookWriterOptions {
  /**
   * The wizard's name in the draft store ("market.swot", "smart"…): the sheet each write makes is
   * remembered under it (per workbook), so that the next write offers to update it; it is also the prefix
   * of the wizard's drafts, which "Start over" clears. Without it every write adds a new sheet.
   */
  readonly output?: string;
  /** The page's draft: when it changes after a write finished, the write's message goes. */
  readonly draft?: unknown;
}

export interface WorkbookWriter {
  readonly status: WriteStatus;
  /**
   * Writes a wizard's plan. The first time, into a new sheet; when an earlier write of this wizard made a
   * sheet that still exists, the status becomes "choose" (update it, or write a new version); when that sheet
   * is gone, into a new sheet, saying so. `write`: the progress and cancel of a long write (kept for the
   * update or new version chosen after); a cancelled write is undone and ends as "cancelled".
   */
  createSheet(plan: SheetPlan, write?: WriteOptions): Promise<void>;
  /** From "choose": replaces the earlier output's content with the plan (the user has seen which cells). */
  updateExisting(): Promise<void>;
  /** From "choose": writes the plan into a new sheet beside the earlier one ("SWOT analysis (2)"). */
  writeNewVersion(): Promise<void>;
  /** Writes into an existing sheet; when cells are occupied the status becomes "confirm" and nothing is written. */
  writeRange(request: RangeWrite): Promise<void>;
  /** The user confirmed the pending overwrite: writes it with `overwrite: true`. */
  confirmOverwrite(): Promise<void>;
  /** The user declined the pending overwrite or choice: nothing is written. */
  cancelOverwrite(): void;
  /** Shows the sheet a finished write made (says so when it is gone). */
  goToSheet(): Promise<void>;
  /** Clears the wizard's drafts (its page starts afresh); only with an `output`. */
  readonly startOver: (() => void) | undefined;
}

/**
 * One write at a time through the gateway, with its status for the view. Show it with WriteResult: its
 * MessageBars announce each outcome through the app's AriaLiveAnnouncer, and it asks before overwriting.
 */
export function useWorkbookWriter(gateway: WorkbookGateway, options: WorkbookWriterOptions = {}): WorkbookWriter {
  const { output, draft } = options;
  const store = useDraftStore();
  const [status, dispatchStatus] = useReducer(writeStatusReducer, IDLE);
  // Every transition goes through `dispatch`, which keeps this in step with the reducer's state.
  const statusRef = useRef<WriteStatus>(IDLE);
  // The progress and cancel of the write under way (createSheet's, then its update or new version).
  const writeOptions = useRef<WriteOptions>({});

  const dispatch = useCallback((action: WriteAction) => {
    statusRef.current = writeStatusReducer(statusRef.current, action);
    dispatchStatus(action);
  }, []);

  // Editing again after a write: its message (success, "nothing written", failure) is no longer current.
  const lastDraft = useRef(draft);
  useEffect(() => {
    if (lastDraft.current === draft) return;
    lastDraft.current = draft;
    dispatch({ type: "reset" });
  }, [draft, dispatch]);

  const remember = useCallback(
    (sheet: string) => {
      if (output !== undefined) store.dispatch({ type: "written", output, sheet, at: Date.now() });
    },
    [output, store],
  );

  /** Runs one write unless one is running; a throw becomes the "failed" status. */
  const run = useCallback(
    async (write: () => Promise<void>) => {
      if (statusRef.current.kind === "working") return;
      dispatch({ type: "start" });
      try {
        await write();
      } catch (error) {
        dispatch({ type: "fail", error });
      }
    },
    [dispatch],
  );

  const intoNewSheet = useCallback(
    async (plan: SheetPlan, previous?: { readonly sheet: string; readonly missing: boolean }) => {
      const sheet = await gateway.createSheet(plan, writeOptions.current);
      remember(sheet);
      if (previous === undefined) dispatch({ type: "succeed", target: sheet, how: "newSheet" });
      else if (previous.missing) dispatch({ type: "succeed", target: sheet, how: "newSheet", previous: previous.sheet, previousMissing: true });
      else dispatch({ type: "succeed", target: sheet, how: "newVersion", previous: previous.sheet });
    },
    [dispatch, gateway, remember],
  );

  const createSheet = useCallback(
    (plan: SheetPlan, write: WriteOptions = {}) =>
      run(async () => {
        writeOptions.current = write;
        const previous = output === undefined ? undefined : store.getState().outputs[output];
        if (previous === undefined) return intoNewSheet(plan);
        // Asking to replace without `overwrite` writes nothing when the sheet holds anything: it lists the cells.
        const probe = await gateway.replaceSheet({ sheet: previous.sheet, plan }, write);
        if (probe.kind === "missing") return intoNewSheet(plan, { sheet: previous.sheet, missing: true });
        if (probe.kind === "needsConfirmation") {
          dispatch({ type: "needsChoice", plan, sheet: probe.sheet, occupied: probe.occupied, count: probe.count });
          return;
        }
        remember(probe.sheet);
        dispatch({ type: "succeed", target: probe.sheet, how: "updated" });
      }),
    [dispatch, gateway, intoNewSheet, output, remember, run, store],
  );

  const updateExisting = useCallback(async () => {
    const current = statusRef.current;
    if (current.kind !== "choose") return;
    await run(async () => {
      const result = await gateway.replaceSheet({ sheet: current.sheet, plan: current.plan, overwrite: true }, writeOptions.current);
      if (result.kind === "missing") return intoNewSheet(current.plan, { sheet: current.sheet, missing: true });
      if (result.kind === "needsConfirmation") throw new Error("the sheet was not replaced");
      remember(result.sheet);
      dispatch({ type: "succeed", target: result.sheet, how: "updated" });
    });
  }, [dispatch, gateway, intoNewSheet, remember, run]);

  const writeNewVersion = useCallback(async () => {
    const current = statusRef.current;
    if (current.kind !== "choose") return;
    await run(() => intoNewSheet(current.plan, { sheet: current.sheet, missing: false }));
  }, [intoNewSheet, run]);

  const writeRange = useCallback(
    (request: RangeWrite) =>
      run(async () => {
        const result = await gateway.writeRange(request);
        if (result.kind === "written") dispatch({ type: "succeed", target: result.address, how: "range" });
        else dispatch({ type: "needsConfirmation", request, address: result.address, occupied: result.occupied });
      }),
    [dispatch, gateway, run],
  );

  const confirmOverwrite = useCallback(async () => {
    const current = statusRef.current;
    if (current.kind !== "confirm") return;
    await writeRange({ ...current.request, overwrite: true });
  }, [writeRange]);

  const cancelOverwrite = useCallback(() => dispatch({ type: "cancel" }), [dispatch]);

  const goToSheet = useCallback(async () => {
    const current = statusRef.current;
    if (current.kind !== "done" || current.how === "range") return;
    const shown = await gateway.activateSheet(current.target).catch(() => "missing" as const);
    if (shown === "missing") dispatch({ type: "gone" });
  }, [dispatch, gateway]);

  const startOver = useCallback(() => {
    if (output !== undefined) store.dispatch({ type: "clear", prefix: output });
    dispatch({ type: "reset" });
  }, [dispatch, output, store]);

  return { status, createSheet, updateExisting, writeNewVersion, writeRange, confirmOverwrite, cancelOverwrite, goToSheet, startOver: output === undefined ? undefined : startOver };
}
