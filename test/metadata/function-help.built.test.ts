import { FUNCTION_HELP } from "../../src/i18n/function-help";
import { readMetadata } from "../support/dist";

/** The task pane's function reference covers every registered function, in both languages, with its real signature. */
const { functions } = readMetadata();

describe("the task pane's function reference (src/i18n/function-help.ts)", () => {
  it("has exactly one entry per registered function", () => {
    expect(FUNCTION_HELP.map((h) => h.id).sort()).toEqual(functions.map((f) => f.id).sort());
  });

  it.each(functions.map((f) => [f.id, f] as const))("%s: syntax lists the parameters in order, help in zh and en, an example", (id, f) => {
    const help = FUNCTION_HELP.find((h) => h.id === id)!;
    const inside = /^=SALES\.([A-Z.]+)\((.*)\)$/.exec(help.syntax);
    expect(inside?.[1]).toBe(id);
    const names = (inside?.[2] ?? "").split(",").map((p) => p.trim().replace(/^\[|\]$/g, ""));
    f.parameters.forEach((p, i) => {
      if (p.optional) expect(names[i]).toMatch(/./);
      else expect(names[i]).toBe(p.name);
    });
    expect(names).toHaveLength(f.parameters.length);
    expect(help.summary.en).toMatch(/\S/);
    expect(help.summary.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(help.example.startsWith(`=SALES.${id}(`)).toBe(true);
  });
});
