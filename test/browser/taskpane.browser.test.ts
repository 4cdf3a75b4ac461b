import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, Browser, BrowserContext, Locator, Page } from "playwright-core";
import { FUNCTION_HELP } from "../../src/i18n/function-help";
import { MARKET_STRINGS } from "../../src/i18n/market";
import { UI_STRINGS } from "../../src/i18n/ui";
import { startPaneServer } from "../../scripts/pane-server.cjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium";
import { DIST, distFile, readMetadata } from "../support/dist";

/**
 * The production build (dist/) in a real Chromium, outside Excel: the page as Excel would load it, under
 * its Content-Security-Policy, with the real office.js, the functions bundle and the task pane in one page
 * (the shared runtime).
 *
 * - scripts/pane-server.cjs serves dist/ on 127.0.0.1, and office.js's CDN folder from
 *   node_modules/@microsoft/office-js/dist: taskpane.html is served with the CDN's origin replaced by the
 *   server's, in the script tag and in the policy alike — the production policy with one origin swapped.
 * - Every request the page makes is recorded; any to another host is aborted and fails the run.
 * - Outside Office, office.js resolves Office.onReady with `{ host: null }` (after it has loaded
 *   o15apptofilemappingtable.js; the pane mounted ~260-290 ms after navigation), `Excel` stays undefined, and it
 *   logs "Warning: Office.js is loaded outside of Office client" (level log, not an error).
 * - office.js defines `CustomFunctions` itself, also outside Office: `associate` records into
 *   `CustomFunctions._association.mappings` (office.js's own registry, ids upper-cased). So no stand-in is
 *   injected; the test reads that record (an internal of office-js 1.1.110: if it moves, the test says so). `CustomFunctions.Error` and
 *   `ErrorCode` come from Excel's runtime and are undefined here.
 */

const RESULTS = resolve(__dirname, "..", "..", "test-results");
/** A task pane's size in Excel (desktop default width is about 350 px). */
const VIEWPORT = { width: 350, height: 720 };
const WAIT = { timeout: 10_000 };

/**
 * Reports of the Content-Security-Policy that are expected, each with its reason; any other fails the run.
 * Both come from office.js's ULS logger in o15apptofilemappingtable.js, a file office.js loads only when it
 * finds no Office host: 3 s after it initialises it adds a hidden iframe (a style attribute, then a frame
 * to Microsoft's telemetry service). The policy refuses both, so the frame is never requested. Inside
 * Excel office.js loads the host's own script instead, whose logger does nothing.
 */
const EXPECTED_VIOLATIONS: readonly { directive: string; blocked: RegExp; reason: string }[] = [
  { directive: "style-src-attr", blocked: /^inline$/, reason: "office.js's telemetry iframe outside Office: style=\"display:none\"" },
  { directive: "frame-src", blocked: /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com(\/|$)/, reason: "office.js's telemetry iframe outside Office" },
];

/**
 * Console errors and warnings that are expected, each with its reason. Apart from the two policy reports
 * above, the only console output is office.js's "Warning: Office.js is loaded outside of Office client",
 * logged at level "log".
 */
const EXPECTED_CONSOLE_PROBLEMS: readonly { pattern: RegExp; url?: RegExp; reason: string }[] = [
  { pattern: /^Applying inline style violates the following Content Security Policy directive/, reason: "EXPECTED_VIOLATIONS: style-src-attr" },
  { pattern: /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/, reason: "EXPECTED_VIOLATIONS: frame-src" },
  { pattern: /^Failed to load resource: the server responded with a status of 404/, url: /\/favicon\.ico$/, reason: "the browser's own request for a tab icon, not the page's" },
];

const en = UI_STRINGS.en;
const zh = UI_STRINGS.zh;

let server: Awaited<ReturnType<typeof startPaneServer>>;
let browser: Browser;

interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
}

/** What a page did that a test may want to fail on, collected from the first request on. */
interface PaneRecord {
  readonly pageErrors: string[];
  /** Console errors and warnings that EXPECTED_CONSOLE_PROBLEMS does not explain. */
  readonly consoleProblems: string[];
  readonly consoleLog: string[];
  /** Every request the page made, in order. */
  readonly requests: string[];
  /** Requests to other hosts than this server (all aborted). */
  readonly blocked: string[];
  /** Responses from the server with status >= 400. */
  readonly localFailures: string[];
}

