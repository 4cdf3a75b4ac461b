// The pane's budgets, measured in headless Chromium against the production build (dist/): gzipped size of
// functions.js, gzipped size of the JavaScript the browser has loaded when the pane's first page is up, and
// the time to that first render (median of 5 fresh sessions). Printed, and returned for results.json;
// test/bundle/budget.built.test.ts asserts the sizes (deterministic), never the time.
/* global document, window, MutationObserver -- the functions given to addInitScript and waitForFunction run in the page */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { chromiumLaunch } from "./chromium-launch.mjs";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url).pathname;
const { chromium } = require("playwright-core");
const { startPaneServer, DIST, OFFICE_JS_DIR } = require(join(root, "scripts", "pane-server.cjs"));

const RUNS = 5;

const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One fresh session: when the first page was up (ms after navigation) and the scripts loaded by then. */
async function firstRender(browser, origin) {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 350, height: 720 } });
  try {
    // Nothing leaves 127.0.0.1 (office.js's telemetry frame outside Office is refused by the page's policy).
    await context.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort("blockedbyclient")));
    await context.addInitScript(() => {
      // The same moment as the browser test's: the first page's write button is in the document.
      const observer = new MutationObserver(() => {
        if (document.querySelector("main button") === null) return;
        observer.disconnect();
        window.__firstPage = { at: performance.now(), scripts: performance.getEntriesByType("resource").map((e) => e.name).filter((name) => new URL(name).pathname.endsWith(".js")) };
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForFunction(() => window.__firstPage !== undefined, undefined, { timeout: 30_000 });
    return await page.evaluate(() => window.__firstPage);
  } finally {
    await context.close();
  }
}

export async function measureBudgets() {
  const server = await startPaneServer();
  const browser = await chromium.launch({ ...chromiumLaunch(), timeout: 30_000 });
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await firstRender(browser, server.origin));
    // Which file each script is: ours (dist/) or office.js's (its CDN folder, served locally).
    const files = new Map();
    for (const url of runs.flatMap((run) => run.scripts)) {
      const { pathname } = new URL(url);
      const office = pathname.startsWith(server.cdn.folder);
      files.set(pathname, { office, name: office ? pathname.slice(server.cdn.folder.length) : pathname.slice(1), path: office ? join(OFFICE_JS_DIR, pathname.slice(server.cdn.folder.length)) : join(DIST, pathname) });
    }
    const loaded = [...files.values()];
    const ours = loaded.filter((f) => !f.office);
    const office = loaded.filter((f) => f.office);
    const size = (list) => list.reduce((sum, f) => sum + gzipped(f.path), 0);
    const functions = gzipped(join(DIST, "functions.js"));
    const pane = size(ours.filter((f) => f.name !== "functions.js"));
    const times = runs.map((run) => run.at);
    const result = {
      functionsJsGzipBytes: functions,
      firstRenderPaneJsGzipBytes: pane,
      firstRenderOurJsGzipBytes: size(ours),
      firstRenderOfficeJsGzipBytes: size(office),
      firstRenderScripts: loaded.map((f) => (f.office ? `office.js: ${f.name}` : f.name)),
      firstRenderMs: { median: median(times), min: Math.min(...times), max: Math.max(...times), runs: times.length },
    };
    console.log("\nTask pane budgets (gzip level 9; headless Chromium, dist/ on 127.0.0.1, office.js from node_modules)");
    console.log(`  functions.js                                ${kB(functions).padStart(9)}   budget 43 kB`);
    console.log(`  first render: the pane's own JavaScript     ${kB(pane).padStart(9)}   budget 150 kB (${ours.filter((f) => f.name !== "functions.js").map((f) => f.name).join(", ")})`);
    console.log(`  first render: with functions.js             ${kB(result.firstRenderOurJsGzipBytes).padStart(9)}`);
    console.log(`  first render: office.js's files (its CDN)   ${kB(result.firstRenderOfficeJsGzipBytes).padStart(9)}   (${office.map((f) => f.name).join(", ")})`);
    console.log(`  time to first render, median of ${RUNS}         ${`${median(times).toFixed(0)} ms`.padStart(9)}   (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms; no network latency, so mostly parsing and rendering)`);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}
