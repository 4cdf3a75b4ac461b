/**
 * What the pane keeps of the user's work between page switches and between sessions: every page's draft
 * (what was typed, the step reached) and, per wizard, the sheet its last write made. Pure transitions
 * (draftsReducer) and the serialised form (parseSlot, serializeSlot) are tested in Node; DraftStore keeps
 * the state for the pane, lets React subscribe, and writes it to localStorage a moment after each change.
 *
 * One item of localStorage per workbook ("slot"): `salesPlanner.drafts.v1.<slot>`, namespaced and
 * versioned, its size bounded (MAX_SLOT_CHARS) and the number of slots too (MAX_SLOTS, the least recently
 * saved go first). Data that does not parse, or has another version, is ignored, never trusted.
 */

/** The sheet a wizard's last write made (or updated). */
export interface Output {
  readonly sheet: string;
  /** When (ms since 1970), for the Start page's order and for tests. */
  readonly at: number;
}

export interface DraftState {
  /** Drafts by key: "smart", "smart.step", "market.swot"… Values are plain data; each page checks its own. */
  readonly drafts: Readonly<Record<string, unknown>>;
  /** By wizard: "smart", "market.swot", "decompose"… */
  readonly outputs: Readonly<Record<string, Output>>;
  /** Counts "clear"s: a page keyed on it starts afresh (its validation state too). */
  readonly resets: number;
}

export type DraftAction =
  | { readonly type: "set"; readonly key: string; readonly value: unknown }
  /** Replaces a draft by a pure function of the one held (undefined when there is none). */
  | { readonly type: "update"; readonly key: string; readonly update: (previous: unknown) => unknown }
  /** Removes the draft `prefix` and every "prefix.…" draft (a page's draft and its step, say); outputs stay. */
  | { readonly type: "clear"; readonly prefix: string }
  | { readonly type: "written"; readonly output: string; readonly sheet: string; readonly at: number };

export const EMPTY_STATE: DraftState = { drafts: {}, outputs: {}, resets: 0 };

export function draftsReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case "set":
      return state.drafts[action.key] === action.value ? state : { ...state, drafts: { ...state.drafts, [action.key]: action.value } };
    case "update": {
      const value = action.update(state.drafts[action.key]);
      return value === state.drafts[action.key] ? state : { ...state, drafts: { ...state.drafts, [action.key]: value } };
    }
    case "clear": {
      const drafts = Object.fromEntries(Object.entries(state.drafts).filter(([key]) => !isUnder(key, action.prefix)));
      return { ...state, drafts, resets: state.resets + 1 };
    }
    case "written":
      return { ...state, outputs: { ...state.outputs, [action.output]: { sheet: action.sheet, at: action.at } } };
  }
}

/** Whether `key` is `prefix` or one of its "prefix.…" keys. */
export function isUnder(key: string, prefix: string): boolean {
  return key === prefix || key.startsWith(`${prefix}.`);
}

/** Whether any draft is kept under `prefix`. */
export function hasDraft(state: DraftState, prefix: string): boolean {
  return Object.keys(state.drafts).some((key) => isUnder(key, prefix));
}

export const STORAGE_PREFIX = "salesPlanner.drafts.";
export const STORE_VERSION = 1;
/** Where a workbook without an identity keeps its drafts (a new workbook never saved, outside Office). */
export const SHARED_SLOT = "shared";
/** Characters of one slot's JSON: far below localStorage's few megabytes per origin, far above a page of forms. */
export const MAX_SLOT_CHARS = 200_000;
/** Workbooks remembered; the least recently saved are forgotten first. */
export const MAX_SLOTS = 20;
/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

/** The localStorage key of a slot. */
export const storageKey = (slot: string) => `${STORAGE_PREFIX}v${STORE_VERSION}.${slot}`;

/**
 * The slot of a workbook from `Office.context.document.url` (read-only; empty or null for a workbook never
 * saved, and outside Office): a hash of the address without its query, so the key names no path.
 */
