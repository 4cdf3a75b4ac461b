import fc from "fast-check";
import type { FunctionMetadata } from "../support/dist";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { FunctionSpec } from "../support/fuzz/plausible";
import { formatReport, fuzzFunctions, FuzzReport, tableProblems } from "../support/fuzz/runner";

/**
 * The fuzzer itself, on a stand-in bundle whose functions each break one invariant: it must catch every
 * one of them (and pass the one that keeps them all), or a green fuzz run would mean nothing.
 */

const SOURCE = `
const E = CustomFunctions.Error;
const lang = () => (Office.context.displayLanguage.startsWith("zh") ? "zh" : "en");
const value = (x) => (typeof x === "number" ? x : Number(String(x)));
const ok = (x) => {
  const n = value(x);
  if (!Number.isFinite(n)) throw new E("#VALUE!", lang() === "zh" ? "x 不是数字。" : "x is not a number.");
  return n;
};
let calls = 0;
CustomFunctions.associate("GOOD", (x) => ok(x) / 2);
CustomFunctions.associate("NAN", (x) => value(x) / 0 - value(x) / 0);
CustomFunctions.associate("HANG", (x) => { if (ok(x) > 5) for (;;) {} return 1; });
CustomFunctions.associate("MUTATES", (r) => { if (Array.isArray(r) && Array.isArray(r[0])) r[0][0] = 1; return 1; });
CustomFunctions.associate("RANDOM", (x) => ok(x) + (++calls % 2));
CustomFunctions.associate("TYPEERROR", (x) => ok(x).foo.bar);
CustomFunctions.associate("SILENT", (x) => { throw new E("#VALUE!"); });
CustomFunctions.associate("BADCODE", (x) => { throw new E("#REF!", "no"); });
CustomFunctions.associate("RAGGED", (x) => [[1, 2], [3]]);
CustomFunctions.associate("UNEXPECTED", (x) => { throw new E("#VALUE!", "Unexpected problem (x is undefined). Please report it with the formula."); });
CustomFunctions.associate("ENGLISH", (x) => { throw new E("#N/A", "x is not available."); });
CustomFunctions.associate("LATE", (x) => new Promise(() => {}));
CustomFunctions.associate("LEAK", (x) => { throw new E("#VALUE!", "x: NaN is below the minimum of 0."); });
`;

const scalar = (id: string, result: FunctionMetadata["result"] = { type: "number" }): FunctionMetadata => ({
  id,
  name: id,
  parameters: [{ name: "x", type: "any" }],
  result,
});

const METADATA: FunctionMetadata[] = [
  scalar("GOOD"),
  scalar("NAN"),
  scalar("HANG"),
  { id: "MUTATES", name: "MUTATES", parameters: [{ name: "x", type: "any", dimensionality: "matrix" }], result: { type: "number" } },
  scalar("RANDOM"),
  scalar("TYPEERROR"),
  scalar("SILENT"),
  scalar("BADCODE"),
  scalar("RAGGED", { type: "number", dimensionality: "matrix" }),
  scalar("UNEXPECTED"),
  scalar("ENGLISH"),
  scalar("LATE"),
  scalar("LEAK"),
];

const number: FunctionSpec = { parameters: ["x"], plausible: fc.integer({ min: 0, max: 10 }).map((x) => ({ x })) };
const TABLE: Record<string, FunctionSpec> = Object.fromEntries(METADATA.map((f) => [f.id, f.id === "MUTATES" ? { parameters: ["x"], plausible: fc.constant({ x: [[5, 6]] }) } : number]));

let report: FuzzReport;

beforeAll(async () => {
  const bundles = { en: loadFunctionsBundle({ source: SOURCE, displayLanguage: "en-US" }), zh: loadFunctionsBundle({ source: SOURCE, displayLanguage: "zh-CN" }) };
  report = await fuzzFunctions({ bundles, metadata: METADATA, table: TABLE, runs: 40, seed: 42, timeoutMs: 100, shrink: false });
}, 60_000);

const reason = (id: string) => report.functions.find((f) => f.id === id)?.failure?.reason;

describe("the fuzzer", () => {
  it("passes a function that keeps every invariant, and counts its results and errors", () => {
    const good = report.functions.find((f) => f.id === "GOOD")!;
    expect(good.failure).toBeUndefined();
    expect(good.calls).toBe(40);
    expect(good.ok + (good.errors["#VALUE!"] ?? 0)).toBe(40);
    expect(good.ok).toBeGreaterThan(0);
    expect(good.errors["#VALUE!"]).toBeGreaterThan(0);
  });

  it.each([
    ["NAN", /returned a value that is NaN/],
    ["HANG", /did not return within 100 ms/],
    ["MUTATES", /argument\[0\]\[0\]\[0\] changed from 5 to 1/],
    ["RANDOM", /two calls with the same input differ/],
    ["TYPEERROR", /threw TypeError .*, not a CustomFunctions.Error/],
    ["SILENT", /threw #VALUE! without a message/],
    ["BADCODE", /code #REF!, not one of/],
    ["RAGGED", /ragged matrix: row 1 has 2 cells, row 2 has 1/],
    ["UNEXPECTED", /an internal exception escaped the core/],
    ["ENGLISH", /untranslated message in Chinese Office/],
    ["LATE", /did not return within 100 ms/],
    ["LEAK", /message shows NaN/],
  ])("catches %s", (id, expected) => {
    expect(reason(id)).toMatch(expected);
  });

  it("prints a counterexample with its arguments, seed, path and the command that replays it", () => {
    const text = formatReport(report);
    expect(text).toMatch(/FAILURE HANG: did not return within 100 ms/);
    expect(text).toMatch(/arguments: \[\d+\]/);
    expect(text).toMatch(/seed: 42, path: \d+/);
    expect(text).toMatch(/replay: npm run fuzz -- --only HANG --seed 42 --path \d+/);
  });

  it("replays a counterexample from its seed and path, for one function", async () => {
    const first = report.functions.find((f) => f.id === "HANG")!.failure!;
    const bundles = { en: loadFunctionsBundle({ source: SOURCE }), zh: loadFunctionsBundle({ source: SOURCE, displayLanguage: "zh-CN" }) };
    const again = await fuzzFunctions({ bundles, metadata: METADATA, table: TABLE, runs: 40, seed: first.seed, path: first.path, only: ["HANG"], timeoutMs: 100, shrink: false });
    expect(again.functions.map((f) => f.id)).toEqual(["HANG"]);
    expect(again.functions[0]!.failure).toMatchObject({ reason: first.reason, args: first.args, language: first.language });
  });

  it("fails a registered function or parameter its table does not know, and a table entry for nothing", () => {
    const withNew = [...METADATA, scalar("NEW.FUNCTION"), { ...scalar("GOOD"), parameters: [{ name: "x", type: "any" }, { name: "y", type: "any" }] }];
    expect(tableProblems(withNew, TABLE)).toEqual([
      expect.stringMatching(/^NEW.FUNCTION is registered but the fuzz table .* has no entry for it/),
      "GOOD: parameter y is not in the fuzz table (test/support/fuzz/plausible.ts)",
    ]);
    expect(tableProblems(METADATA.slice(1), TABLE)).toEqual(["the fuzz table has GOOD, which is not registered"]);
  });
});
