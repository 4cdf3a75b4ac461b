#!/usr/bin/env node
// npm run bench — speed and memory of the SALES functions on Excel's full sheet (1,048,575 data rows),
// measured through the production bundle's entry points with Excel-shaped input, each scenario in its own
// process; then the task pane's budgets in headless Chromium (bench/budgets.mjs). Figures are printed and
// written to bench/results.json. Nothing here asserts a time.
// `npm run bench -- --budgets` measures only the pane's budgets; `--build` rebuilds dist/ first. The import
// engine's benchmark (bench/import.mjs: 1M and 10M generated orders in headless Chromium, a few minutes)
// runs last; `--no-import` skips it, `--import` runs only it.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { measureBudgets } from "./budgets.mjs";
import { measureImport } from "./import.mjs";

const ROWS = Number(process.env.BENCH_ROWS || 1_048_575);
const SCENARIOS = ["RFM.TABLE", "RFM.TABLE window", "RFM.TABLE text", "RFM.TABLE 中文", "RFM.SCORE seed", "RFM.SCORE quantile", "RFM.SCORE rfm-r", "RFM.SEGMENT cn8", "RFM.SEGMENT rfm-r", "CUSTOMER.TAGS", "TARGET.SPLIT", "QUOTA.ALLOCATE", "TARGET.GRID", "FORECAST.HW fit", "FORECAST.BACKTEST", "CLV.SUMMARY", "CLV.FIT", "CLV.VALUE"];
const root = new URL("..", import.meta.url);

const importOnly = process.argv.includes("--import");
const budgetsOnly = process.argv.includes("--budgets") || importOnly;
const withImport = importOnly || (!budgetsOnly && !process.argv.includes("--no-import"));

if (!existsSync(new URL("dist/functions.js", root)) || !existsSync(new URL("dist/taskpane.html", root)) || process.argv.includes("--build")) {
  console.log("Building the production bundle…");
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
if (!budgetsOnly) {
  console.log(`\n${ROWS.toLocaleString("en-US")} rows, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}\n`);
  console.log("scenario               cold ms   warm ms (median)   output rows   peak RSS MB   heap MB");
}
for (const scenario of budgetsOnly ? [] : SCENARIOS) {
  const run = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=4096", new URL("bench/scenario.mjs", root).pathname, scenario, String(ROWS)], {
    encoding: "utf8",
  });
  if (run.status !== 0) {
    console.error(`${scenario} failed:\n${run.stderr}`);
    process.exitCode = 1;
    continue;
  }
  const r = JSON.parse(run.stdout.trim().split("\n").pop());
  const compared = r.baselineMs === undefined ? {} : { baselineMedianMs: median(r.baselineMs), ratioToBaseline: median(r.warmMs) / median(r.baselineMs) };
  results.push({ ...r, warmMedianMs: median(r.warmMs), ...compared });
  console.log(
    `${scenario.padEnd(20)} ${r.coldMs.toFixed(0).padStart(9)} ${median(r.warmMs).toFixed(0).padStart(18)} ${String(r.outputRows).padStart(13)} ${r.peakRssMb.toFixed(0).padStart(13)} ${r.heapUsedMb.toFixed(0).padStart(9)}`,
  );
  if (r.baselineMs !== undefined) {
    console.log(`  bare Map group-by    ${"".padStart(9)} ${compared.baselineMedianMs.toFixed(0).padStart(18)}   → ${scenario} takes ${compared.ratioToBaseline.toFixed(2)}× the baseline`);
  }
}

const budgets = importOnly ? undefined : await measureBudgets();
const importResults = withImport ? await measureImport() : undefined;
const importReport = importResults === undefined ? {} : { importDate: new Date().toISOString(), import: importResults };

// With --budgets or --import, the other figures of the last full run are kept.
const previous = budgetsOnly && existsSync(new URL("bench/results.json", root)) ? JSON.parse(readFileSync(new URL("bench/results.json", root), "utf8")) : undefined;
const report = previous ? { ...previous, ...(budgets === undefined ? {} : { budgetsDate: new Date().toISOString(), budgets }), ...importReport } : {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  rows: ROWS,
  note: "cold = first call (includes JIT warm-up, as Excel's first recalculation); warm = median of 3 more calls; peak RSS includes the generated input ranges",
  results,
  budgets,
  ...importReport,
};
writeFileSync(new URL("bench/results.json", root), `${JSON.stringify(report, null, 2)}\n`);
console.log("\nWritten to bench/results.json");
