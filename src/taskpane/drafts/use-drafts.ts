import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type Dispatch } from "react";
import { DraftStore, type DraftState, type Output } from "./draft-store";

/**
 * React's view of the DraftStore: a page's draft lives in the store rather than in the page, so it
 * survives the page unmounting (every page but the one shown is unmounted) and, through the store's
 * storage, the pane being closed. A page swaps `useReducer`/`useState` for the hooks here, one line each.
 */

const DraftsContext = createContext<DraftStore | undefined>(undefined);

/** App puts the workbook's store here. */
export const DraftsProvider = DraftsContext.Provider;

let detached: DraftStore | undefined;

/** The pane's store; a component rendered outside App (a test) shares one kept in memory. */
export function useDraftStore(): DraftStore {
  const store = useContext(DraftsContext);
  if (store !== undefined) return store;
  detached ??= new DraftStore();
  return detached;
}

/** The whole state, re-rendering on every change (the Start page's journey). */
export function useDraftState(): DraftState {
  const store = useDraftStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** The sheet the last write of a wizard made, if any. */
export function useOutput(output: string): Output | undefined {
  const store = useDraftStore();
  return useSyncExternalStore(store.subscribe, () => store.getState().outputs[output]);
}

/**
 * Checks a value read back from storage (or held by the store) and returns it as `T`, or undefined when it
 * is not one: the page then starts from its initial value. A reviver may repair (e.g. fill a field a newer
 * version added); it never trusts the shape.
 */
export type Revive<T> = (value: unknown) => T | undefined;

/** `useState` kept in the draft store under `key`. */
export function usePersistentState<T>(key: string, initial: () => T, revive: Revive<T>): [T, (next: T | ((previous: T) => T)) => void] {
  const store = useDraftStore();
  const raw = useSyncExternalStore(store.subscribe, () => store.getState().drafts[key]);
  // One initial value and one reviver per mounted page (pages build their reviver inline), so that an
  // untouched draft keeps its identity between renders.
  const [fresh] = useState(initial);
  const [reviveHeld] = useState(() => revive);
  const valueOf = useCallback((held: unknown): T => (held === undefined ? fresh : (reviveHeld(held) ?? fresh)), [fresh, reviveHeld]);
  const value = useMemo(() => valueOf(raw), [raw, valueOf]);
  const set = useCallback(
    (next: T | ((previous: T) => T)) =>
      store.dispatch({ type: "update", key, update: (previous) => (typeof next === "function" ? (next as (previous: T) => T)(valueOf(previous)) : next) }),
    [store, key, valueOf],
  );
  return [value, set];
}

/** `useReducer` kept in the draft store under `key`. */
export function usePersistentReducer<S, A>(key: string, reducer: (state: S, action: A) => S, initial: () => S, revive: Revive<S>): [S, Dispatch<A>] {
  const [state, setState] = usePersistentState(key, initial, revive);
  const dispatch = useCallback((action: A) => setState((previous) => reducer(previous, action)), [setState, reducer]);
  return [state, dispatch];
}

/** A wizard's place: the step shown and the furthest step reached (steps up to it can be done). */
export interface WizardStepState {
  readonly current: number;
  readonly reached: number;
}

/** `useState` of a wizard's step, kept in the draft store under `key`; `setStep` also records the furthest reached. */
export function useWizardStep(key: string, count: number): { step: number; reached: number; setStep: (index: number) => void } {
  const [state, setState] = usePersistentState<WizardStepState>(key, () => ({ current: 0, reached: 0 }), (value) => {
    const held = value as Partial<WizardStepState> | null;
    const valid = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0 && n < count;
    return typeof held === "object" && held !== null && valid(held.current) && valid(held.reached) ? (held as WizardStepState) : undefined;
  });
  const setStep = useCallback((index: number) => setState((previous) => ({ current: index, reached: Math.max(previous.reached, index) })), [setState]);
  return { step: state.current, reached: state.reached, setStep };
}