interface Pane {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly record: PaneRecord;
}

/** The page's own record of what it saw: policy reports, and what it had loaded when the first page was up. */
interface InPage {
  readonly violations: Violation[];
  readonly firstPage?: { readonly at: number; readonly resources: string[] };
}

async function openPane(locale: string, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Pane> {
  const context = await browser.newContext({ locale, viewport: VIEWPORT });
  const record: PaneRecord = { pageErrors: [], consoleProblems: [], consoleLog: [], requests: [], blocked: [], localFailures: [] };
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === server.origin) return route.continue();
    record.blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
  await prepare?.(context);
  await context.addInitScript(() => {
    const inPage: { violations: unknown[]; firstPage?: unknown } = { violations: [] };
    (window as unknown as { __pane: unknown }).__pane = inPage;
    document.addEventListener("securitypolicyviolation", (event) => {
      inPage.violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile });
    });
    // The first page is up when its write button is: note the time, and every resource loaded by then.
    const observer = new MutationObserver(() => {
      if (document.querySelector("main button") === null) return;
      observer.disconnect();
      inPage.firstPage = { at: performance.now(), resources: performance.getEntriesByType("resource").map((entry) => entry.name) };
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  page.on("request", (request) => record.requests.push(request.url()));
  page.on("pageerror", (error) => record.pageErrors.push(`${error.name}: ${error.message}`));
  page.on("console", (message) => {
    const line = `${message.type()}: ${message.text()} (${message.location().url})`;
    record.consoleLog.push(line);
    if (message.type() === "error" || message.type() === "warning") {
      const expected = EXPECTED_CONSOLE_PROBLEMS.some(({ pattern, url }) => pattern.test(message.text()) && (url === undefined || url.test(message.location().url)));
      if (!expected) record.consoleProblems.push(line);
    }
  });
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin === server.origin && response.status() >= 400) record.localFailures.push(`${response.status()} ${url.pathname}`);
  });
  await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load", ...WAIT });
  return { context, page, record };
}

function inPage(page: Page): Promise<InPage> {
  return page.evaluate(() => (window as unknown as { __pane: InPage }).__pane);
}

/** Opens a page of the pane: its tab, or, when it did not fit the row, the same entry in the "More" menu. */
async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tab", { name, exact: true });
  if (await tab.isVisible()) await tab.click();
  else {
    await page.getByRole("navigation").getByRole("button", { name: /^(More|更多) \(\d+\)$/ }).click();
    await page.getByRole("menuitem", { name, exact: true }).click();
  }
  await shown(page.getByRole("tab", { name, exact: true, selected: true }));
}

/** Waits until the locator is visible; the timeout error names the locator. */
async function shown(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: "visible", ...WAIT });
  return locator;
}

/** A request's place: "dist: <file>" for our build, "office.js: <file>" for the CDN folder, else the URL. */
function place(url: string): string {
  const { origin, pathname } = new URL(url);
  if (origin !== server.origin) return url;
  if (pathname.startsWith(server.cdn.folder)) return `office.js: ${pathname.slice(server.cdn.folder.length)}`;
  return existsSync(join(DIST, pathname)) ? `dist: ${pathname.slice(1)}` : url;
}

async function expectCleanRun(pane: Pane): Promise<void> {
  const { record } = pane;
  expect(record.pageErrors).toEqual([]);
  expect(record.consoleProblems).toEqual([]);
  expect(record.blocked).toEqual([]);
  expect(record.localFailures).toEqual([]);
  // Nothing but this server: our files and office.js's — and nothing the build does not have.
  expect(record.requests.map(place).filter((p) => !p.startsWith("dist: ") && !p.startsWith("office.js: "))).toEqual([]);
  expect(record.requests.map(place)).toContain("office.js: office.js");
  const { violations } = await inPage(pane.page);
  const unexpected = violations.filter((v) => !EXPECTED_VIOLATIONS.some((e) => e.directive === v.directive && e.blocked.test(v.blocked)));
  expect(unexpected).toEqual([]);
  // The expected ones come from office.js's own file, never from ours.
  expect(violations.map((v) => place(v.source))).toEqual(violations.map(() => "office.js: o15apptofilemappingtable.js"));
}

