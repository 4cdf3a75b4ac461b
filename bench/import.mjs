// The Import page's engine on generated order files (bench/order-file.cjs) in headless Chromium: time to
// start DuckDB, time to summary (per customer and per month × salesperson, as the page asks), and peak
// memory — beside a plain-JavaScript streaming baseline (bench/import-baseline.ts: TextDecoderStream,
// split, the core's readers, a Map) run on the same file in the same browser. Printed, and returned for
// bench/results.json. Nothing here asserts a time.
//
// Memory is the private resident memory (RssAnon from /proc: heaps and WebAssembly memory, not the shared
// libraries) of the page's renderer processes, sampled every 50 ms: the page and its dedicated workers
// (DuckDB's included) live there; each run has a fresh page (and processes).
// The browser process, which holds the Blob of a transcoded GB18030 file, is reported apart.
/* global window, document -- the functions given to page.evaluate run in the page */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromiumLaunch } from "./chromium-launch.mjs";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url).pathname;
const { chromium } = require("playwright-core");
const { startEngineHarness } = require(join(root, "scripts", "engine-harness.cjs"));
const { writeOrderFile } = require(join(root, "bench", "order-file.cjs"));

const REQUEST = { mapping: { customer: 1, date: 2, amount: 3, dimensions: { person: 4 } }, customers: true, periods: { dimension: "person" } };

/** Chromium's processes under `pid`: [pid, type ("renderer", "gpu-process", … or "browser")]. */
function chromiumProcesses(browserPid) {
  const parent = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const out = [[browserPid, "browser"]];
  for (const [pid] of parent) {
    let p = parent.get(pid);
    while (p !== undefined && p !== browserPid && p > 1) p = parent.get(p);
    if (p !== browserPid) continue;
    try {
      const type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, "utf8"))?.[1] ?? "other";
      out.push([pid, type]);
    } catch {
      // ended
    }
  }
  return out;
}

/** The browser process: the one started with `marker` that is not a child process (no --type=). */
function browserProcess(marker) {
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
      if (args.includes(marker) && !args.some((arg) => arg.startsWith("--type="))) return Number(name);
    } catch {
      // ended
    }
  }
  throw new Error("Chromium's browser process was not found");
}

/** Private anonymous memory (RssAnon: heaps, WebAssembly memory), not the shared libraries every process maps. */
const rssMb = (pid) => {
  try {
    return Number(/RssAnon:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;
  } catch {
    return 0;
  }
};

/** Runs `work` while sampling the memory of the page's renderer(s); resolves to its value and the peaks (MB). */
async function withPeakMemory(browserPid, renderers, work) {
  let renderer = 0;
  let browserRss = 0;
  const sample = () => {
    renderer = Math.max(renderer, renderers.reduce((sum, pid) => sum + rssMb(pid), 0));
    browserRss = Math.max(browserRss, rssMb(browserPid));
  };
  sample();
  const timer = setInterval(sample, 50);
  try {
    const value = await work();
    sample();
    return { value, rendererPeakMb: renderer, browserPeakMb: browserRss };
  } finally {
    clearInterval(timer);
  }
}

const rendererPids = (browserPid) => chromiumProcesses(browserPid).filter(([, type]) => type === "renderer").map(([pid]) => pid);

/** A fresh page of the engine's test page with `path` in its file input, and its renderer process(es). */
async function pageWith(browser, browserPid, origin, path) {
  const before = new Set(rendererPids(browserPid));
  const context = await browser.newContext();
  await context.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort("blockedbyclient")));
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.setInputFiles("#file", path);
  const renderers = rendererPids(browserPid).filter((pid) => !before.has(pid));
  if (renderers.length === 0) throw new Error("the page's renderer process was not found");
  return { context, page, renderers };
}