export function slotFor(url: string | null | undefined): string {
  const address = (url ?? "").trim().replace(/[?#].*$/, "").toLowerCase();
  return address === "" ? SHARED_SLOT : `wb-${hash53(address)}`;
}

/** A 53-bit string hash (cyrb53), in base 36: short, stable, and collisions are vanishingly rare for a few workbooks. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A slot as stored, or undefined when it is not ours to read (not JSON, another version, not the shape):
 * corrupt data is ignored, never trusted. Outputs that do not look like one are dropped one by one.
 */
export function parseSlot(text: string | null): { state: DraftState; savedAt: number } | undefined {
  if (text === null) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.v !== STORE_VERSION || !isRecord(data.drafts) || !isRecord(data.outputs)) return undefined;
  const outputs: Record<string, Output> = {};
  for (const [key, output] of Object.entries(data.outputs)) {
    if (isRecord(output) && typeof output.sheet === "string" && output.sheet !== "" && output.sheet.length <= MAX_SHEET_NAME && typeof output.at === "number") {
      outputs[key] = { sheet: output.sheet, at: output.at };
    }
  }
  const savedAt = typeof data.savedAt === "number" ? data.savedAt : 0;
  return { state: { drafts: { ...data.drafts }, outputs, resets: 0 }, savedAt };
}

/**
 * The JSON of a slot, within `maxChars`: when it is larger, the largest drafts are left out (they stay in
 * memory for this session) until it fits. Returns the keys left out too.
 */
export function serializeSlot(state: DraftState, savedAt: number, maxChars = MAX_SLOT_CHARS): { text: string; omitted: string[] } {
  const drafts = { ...state.drafts };
  const omitted: string[] = [];
  const text = () => JSON.stringify({ v: STORE_VERSION, savedAt, drafts, outputs: state.outputs });
  let json = text();
  if (json.length > maxChars) {
    const bySize = Object.keys(drafts).sort((a, b) => JSON.stringify(drafts[b]).length - JSON.stringify(drafts[a]).length);
    for (const key of bySize) {
      delete drafts[key];
      omitted.push(key);
      json = text();
      if (json.length <= maxChars) break;
    }
  }
  return { text: json, omitted };
}

/** The part of the Web Storage API the store uses (localStorage, or a stand-in in tests). */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface DraftStoreOptions {
  /** Where to keep drafts between sessions; none: this session only. */
  readonly storage?: StorageLike;
  readonly slot?: string;
  /** Milliseconds between a change and its write (several keystrokes make one write). */
  readonly delayMs?: number;
  readonly maxChars?: number;
  readonly maxSlots?: number;
  readonly now?: () => number;
}

/**
 * The drafts of one workbook for the pane: state + subscribe (for useSyncExternalStore) + a debounced
 * write to storage, flushed when the page is hidden. Storage that refuses (quota, privacy settings) leaves
 * the drafts in memory for this session; `lastError` says why.
 */
export class DraftStore {
  readonly slot: string;
  lastError: unknown;
  /** Draft keys the last write left out to stay within the size bound. */
  omitted: readonly string[] = [];
  private state: DraftState;
  private readonly listeners = new Set<() => void>();
  private readonly storage: StorageLike | undefined;
  private readonly delayMs: number;
  private readonly maxChars: number;
  private readonly maxSlots: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: DraftStoreOptions = {}) {
    this.slot = options.slot ?? SHARED_SLOT;
    this.storage = options.storage;
    this.delayMs = options.delayMs ?? 300;
    this.maxChars = options.maxChars ?? MAX_SLOT_CHARS;
    this.maxSlots = options.maxSlots ?? MAX_SLOTS;
    this.now = options.now ?? Date.now;
    this.state = this.read() ?? EMPTY_STATE;
  }

  getState = (): DraftState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispatch = (action: DraftAction): void => {
    const next = draftsReducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
    this.schedule();
  };

  /** Writes now what a scheduled write would have written. */
  flush = (): void => {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.storage === undefined) return;
    const savedAt = this.now();
    const { text, omitted } = serializeSlot(this.state, savedAt, this.maxChars);
    this.omitted = omitted;
    try {
      this.storage.setItem(storageKey(this.slot), text);
      this.evict();
      this.lastError = undefined;
    } catch (error) {
      this.lastError = error;
    }
  };

  private schedule(): void {
    if (this.storage === undefined) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, this.delayMs);
  }

  private read(): DraftState | undefined {
    try {
      return parseSlot(this.storage?.getItem(storageKey(this.slot)) ?? null)?.state;
    } catch (error) {
      this.lastError = error;
      return undefined;
    }
  }

  /** Keeps at most `maxSlots` workbooks: the least recently saved go (unreadable items of ours first). */
  private evict(): void {
    const storage = this.storage!;
    const prefix = storageKey("");
    const slots: { key: string; savedAt: number }[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(prefix)) slots.push({ key, savedAt: parseSlot(storage.getItem(key))?.savedAt ?? -1 });
    }
    if (slots.length <= this.maxSlots) return;
    slots.sort((a, b) => a.savedAt - b.savedAt);
    for (const { key } of slots.slice(0, slots.length - this.maxSlots)) if (key !== storageKey(this.slot)) storage.removeItem(key);
  }
}