beforeAll(async () => {
  distFile("taskpane.html"); // throws "dist/taskpane.html is missing: run `npm run build` first"
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install chromium: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  server = await startPaneServer();
  try {
    // launch() starts Chromium with a fresh temporary profile of its own (playwright_chromiumdev_profile-*,
    // removed on close) and rejects --user-data-dir in args; each context is then a clean session.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 20_000 });
  } catch (error) {
    throw new Error(`Chromium at ${CHROMIUM} did not start (install chromium: apt-get install -y chromium): ${String(error)}`);
  }
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the built task pane in Chromium, outside Excel, en-US", () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane("en-US");
  }, 20_000);

  afterAll(async () => {
    await pane?.context.close();
  });

  it("renders the pane in the browser's language", async () => {
    const { page } = pane;
    await shown(page.getByRole("heading", { level: 1, name: "Sales Planner", exact: true }));
    await shown(page.getByText(en.appSubtitle, { exact: true }));
    expect(await page.getByLabel(en.languageLabel, { exact: true }).inputValue()).toBe("en");
    expect(await page.getByRole("tab", { selected: true }).innerText()).toBe(en.pageHome);
  });

  it("knows it is outside Excel: onReady has no host, the warning shows, writing is disabled", async () => {
    const { page } = pane;
    const ready = await page.evaluate(() =>
      Office.onReady().then((info) => ({ host: info.host, platform: info.platform, excel: typeof (window as any).Excel })),
    );
    expect(ready).toEqual({ host: null, platform: null, excel: "undefined" });
    // Fluent's MessageBar is a group labelled by its title; the body text follows the title.
    const warning = await shown(page.getByRole("group", { name: en.outsideExcelTitle, exact: true }));
    expect(await warning.innerText()).toContain(en.outsideExcelBody);
    const button = await shown(page.getByRole("button", { name: en.exampleButton, exact: true }));
    expect(await button.isDisabled()).toBe(true);
  });

  it("is served with the production page's policy, the office.js CDN's origin swapped for this server's", async () => {
    const policy = (html: string) => /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html)?.[1];
    const production = policy(server.productionPage);
    expect(production).toContain(`script-src 'self' 'wasm-unsafe-eval' ${server.cdn.origin}${server.cdn.folder};`);
    expect(server.servedPage).toBe(server.productionPage.split(server.cdn.origin).join(server.origin));
    const enforced = await pane.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content"));
    expect(enforced).toBe(production!.split(server.cdn.origin).join(server.origin));
  });

  it("needs for its first render only the page's own scripts: office.js's files, functions.js and taskpane.js, no page chunk", async () => {
    const { firstPage } = await inPage(pane.page);
    expect(firstPage).toBeDefined();
    const scripts = firstPage!.resources.filter((url) => new URL(url).pathname.endsWith(".js")).map(place);
    expect(scripts.filter((p) => p.startsWith("dist: ")).sort()).toEqual(["dist: functions.js", "dist: taskpane.js"]);
    expect(scripts.filter((p) => !p.startsWith("dist: ") && !p.startsWith("office.js: "))).toEqual([]);
  });

  it("fetches the other pages' chunks from its own origin once the first page is up", async () => {
    const chunks = () => pane.record.requests.map(place).filter((p) => /^dist: page-[a-z]+\.[0-9a-f]{8}\.js$/.test(p));
    await pane.page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /\/page-functions\.[0-9a-f]{8}\.js$/.test(e.name)), undefined, WAIT);
    expect(chunks().map((p) => p.replace(/\.[0-9a-f]{8}\.js$/, "")).sort()).toEqual(["dist: page-decompose", "dist: page-forecast", "dist: page-functions", "dist: page-funnel", "dist: page-import", "dist: page-market", "dist: page-progress", "dist: page-segment", "dist: page-smart"]);
  });

  it("looks right (screenshot in test-results/taskpane-en.png)", async () => {
    mkdirSync(RESULTS, { recursive: true });
    const png = await pane.page.screenshot({ path: join(RESULTS, "taskpane-en.png"), fullPage: true });
    expect(png.length).toBeGreaterThan(1000);
  });

  it("runs the functions bundle in the same page: office.js's CustomFunctions has exactly the ids of functions.json", async () => {
    const { page } = pane;
    const seen = await page.evaluate(() => {
      const cf = (window as any).CustomFunctions;
      const mappings = cf && cf._association ? cf._association.mappings : undefined;
      return {
        definedByOfficeJs: typeof cf === "object" && typeof cf.associate === "function" && typeof mappings === "object",
        ids: mappings ? Object.keys(mappings) : [],
        allFunctions: mappings ? Object.keys(mappings).every((id) => typeof mappings[id] === "function") : false,
        score: mappings && mappings["RFM.SCORE"]
          ? mappings["RFM.SCORE"]([[10], [180], [35], [90], [5]], [[12], [1], [8], [3], [2]], [[8000], [200], [5000], [1500], [800]], null, null)
          : undefined,
      };
    });
    if (!seen.definedByOfficeJs) {
      throw new Error(
        "window.CustomFunctions is not office.js's recording object (associate + _association.mappings): " +
          "inject a recording stand-in with addInitScript instead",
      );
    }
    expect([...seen.ids].sort()).toEqual(readMetadata().functions.map((f) => f.id).sort());
    expect(seen.allFunctions).toBe(true);
    // The course's worked example, computed by the page's own copy of the function.
    expect(seen.score).toEqual([
      [5, 5, 5],
      [3, 2, 2],
      [4, 4, 5],
      [4, 3, 3],
      [5, 3, 3],
    ]);
  });

  it("shows the SALES.RFM.SCORE reference card on the Functions tab", async () => {
    const { page } = pane;
    await openTab(page, en.pageFunctions);
    await shown(page.getByText(en.functionsIntro, { exact: true }));
    await page.getByRole("searchbox", { name: en.functionsSearch }).fill("RFM.SCORE");
    const help = FUNCTION_HELP.find((h) => h.id === "RFM.SCORE")!;
    const card = await shown(page.getByRole("group", { name: "SALES.RFM.SCORE", exact: true }));
    const text = await card.innerText();
    expect(text).toContain("SALES.RFM.SCORE");
    expect(text).toContain(help.summary.en);
    expect(text).toContain(`${en.functionsSyntax}: ${help.syntax}`);
    expect(text).toContain(`${en.functionsExample}: ${help.example}`);
  });

  it("switches the visible texts to Chinese with the Language select", async () => {
    const { page } = pane;
    await page.getByLabel(en.languageLabel, { exact: true }).selectOption("zh");
    await shown(page.getByRole("heading", { level: 1, name: zh.appTitle, exact: true }));
    await shown(page.getByText(zh.appSubtitle, { exact: true }));
    await shown(page.getByText(zh.functionsIntro, { exact: true }));
    expect(await page.getByLabel(zh.languageLabel, { exact: true }).inputValue()).toBe("zh");
    // The tabs come from the page registry (pages.ts): Start first, Functions last, every title in Chinese
    // (those that do not fit the row are in the "More" menu, hidden from the row).
    const tabs = await page
      .getByRole("navigation")
      .getByRole("tab", { includeHidden: true })
      .evaluateAll((elements) => elements.map((tab) => tab.querySelector(".fui-Tab__content")?.textContent ?? ""));
    expect(tabs[0]).toBe(zh.pageHome);
    expect(tabs).toContain(zh.pageMarket);
    expect(tabs.at(-1)).toBe(zh.pageFunctions);
    expect(tabs.filter((tab) => Object.values(en).includes(tab))).toEqual([]);
    expect(await page.getByText(en.appTitle, { exact: true }).count()).toBe(0);
    expect(await page.locator(".fui-FluentProvider").first().getAttribute("lang")).toBe("zh-CN");

    await openTab(page, zh.pageHome);
    const warning = await shown(page.getByRole("group", { name: zh.outsideExcelTitle, exact: true }));
    expect(await warning.innerText()).toContain(zh.outsideExcelBody);
    expect(await page.getByRole("button", { name: zh.exampleButton, exact: true }).isDisabled()).toBe(true);
  });

  it("walks the SWOT form by keyboard: Next with empty fields focuses the first invalid one (screenshot test-results/taskpane-market-zh.png)", async () => {
    const { page } = pane;
    const m = MARKET_STRINGS.zh;
    await openTab(page, zh.pageMarket);
    await shown(page.getByRole("heading", { name: zh.wizardStep(1, 2, m.swotStepFactors), exact: true }));
    // Only the chosen analysis is on screen (the others keep their drafts, hidden).
    expect(await page.getByRole("tabpanel").count()).toBe(1);
    expect(await page.getByText(m.introPest, { exact: true }).isVisible()).toBe(false);
    const row = m.rowLabel(m.quadrantS, 1);
    const firstRow = page.getByRole("group", { name: row, exact: true });
    await firstRow.getByLabel(`${row} ${m.colFactor}`, { exact: true }).fill("品牌知名度");
    await page.getByRole("button", { name: zh.wizardNext, exact: true }).click();
    const weight = firstRow.getByLabel(`${row} ${m.colWeight}`, { exact: true });
    await shown(firstRow.getByText(m.errRequired).first());
    expect(await weight.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await weight.getAttribute("aria-invalid")).toBe("true");
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "taskpane-market-zh.png"), fullPage: true });
  });

  it("raised no page errors, console errors or warnings or policy reports but office.js's own outside Office, and asked no other host", async () => {
    // office.js does some work late (its telemetry frame, 3 s after it initialises): wait until the policy
    // has refused it, so that the check below covers everything the page did.
    await pane.page.waitForFunction((count) => (window as unknown as { __pane: InPage }).__pane.violations.length >= count, EXPECTED_VIOLATIONS.length, { timeout: 15_000 });
    await expectCleanRun(pane);
    const { violations } = await inPage(pane.page);
    expect(violations.map((v) => v.directive).sort()).toEqual(["frame-src", "style-src-attr"]);
  });
});

