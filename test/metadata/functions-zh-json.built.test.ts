import { readFileSync } from "node:fs";
import { FUNCTION_METADATA_ZH } from "../../src/i18n/function-metadata-zh";
import { DESCRIPTION_MAX } from "../../src/i18n/localize-metadata";
import { PARAMETER_NAMES_ZH } from "../../src/i18n/parameter-names";
import { distFile, FunctionMetadata, readMetadata } from "../support/dist";

/**
 * dist/functions-zh-CN.json, the metadata Chinese Excel reads (manifest: the zh-CN Override of
 * Functions.Metadata.Url): the functions of dist/functions.json, with Chinese text and nothing else changed.
 */
const english = readMetadata();
const chinese = JSON.parse(readFileSync(distFile("functions-zh-CN.json"), "utf8")) as typeof english;
const HAN = /\p{Script=Han}/u;

/** A metadata file without the text a user reads: what must be equal in both languages. */
function structure(metadata: { functions: FunctionMetadata[] }): unknown {
  return {
    ...metadata,
    functions: metadata.functions.map(({ description: _, parameters, ...fn }) => ({
      ...fn,
      parameters: parameters.map(({ name: _name, description: _description, ...parameter }) => parameter),
    })),
  };
}

describe("the Chinese custom-function metadata (dist/functions-zh-CN.json)", () => {
  it("has every function and parameter of functions.json translated in src/i18n", () => {
    const missing: string[] = [];
    for (const fn of english.functions) {
      const text = FUNCTION_METADATA_ZH[fn.id];
      if (text === undefined) missing.push(fn.id);
      for (const p of fn.parameters) {
        if (PARAMETER_NAMES_ZH[p.name] === undefined) missing.push(`${fn.id} ${p.name} (name)`);
        if (text?.parameters[p.name] === undefined) missing.push(`${fn.id} ${p.name} (description)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has the same ids, function names, parameter counts, types, dimensionality, optionality and options", () => {
    expect(chinese.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    for (const fn of chinese.functions) expect(fn.name).toBe(fn.id);
    expect(structure(chinese)).toEqual(structure(english));
  });

  it.each(english.functions.map((f, i) => [f.id, f, chinese.functions[i]!] as const))("%s: Chinese description, parameter names and descriptions from the tables", (id, en, zh) => {
    const text = FUNCTION_METADATA_ZH[id]!;
    expect(zh.description).toBe(text.description);
    expect(zh.description).toMatch(HAN);
    expect([...zh.description!].length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(zh.parameters.map((p) => p.name)).toEqual(en.parameters.map((p) => PARAMETER_NAMES_ZH[p.name]));
    expect(zh.parameters.map((p) => p.description)).toEqual(en.parameters.map((p) => text.parameters[p.name]));
    for (const p of zh.parameters) expect(p.name).toMatch(/^\p{Script=Han}[\p{L}\p{N}_]*$/u);
    // The table lists a function's parameters in its signature's order, so it reads like the function.
    expect(Object.keys(text.parameters)).toEqual(en.parameters.map((p) => p.name));
  });
});
