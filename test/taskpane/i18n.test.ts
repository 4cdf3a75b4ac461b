import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Every pane dictionary — any `…_STRINGS` export of a module in src/i18n, shaped `{ en, zh }` — has every
 * key in both languages, with the same shape (a function takes as many arguments), and says something.
 * New pages' dictionaries are picked up without editing this test.
 */
const I18N = join(__dirname, "..", "..", "src", "i18n");
type Dictionary = Record<string, unknown>;

function dictionaries(): [string, Dictionary, Dictionary][] {
  const found: [string, Dictionary, Dictionary][] = [];
  for (const file of readdirSync(I18N).filter((f) => f.endsWith(".ts")).sort()) {
    const module = jest.requireActual<Record<string, unknown>>(join(I18N, file));
    for (const [name, value] of Object.entries(module)) {
      if (!name.endsWith("_STRINGS")) continue;
      const { en, zh } = value as { en?: Dictionary; zh?: Dictionary };
      found.push([`${file} ${name}`, en ?? {}, zh ?? {}]);
    }
  }
  return found;
}

function sample(fn: (...args: unknown[]) => unknown): unknown {
  return fn(...Array.from({ length: fn.length }, (_, i) => (i === 0 ? 2 : "X")));
}

const ALL = dictionaries();

it("finds the pane dictionaries", () => {
  expect(ALL.map(([name]) => name)).toEqual(expect.arrayContaining(["ui.ts UI_STRINGS", "market.ts MARKET_STRINGS"]));
});

describe.each(ALL)("%s", (_, en, zh) => {
  it("has the same keys in Chinese and English", () => {
    expect(Object.keys(en).length).toBeGreaterThan(0);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("says something in both languages, with the same shape, for every key", () => {
    const problems: string[] = [];
    for (const key of Object.keys(en)) {
      for (const [language, value] of [["en", en[key]], ["zh", zh[key]]] as const) {
        if (typeof value !== typeof en[key]) problems.push(`${language}.${key}: ${typeof value}, en has ${typeof en[key]}`);
        else if (typeof value === "function") {
          if (value.length !== (en[key] as () => unknown).length) problems.push(`${language}.${key}: ${value.length} arguments`);
          else if (String(sample(value as (...a: unknown[]) => unknown)).trim() === "") problems.push(`${language}.${key}: empty`);
        } else if (typeof value === "string" && value.trim() === "") problems.push(`${language}.${key}: empty`);
      }
    }
    expect(problems).toEqual([]);
  });
});
