import fc from "fast-check";
import { createDraft, draftReducer } from "../../../src/taskpane/components/form-draft";
import {
  DraftStore,
  draftsReducer,
  EMPTY_STATE,
  hasDraft,
  MAX_SLOT_CHARS,
  parseSlot,
  serializeSlot,
  SHARED_SLOT,
  slotFor,
  storageKey,
  type StorageLike,
} from "../../../src/taskpane/drafts/draft-store";
import { reviveFormDraft, reviveIndex, reviveOneOf, reviveStrings } from "../../../src/taskpane/drafts/revive";

/** localStorage's behaviour in memory; `quota` makes setItem throw as a full storage does. */
class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  quota = Infinity;
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (value.length > this.quota) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe("drafts reducer", () => {
  it("sets, updates from the held value, and clears a page's drafts by prefix, keeping the others and the outputs", () => {
    let state = draftsReducer(EMPTY_STATE, { type: "set", key: "market.swot", value: { a: 1 } });
    state = draftsReducer(state, { type: "set", key: "market.swot.step", value: { current: 1, reached: 1 } });
    state = draftsReducer(state, { type: "set", key: "market.swotx", value: "another page" });
    state = draftsReducer(state, { type: "update", key: "smart", update: (held) => (held === undefined ? "first" : "again") });
    state = draftsReducer(state, { type: "update", key: "smart", update: (held) => `${String(held)}, again` });
    state = draftsReducer(state, { type: "written", output: "market.swot", sheet: "SWOT analysis", at: 5 });
    expect(state.drafts).toEqual({ "market.swot": { a: 1 }, "market.swot.step": { current: 1, reached: 1 }, "market.swotx": "another page", smart: "first, again" });
    expect(hasDraft(state, "market.swot")).toBe(true);

    const cleared = draftsReducer(state, { type: "clear", prefix: "market.swot" });
    expect(cleared.drafts).toEqual({ "market.swotx": "another page", smart: "first, again" });
    expect(cleared.outputs).toEqual({ "market.swot": { sheet: "SWOT analysis", at: 5 } });
    expect(cleared.resets).toBe(state.resets + 1);
    expect(hasDraft(cleared, "market.swot")).toBe(false);
  });

  it("returns the same state when nothing changes, so React does not re-render", () => {
    const value = { a: 1 };
    const state = draftsReducer(EMPTY_STATE, { type: "set", key: "k", value });
    expect(draftsReducer(state, { type: "set", key: "k", value })).toBe(state);
    expect(draftsReducer(state, { type: "update", key: "k", update: (held) => held })).toBe(state);
  });
});

describe("a workbook's slot", () => {
  it("is a hash of the document's address (no path in the key), the same for the same workbook, shared when there is none", () => {
    const slot = slotFor("https://contoso.sharepoint.com/sites/sales/Shared Documents/Plan 2025.xlsx");
    expect(slot).toMatch(/^wb-[0-9a-z]+$/);
    expect(slot).not.toContain("Plan");
    expect(slotFor("HTTPS://contoso.sharepoint.com/sites/sales/Shared Documents/plan 2025.xlsx?web=1")).toBe(slot);
    expect(slotFor("C:\\Users\\li\\Documents\\Plan 2025.xlsx")).not.toBe(slot);
    expect([slotFor(""), slotFor(null), slotFor(undefined), slotFor("  ")]).toEqual([SHARED_SLOT, SHARED_SLOT, SHARED_SLOT, SHARED_SLOT]);
  });

  it("differs between different addresses (no collision among 2,000 random ones)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.webUrl({ withQueryParameters: false, withFragments: false }), { minLength: 2000, maxLength: 2000, selector: (url) => url.toLowerCase() }), (urls) => {
        expect(new Set(urls.map(slotFor)).size).toBe(urls.length);
      }),
      { numRuns: 1 },
    );
  });
});

