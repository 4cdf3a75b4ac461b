import { MARKET_STRINGS } from "../../src/i18n/market";
import { UI_STRINGS } from "../../src/i18n/ui";

/** Every key of every pane dictionary exists in both languages, with the same shape, and says something. */
const DICTIONARIES: Record<string, Record<string, Record<string, unknown>>> = {
  ui: UI_STRINGS as unknown as Record<string, Record<string, unknown>>,
  market: MARKET_STRINGS as unknown as Record<string, Record<string, unknown>>,
};

function sample(fn: (...args: unknown[]) => unknown): unknown {
  return fn(...Array.from({ length: fn.length }, (_, i) => (i === 0 ? 2 : "X")));
}

describe.each(Object.entries(DICTIONARIES))("the %s strings", (_, dictionary) => {
  const zh = dictionary.zh!;
  const en = dictionary.en!;

  it("have the same keys in Chinese and English", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))("%s is non-empty in both languages, with the same shape", (key) => {
    for (const value of [en[key], zh[key]]) {
      expect(value).toBeDefined();
      if (typeof value === "function") {
        expect(value.length).toBe((en[key] as (...a: unknown[]) => unknown).length);
        expect(String(sample(value as (...a: unknown[]) => unknown)).trim()).not.toBe("");
      } else if (typeof value === "string") {
        expect(value.trim()).not.toBe("");
      } else {
        expect(typeof value).toBe(typeof en[key]);
      }
    }
  });
});
