import fc from "fast-check";
import { readMetadata } from "../support/dist";
import { formatReport, fuzzBuild, FuzzReport, passed } from "../support/fuzz";

/**
 * Every registered function fuzzed through the built bundle (see test/support/fuzz): half plausible, half
 * hostile arguments, each case called twice, from the fixed seed of test/support/fast-check-seed.ts
 * (FC_SEED=random explores others). `npm run fuzz -- --runs N` runs more; a failure here prints the
 * counterexample and the command that replays it.
 */

/** Cases per function: 16,000 cases (32,000 calls) in about 15 s on the 2-core development machine. */
const RUNS = 500;

let report: FuzzReport;

beforeAll(async () => {
  report = await fuzzBuild({ runs: RUNS, seed: fc.readConfigureGlobal().seed ?? 20261122 });
  // The table of calls, results, errors and failures per function, for the test log.
  console.log(formatReport(report));
}, 240_000);

describe("fuzzing every registered function through dist/functions.js", () => {
  it("knows every registered function and parameter (a new one must be added to test/support/fuzz/plausible.ts)", () => {
    expect(report.problems).toEqual([]);
  });

  it.each(readMetadata().functions.map((f) => [f.id]))("%s keeps every invariant, and its plausible arguments reach results", (id) => {
    const fn = report.functions.find((f) => f.id === id);
    expect(fn).toBeDefined();
    expect(fn!.failure?.reason).toBeUndefined();
    expect(fn!.calls).toBe(RUNS);
    // Plausible arguments are half the cases; most of them must compute, or the fuzzer tests only errors.
    expect(fn!.ok).toBeGreaterThan(RUNS / 4);
  });

  it("passes overall", () => {
    expect(passed(report)).toBe(true);
  });
});
