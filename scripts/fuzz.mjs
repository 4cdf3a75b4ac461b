/**
 * npm run fuzz -- --runs N [--seed S] [--only RFM.SCORE[,FUNNEL.PLAN]] [--path P] [--timeout MS] [--no-shrink]
 *
 * Calls every registered function through the built bundle (dist/functions.js, as Excel loads it) with
 * generated arguments, half plausible and half hostile, and checks what each call returns or throws (see
 * test/support/fuzz/). Prints per function the cases run, ok results, errors by code and failures, and a
 * replayable counterexample for each failure; exits 1 on any failure. Builds dist/ first when it is missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url);

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "200" },
    seed: { type: "string" },
    only: { type: "string" },
    path: { type: "string" },
    timeout: { type: "string", default: "5000" },
    "no-shrink": { type: "boolean", default: false },
    build: { type: "boolean", default: false },
  },
});

const integer = (name, text) => {
  const value = Number(text);
  if (!Number.isInteger(value)) {
    console.error(`--${name} must be a whole number, not ${text}`);
    process.exit(2);
  }
  return value;
};

if (values.build || !existsSync(new URL("dist/functions.js", root)) || !existsSync(new URL("dist/functions.json", root))) {
  const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

require("./ts-require.cjs");
const { fuzzBuild, formatReport, passed } = require("../test/support/fuzz/index.ts");

const report = await fuzzBuild({
  runs: integer("runs", values.runs),
  seed: values.seed === undefined ? Date.now() % 2 ** 31 : integer("seed", values.seed),
  only: values.only?.split(",").map((id) => id.trim().toUpperCase()),
  path: values.path,
  timeoutMs: integer("timeout", values.timeout),
  shrink: !values["no-shrink"],
});
console.log(formatReport(report));
process.exit(passed(report) ? 0 : 1);
