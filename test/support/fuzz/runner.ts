import fc from "fast-check";
import { Script } from "node:vm";
import type { FunctionMetadata } from "../dist";
import type { CustomFunction, LoadedBundle } from "../functions-bundle";
import { breakages, breakArgs } from "./hostile";
import { checkOutcome, compareOutcomes, deepFreeze, mutation, Outcome, snapshot, textOf, toSource } from "./invariants";
import { Args, FunctionSpec } from "./plausible";

/**
 * The fuzzer: every registered function called through the built bundle with generated arguments, half
 * plausible and half hostile (plausible.ts, hostile.ts), each case twice (the second time on deep-frozen
 * arguments), in the English or the Chinese runtime, checked against invariants.ts. One fast-check run
 * per function, all from the same seed, so `--only ID --seed S --path P` replays a counterexample.
 */

export interface FuzzOptions {
  /** The bundle loaded with an English and with a Chinese Office language. */
  readonly bundles: { readonly en: LoadedBundle; readonly zh: LoadedBundle };
  /** functions.json's functions. */
  readonly metadata: readonly FunctionMetadata[];
  /** Plausible arguments per function id (plausible.ts's FUNCTIONS). */
  readonly table: Readonly<Record<string, FunctionSpec>>;
  /** Generated cases per function. */
  readonly runs: number;
  readonly seed: number;
  /** Function ids to fuzz; default all. */
  readonly only?: readonly string[];
  /** fast-check's counterexample path, to replay one case (with `only` and `seed`). */
  readonly path?: string;
  /** Time one call may take before it counts as a hang. Default 5000 ms. */
  readonly timeoutMs?: number;
  /** Shrink a failing case to a smaller one (slower). Default true. */
  readonly shrink?: boolean;
}

export interface FunctionReport {
  readonly id: string;
  /** Cases run (each case calls the function twice). */
  calls: number;
  /** Cases that returned a value. */
  ok: number;
  /** Cases that threw, by Excel error code. */
  readonly errors: Record<string, number>;
  /** Cases that broke an invariant (fast-check stops a function at its first failure). */
  failures: number;
  /** The slowest call, in ms. */
  slowestMs: number;
  /** How to reproduce the failure, when there was one. */
  failure?: Counterexample;
}

export interface Counterexample {
  readonly id: string;
  readonly reason: string;
  readonly language: "zh" | "en";
  readonly hostile: boolean;
  /** The arguments in parameter order, as JavaScript source. */
  readonly args: string;
  readonly seed: number;
  readonly path: string;
  readonly replay: string;
}

export interface FuzzReport {
  readonly functions: FunctionReport[];
  /** Problems with the set-up: a registered function or a parameter the table does not know. */
  readonly problems: string[];
  readonly seed: number;
  readonly runs: number;
}

interface Case {
  readonly language: "zh" | "en";
  readonly hostile: boolean;
  readonly args: Args;
}

class InvariantBroken extends Error {
  constructor(
    readonly reason: string,
    readonly language: "zh" | "en",
  ) {
    super(reason);
  }
}

/** The parameters of each registered function the table must know, in order; differences are problems. */
export function tableProblems(metadata: readonly FunctionMetadata[], table: Readonly<Record<string, FunctionSpec>>): string[] {
  const problems: string[] = [];
  for (const fn of metadata) {
    const spec = table[fn.id];
    if (spec === undefined) {
      problems.push(`${fn.id} is registered but the fuzz table (test/support/fuzz/plausible.ts) has no entry for it: add its plausible arguments`);
      continue;
    }
    const names = fn.parameters.map((p) => p.name);
    const unknown = names.filter((name) => !spec.parameters.includes(name));
    const extra = spec.parameters.filter((name) => !names.includes(name));
    for (const name of unknown) problems.push(`${fn.id}: parameter ${name} is not in the fuzz table (test/support/fuzz/plausible.ts)`);
    for (const name of extra) problems.push(`${fn.id}: the fuzz table names a parameter ${name} that functions.json does not have`);
    if (unknown.length + extra.length === 0 && names.join() !== spec.parameters.join()) {
      problems.push(`${fn.id}: the fuzz table lists the parameters as ${spec.parameters.join(", ")}, functions.json as ${names.join(", ")}`);
    }
  }
  for (const id of Object.keys(table)) if (!metadata.some((fn) => fn.id === id)) problems.push(`the fuzz table has ${id}, which is not registered`);
  return problems;
}