describe("a slot as stored", () => {
  it("round-trips drafts and outputs, namespaced and versioned", () => {
    const state = { drafts: { smart: { channel: "天猫" } }, outputs: { smart: { sheet: "SMART 目标", at: 7 } }, resets: 3 };
    const { text, omitted } = serializeSlot(state, 42);
    expect(omitted).toEqual([]);
    expect(JSON.parse(text)).toMatchObject({ v: 1, savedAt: 42 });
    expect(parseSlot(text)).toEqual({ state: { ...state, resets: 0 }, savedAt: 42 });
    expect(storageKey("wb-abc")).toBe("salesPlanner.drafts.v1.wb-abc");
  });

  it.each([
    ["not JSON", "{oops"],
    ["JSON null", "null"],
    ["an array", "[1,2]"],
    ["another version", JSON.stringify({ v: 2, drafts: {}, outputs: {} })],
    ["drafts not an object", JSON.stringify({ v: 1, drafts: [], outputs: {} })],
    ["outputs missing", JSON.stringify({ v: 1, drafts: {} })],
  ])("ignores %s", (_, text) => {
    expect(parseSlot(text)).toBeUndefined();
  });

  it("drops, one by one, outputs that are not a sheet name and a time", () => {
    const text = JSON.stringify({
      v: 1,
      savedAt: 1,
      drafts: {},
      outputs: { good: { sheet: "SWOT analysis", at: 1 }, empty: { sheet: "", at: 1 }, long: { sheet: "x".repeat(32), at: 1 }, noTime: { sheet: "A" }, notObject: "SWOT" },
    });
    expect(parseSlot(text)?.state.outputs).toEqual({ good: { sheet: "SWOT analysis", at: 1 } });
  });

  it("stays within its size bound by leaving out the largest drafts first, never the outputs", () => {
    const state = { drafts: { small: "a", big: "b".repeat(5000), medium: "c".repeat(2000) }, outputs: { smart: { sheet: "SMART target", at: 1 } }, resets: 0 };
    const { text, omitted } = serializeSlot(state, 1, 3000);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(omitted).toEqual(["big"]);
    expect(parseSlot(text)?.state).toEqual({ drafts: { small: "a", medium: "c".repeat(2000) }, outputs: state.outputs, resets: 0 });
    expect(MAX_SLOT_CHARS).toBeGreaterThanOrEqual(100_000);
  });
});