describe("the built task pane in Chromium, outside Excel, zh-CN", () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane("zh-CN");
  }, 20_000);

  afterAll(async () => {
    await pane?.context.close();
  });

  it("renders in Chinese for a Chinese browser", async () => {
    const { page } = pane;
    await shown(page.getByRole("heading", { level: 1, name: "销售规划助手", exact: true }));
    expect(await page.getByLabel(zh.languageLabel, { exact: true }).inputValue()).toBe("zh");
    await shown(page.getByRole("group", { name: zh.outsideExcelTitle, exact: true }));
    expect(await page.getByRole("button", { name: zh.exampleButton, exact: true }).isDisabled()).toBe(true);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "taskpane-zh.png"), fullPage: true });
  });

  it("raised no page errors, console errors or warnings or policy reports but office.js's own, and asked no other host", async () => {
    await expectCleanRun(pane);
  });
});

describe("the built task pane when a page's code cannot be fetched", () => {
  let pane: Pane;
  let refuse = true;

  beforeAll(async () => {
    // The SMART page's chunk fails (as offline, or after a deployment removed it) until `refuse` is cleared.
    pane = await openPane("en-US", (context) =>
      context.route(/\/page-smart\.[0-9a-f]{8}\.js$/, (route) => (refuse ? route.abort("internetdisconnected") : route.fallback())),
    );
  }, 20_000);

  afterAll(async () => {
    await pane?.context.close();
  });

  it("says so in place of the page, keeps the pane usable, and loads the page on Try again", async () => {
    const { page } = pane;
    await openTab(page, en.pageSmart);
    const problem = await shown(page.getByRole("group", { name: en.pageLoadFailedTitle, exact: true }));
    expect(await problem.innerText()).toContain("Its code did not load (Loading chunk");
    await openTab(page, en.pageHome);
    await shown(page.getByRole("button", { name: en.exampleButton, exact: true }));
    await openTab(page, en.pageSmart);
    await shown(page.getByRole("group", { name: en.pageLoadFailedTitle, exact: true }));
    refuse = false;
    await page.getByRole("button", { name: en.pageRetry, exact: true }).click();
    await shown(page.getByRole("heading", { name: en.wizardStep(1, 5, "Specific"), exact: true }));
    expect(await page.getByRole("group", { name: en.pageLoadFailedTitle, exact: true }).count()).toBe(0);
  });
});