const CALL = new Script("__fuzzCall.out = __fuzzCall.fn.apply(undefined, __fuzzCall.args);", { filename: "fuzz-call.js" });

/**
 * Calls `fn` inside its bundle's context with a time limit: a synchronous loop is interrupted by the vm
 * watchdog, a Promise must settle before the timer.
 */
export async function callWithTimeout(bundle: LoadedBundle, fn: CustomFunction, args: readonly unknown[], timeoutMs: number): Promise<Outcome> {
  const slot = { fn, args, out: undefined as unknown };
  (bundle.context as { __fuzzCall?: unknown }).__fuzzCall = slot;
  try {
    CALL.runInContext(bundle.context, { timeout: timeoutMs });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return { kind: "timeout", ms: timeoutMs };
    return { kind: "error", error };
  } finally {
    (bundle.context as { __fuzzCall?: unknown }).__fuzzCall = undefined;
  }
  const out = slot.out;
  if (typeof (out as { then?: unknown } | null)?.then !== "function") return { kind: "value", value: out };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "timeout", ms: timeoutMs }), timeoutMs);
  });
  try {
    return await Promise.race([
      (out as Promise<unknown>).then(
        (value): Outcome => ({ kind: "value", value }),
        (error: unknown): Outcome => ({ kind: "error", error }),
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Fuzzes each function (or `only` those) and reports per function; never throws for a failing function. */
export async function fuzzFunctions(options: FuzzOptions): Promise<FuzzReport> {
  const problems = tableProblems(options.metadata, options.table);
  const timeoutMs = options.timeoutMs ?? 5000;
  const selected = options.only === undefined ? options.metadata : options.metadata.filter((fn) => options.only!.includes(fn.id));
  for (const id of options.only ?? []) if (!options.metadata.some((fn) => fn.id === id)) problems.push(`--only ${id}: no such function in functions.json`);
  const reports: FunctionReport[] = [];
  for (const metadata of selected) {
    const spec = options.table[metadata.id];
    if (spec === undefined) continue;
    reports.push(await fuzzOne(metadata, spec, options, timeoutMs));
  }
  return { functions: reports, problems, seed: options.seed, runs: options.runs };
}

async function fuzzOne(metadata: FunctionMetadata, spec: FunctionSpec, options: FuzzOptions, timeoutMs: number): Promise<FunctionReport> {
  const report: FunctionReport = { id: metadata.id, calls: 0, ok: 0, errors: {}, failures: 0, slowestMs: 0 };
  const parameters = metadata.parameters.map((p) => p.name);
  const plausible = spec.plausible.map((args) => {
    const keys = Object.keys(args).sort().join();
    if (keys !== [...parameters].sort().join()) throw new Error(`${metadata.id}: the fuzz table generated arguments ${keys}, functions.json has ${parameters.join(",")}`);
    return args;
  });
  const cases: fc.Arbitrary<Case> = fc.record({
    language: fc.constantFrom("en" as const, "zh" as const),
    hostile: fc.boolean(),
    args: plausible,
    broken: breakages,
  }).map(({ language, hostile, args, broken }) => ({ language, hostile, args: hostile ? breakArgs(args, parameters, broken) : args }));

  // Cases fast-check runs while shrinking a failure are not counted.
  let counting = true;
  const broke = (reason: string, language: "zh" | "en"): never => {
    counting = false;
    throw new InvariantBroken(reason, language);
  };
  const property = fc.asyncProperty(cases, async (c) => {
    const bundle = options.bundles[c.language];
    const fn = bundle.functions.get(metadata.id);
    if (fn === undefined) return broke(`${metadata.id} is in functions.json but the bundle did not associate it`, c.language);
    const args = parameters.map((name) => c.args[name]);
    const context = { metadata, ErrorClass: bundle.CustomFunctions.Error, language: c.language, inputText: textOf(args) };

    const before = snapshot(args);
    const started = performance.now();
    const first = await callWithTimeout(bundle, fn, args, timeoutMs);
    const elapsed = performance.now() - started;
    if (counting) {
      report.calls++;
      report.slowestMs = Math.max(report.slowestMs, elapsed);
      if (first.kind === "value") report.ok++;
      if (first.kind === "error") {
        const code = String((first.error as { code?: unknown }).code ?? "other");
        report.errors[code] = (report.errors[code] ?? 0) + 1;
      }
    }
    const broken = checkOutcome(first, context) ?? mutation(args, before);
    if (broken !== undefined) broke(broken, c.language);
    if (first.kind === "timeout") return;
    const second = await callWithTimeout(bundle, fn, deepFreeze(args.map((a) => snapshotCopy(a))), timeoutMs);
    const differs = checkOutcome(second, context) ?? compareOutcomes(first, second);
    if (differs !== undefined) broke(differs, c.language);
  });

  const details = await fc.check(property, {
    numRuns: options.runs,
    seed: options.seed,
    ...(options.path === undefined ? {} : { path: options.path }),
    endOnFailure: options.shrink === false,
  });
  if (details.failed && details.counterexample !== null) {
    const [c] = details.counterexample;
    const reason = details.errorInstance instanceof InvariantBroken ? details.errorInstance.reason : String(details.errorInstance);
    report.failures = 1;
    report.failure = {
      id: metadata.id,
      reason,
      language: c.language,
      hostile: c.hostile,
      args: `[${parameters.map((name) => toSource(c.args[name])).join(", ")}]`,
      seed: details.seed,
      path: details.counterexamplePath ?? "",
      replay: `npm run fuzz -- --only ${metadata.id} --seed ${details.seed} --path ${details.counterexamplePath ?? ""}`,
    };
  } else if (details.failed) {
    report.failures = 1;
    report.failure = { id: metadata.id, reason: String(details.errorInstance), language: "en", hostile: false, args: "(none)", seed: details.seed, path: "", replay: "" };
  }
  return report;
}

/** A fresh copy of an argument (arrays copied, cells shared) for the second, frozen call. */
function snapshotCopy(value: unknown): unknown {
  return Array.isArray(value) ? value.map(snapshotCopy) : value;
}

/** The per-function table and every counterexample, as text. */
export function formatReport(report: FuzzReport): string {
  const lines: string[] = [];
  lines.push(`fuzz: ${report.runs} cases per function, seed ${report.seed}; each case is called twice (the second time on frozen arguments)`);
  const header = ["function", "calls", "ok", "#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "other", "failures", "slowest ms"];
  const rows = report.functions.map((f) => {
    const known = ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"];
    const other = Object.entries(f.errors)
      .filter(([code]) => !known.includes(code))
      .reduce((sum, [, n]) => sum + n, 0);
    return [f.id, f.calls, f.ok, ...known.map((code) => f.errors[code] ?? 0), other, f.failures, Math.round(f.slowestMs)].map(String);
  });
  const total = report.functions.reduce(
    (t, f) => ({ calls: t.calls + f.calls, ok: t.ok + f.ok, failures: t.failures + f.failures }),
    { calls: 0, ok: 0, failures: 0 },
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  lines.push(line(header));
  for (const row of rows) lines.push(line(row));
  lines.push(`total: ${total.calls} cases, ${total.ok} ok, ${total.calls - total.ok} errors, ${total.failures} failures`);
  for (const problem of report.problems) lines.push(`PROBLEM: ${problem}`);
  for (const f of report.functions) {
    if (f.failure === undefined) continue;
    const x = f.failure;
    lines.push("");
    lines.push(`FAILURE ${x.id}: ${x.reason}`);
    lines.push(`  language: ${x.language}, ${x.hostile ? "hostile" : "plausible"} arguments`);
    lines.push(`  arguments: ${x.args.length > 2000 ? `${x.args.slice(0, 2000)}… (${x.args.length} characters)` : x.args}`);
    lines.push(`  seed: ${x.seed}, path: ${x.path}`);
    lines.push(`  replay: ${x.replay}`);
  }
  return lines.join("\n");
}

/** True when the run found nothing wrong. */
export function passed(report: FuzzReport): boolean {
  return report.problems.length === 0 && report.functions.every((f) => f.failures === 0);
}