describe("DraftStore", () => {
  const options = (storage: StorageLike, slot = "wb-1") => ({ storage, slot, delayMs: 0, now: () => 1000 });

  it("reads the workbook's drafts back in a new session (the pane closed and opened again)", () => {
    const storage = new MemoryStorage();
    const first = new DraftStore(options(storage));
    first.dispatch({ type: "set", key: "smart", value: { channel: "天猫" } });
    first.dispatch({ type: "written", output: "smart", sheet: "SMART target", at: 9 });
    first.flush();
    const second = new DraftStore(options(storage));
    expect(second.getState().drafts).toEqual({ smart: { channel: "天猫" } });
    expect(second.getState().outputs).toEqual({ smart: { sheet: "SMART target", at: 9 } });
    // Another workbook's slot is another story.
    expect(new DraftStore(options(storage, "wb-2")).getState()).toEqual(EMPTY_STATE);
  });

  it("writes a moment after a change, once for several changes", async () => {
    const storage = new MemoryStorage();
    const setItem = jest.spyOn(storage, "setItem");
    const store = new DraftStore({ storage, slot: "wb-1", delayMs: 5 });
    store.dispatch({ type: "set", key: "a", value: "1" });
    store.dispatch({ type: "set", key: "a", value: "12" });
    expect(setItem).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(parseSlot(storage.getItem(storageKey("wb-1")))?.state.drafts).toEqual({ a: "12" });
  });

  it("tells subscribers of each change", () => {
    const store = new DraftStore();
    const listener = jest.fn();
    const unsubscribe = store.subscribe(listener);
    store.dispatch({ type: "set", key: "a", value: 1 });
    store.dispatch({ type: "set", key: "a", value: 1 });
    unsubscribe();
    store.dispatch({ type: "set", key: "a", value: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("starts empty from corrupt data, and overwrites it with good data on the next write", () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey("wb-1"), "{not json");
    const store = new DraftStore(options(storage));
    expect(store.getState()).toEqual(EMPTY_STATE);
    store.dispatch({ type: "set", key: "a", value: "x" });
    store.flush();
    expect(parseSlot(storage.getItem(storageKey("wb-1")))?.state.drafts).toEqual({ a: "x" });
  });

  it("keeps the drafts in memory when the storage refuses (full, or blocked), and says why", () => {
    const storage = new MemoryStorage();
    storage.quota = 10;
    const store = new DraftStore(options(storage));
    store.dispatch({ type: "set", key: "a", value: "a long enough draft" });
    store.flush();
    expect((store.lastError as DOMException).name).toBe("QuotaExceededError");
    expect(store.getState().drafts).toEqual({ a: "a long enough draft" });
    const blocked = { get length(): number { throw new Error("SecurityError"); }, key: () => null, getItem: () => { throw new Error("SecurityError"); }, setItem: () => { throw new Error("SecurityError"); }, removeItem: () => undefined };
    const noAccess = new DraftStore(options(blocked));
    expect(noAccess.getState()).toEqual(EMPTY_STATE);
    noAccess.dispatch({ type: "set", key: "a", value: 1 });
    noAccess.flush();
    expect(noAccess.getState().drafts).toEqual({ a: 1 });
  });

  it("remembers at most so many workbooks: the least recently saved go, other keys and versions stay", () => {
    const storage = new MemoryStorage();
    storage.setItem("unrelated", "keep");
    storage.setItem("salesPlanner.drafts.v2.wb-future", "a newer version's: keep");
    let now = 0;
    for (const slot of ["wb-a", "wb-b", "wb-c", "wb-d"]) {
      const store = new DraftStore({ storage, slot, delayMs: 0, maxSlots: 3, now: () => ++now });
      store.dispatch({ type: "set", key: "k", value: slot });
      store.flush();
    }
    expect([...storage.items.keys()].sort()).toEqual(["salesPlanner.drafts.v1.wb-b", "salesPlanner.drafts.v1.wb-c", "salesPlanner.drafts.v1.wb-d", "salesPlanner.drafts.v2.wb-future", "unrelated"]);
  });
});

describe("revivers", () => {
  const initial = createDraft({ so: "", threshold: "10" }, { strengths: [{ factor: "", weight: "" }] });

  it("take a stored list draft as it was, with nextId past every id kept", () => {
    let draft = draftReducer(initial, { type: "setField", field: "so", value: "Brand-led" });
    draft = draftReducer(draft, { type: "addRow", list: "strengths", row: { factor: "", weight: "" } });
    draft = draftReducer(draft, { type: "setCell", list: "strengths", id: "r2", field: "factor", value: "天猫" });
    const stored = JSON.parse(JSON.stringify(draft));
    expect(reviveFormDraft(initial)(stored)).toEqual(draft);
    expect(reviveFormDraft(initial)({ ...stored, nextId: 1 })?.nextId).toBe(3);
  });

  it("repair what a form version changed: a new field gets its default, a field gone is dropped, a bad list is reset", () => {
    const stored = { fields: { so: "kept", gone: "x", threshold: 12 }, lists: { strengths: [{ id: "r1", factor: 5 }] }, nextId: 2 };
    expect(reviveFormDraft(initial)(stored)).toEqual({ fields: { so: "kept", threshold: "10" }, lists: initial.lists, nextId: 2 });
  });

  it.each([null, "draft", [], { fields: {} }, { lists: {} }])("refuse a list draft that is not one: %p", (value) => {
    expect(reviveFormDraft(initial)(value)).toBeUndefined();
  });

  it("take text fields, step indices and choices only when they are what the page expects", () => {
    expect(reviveStrings({ a: "", b: "x" })({ a: "kept", b: 3, c: "gone" })).toEqual({ a: "kept", b: "x" });
    expect(reviveStrings({ a: "" })("text")).toBeUndefined();
    expect([reviveIndex(5)(4), reviveIndex(5)(5), reviveIndex(5)(1.5), reviveIndex(5)("2")]).toEqual([4, undefined, undefined, undefined]);
    expect([reviveOneOf(["swot", "pest"])("pest"), reviveOneOf(["swot", "pest"])("bcg")]).toEqual(["pest", undefined]);
  });
});