async function engineRun(browser, browserPid, origin, path) {
  const { context, page, renderers } = await pageWith(browser, browserPid, origin, path);
  try {
    const loadMs = await page.evaluate(async () => {
      const started = performance.now();
      window.__engine = await window.__importEngine.createOrderFileEngine();
      return performance.now() - started;
    });
    const run = await withPeakMemory(browserPid, renderers, () =>
      page.evaluate(async (request) => {
        const file = document.getElementById("file").files[0];
        const started = performance.now();
        const sniff = await window.__importEngine.sniffFile(file);
        const result = await window.__engine.summarise(file, sniff, request);
        return { ms: performance.now() - started, rows: result.rows, rejected: result.rejectedCount, customers: result.customers.ids.length, periods: result.periods.orders.length };
      }, REQUEST),
    );
    return { loadMs, ...run.value, rendererPeakMb: run.rendererPeakMb, browserPeakMb: run.browserPeakMb };
  } finally {
    await context.close();
  }
}

async function baselineRun(browser, browserPid, origin, path, encoding) {
  const { context, page, renderers } = await pageWith(browser, browserPid, origin, path);
  try {
    const run = await withPeakMemory(browserPid, renderers, () =>
      page.evaluate(
        async ({ encoding, mapping }) => window.__importEngine.baselineSummary(document.getElementById("file").files[0], encoding, mapping),
        { encoding, mapping: REQUEST.mapping },
      ),
    );
    return { ms: run.value.elapsedMs, rows: run.value.rows, customers: run.value.customers, rendererPeakMb: run.rendererPeakMb };
  } finally {
    await context.close();
  }
}

/** Rows of the generated files: BENCH_IMPORT_ROWS ("1000000,10000000" by default); the first is also run in GB18030. */
const SIZES = (process.env.BENCH_IMPORT_ROWS || "1000000,10000000").split(",").map(Number);

/** The import benchmark: one file per size (UTF-8), and the first size again in GB18030. */
export async function measureImport(sizes = SIZES) {
  const dir = mkdtempSync(join(tmpdir(), "import-bench-"));
  const harness = await startEngineHarness();
  // Playwright's Browser does not give its process: an argument Chromium ignores marks it among /proc's.
  const marker = `--import-bench=${process.pid}`;
  const launch = chromiumLaunch();
  const browser = await chromium.launch({ ...launch, args: [...launch.args, marker], timeout: 30_000 });
  const browserPid = browserProcess(marker);
  const results = [];
  console.log("\nImport engine (DuckDB-wasm eh, one thread, headless Chromium; generated orders, 6 columns, Chinese headers)");
  console.log("file                          MB    load ms   summary ms   peak MB (renderer)   | baseline ms   peak MB (renderer)   rows/customers");
  try {
    const files = [...sizes.map((rows) => ({ rows, encoding: "utf-8" })), { rows: sizes[0], encoding: "gb18030" }];
    for (const { rows, encoding } of files) {
      const path = join(dir, `orders-${rows}-${encoding}.csv`);
      const file = writeOrderFile(path, rows, { encoding });
      const engine = await engineRun(browser, browserPid, harness.origin, path);
      const baseline = await baselineRun(browser, browserPid, harness.origin, path, encoding);
      rmSync(path);
      const result = { rows, encoding, bytes: file.bytes, customers: engine.customers, engine, baseline };
      results.push(result);
      const name = `${rows.toLocaleString("en-US")} ${encoding}`;
      console.log(
        `${name.padEnd(24)} ${(file.bytes / 1e6).toFixed(0).padStart(7)} ${engine.loadMs.toFixed(0).padStart(10)} ${engine.ms.toFixed(0).padStart(12)} ${engine.rendererPeakMb.toFixed(0).padStart(20)}   | ${baseline.ms.toFixed(0).padStart(11)} ${baseline.rendererPeakMb.toFixed(0).padStart(20)}   ${engine.rows}/${engine.customers}` +
          (encoding === "gb18030" ? `  (browser process peak ${engine.browserPeakMb.toFixed(0)} MB: the transcoded Blob)` : ""),
      );
    }
  } finally {
    await browser.close();
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
