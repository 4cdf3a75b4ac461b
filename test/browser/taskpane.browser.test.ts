import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, extname, join, normalize, resolve, sep } from "node:path";
import { chromium, Browser, BrowserContext, Locator, Page } from "playwright-core";
import { FUNCTION_HELP } from "../../src/i18n/function-help";
import { MARKET_STRINGS } from "../../src/i18n/market";
import { UI_STRINGS } from "../../src/i18n/ui";
import { DIST, distFile, readMetadata } from "../support/dist";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium";
import { expectCleanRecord, recordedPage, type Expected, type PageRecord } from "../support/page-record";

/**
 * The production build (dist/) in a real Chromium, outside Excel: the page as Excel would load it, with
 * the real office.js, the functions bundle and the task pane in one page (the shared runtime).
 *
 * - dist/ is served on 127.0.0.1 by a tiny static server.
 * - The page asks for office.js on Microsoft's CDN; there is no internet here, so every request to that
 *   host is answered from node_modules/@microsoft/office-js/dist (404 when the file is not there) and
 *   every other request that is not for 127.0.0.1 is aborted (and reported).
 * - Outside Office, office.js resolves Office.onReady with `{ host: null }` (after it has loaded
 *   o15apptofilemappingtable.js; the pane mounted ~260-290 ms after navigation), `Excel` stays undefined, and it logs
 *   "Warning: Office.js is loaded outside of Office client" (level log, not an error).
 * - office.js defines `CustomFunctions` itself, also outside Office: `associate` records into
 *   `CustomFunctions._association.mappings` (office.js's own registry, ids upper-cased). So no stand-in is
 *   injected; the test reads that record (an internal of office-js 1.1.110: if it moves, the test says so). `CustomFunctions.Error` and
 *   `ErrorCode` come from Excel's runtime and are undefined here.
 */

const OFFICE_JS_HOST = "appsforoffice.microsoft.com";
const OFFICE_JS_DIR = resolve(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
const RESULTS = resolve(__dirname, "..", "..", "test-results");
/** A task pane's size in Excel (desktop default width is about 350 px). */
const VIEWPORT = { width: 350, height: 720 };
const WAIT = { timeout: 10_000 };
/** office.js starts its last piece of work 3 s after initialising (see EXPECTED_BLOCKED). */
const OFFICE_JS_LATE_WORK_MS = 3_500;

/**
 * Console errors and warnings that are expected outside Office, each with its reason. None were seen
 * with office-js 1.1.110 and Chromium 156: the only console output is office.js's
 * "Warning: Office.js is loaded outside of Office client", logged at level "log".
 */
const EXPECTED_CONSOLE_PROBLEMS: readonly Expected[] = [];

/**
 * Requests to other hosts that are expected (and aborted), each with its reason. Anything else fails.
 */
const EXPECTED_BLOCKED: readonly Expected[] = [
  {
    pattern: /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/telemetryservice\/telemetryproxy\.html$/,
    reason:
      "office.js's own ULS logger (OSF.Logger.ulsEndpoint in o15apptofilemappingtable.js) opens this iframe 3 s " +
      "after it initialises, outside Office too; aborting it logs nothing",
  },
];

const en = UI_STRINGS.en;
const zh = UI_STRINGS.zh;

let server: Server;
let baseUrl: string;
let browser: Browser;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** GET/HEAD for files under dist/, 404 for anything else. */
function serveDist(request: IncomingMessage, response: ServerResponse): void {
  let file = "";
  try {
    file = normalize(join(DIST, decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname)));
  } catch {
    // a malformed path: 404 below
  }
  const inside = file.startsWith(DIST + sep);
  if ((request.method !== "GET" && request.method !== "HEAD") || !inside || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    return;
  }
  const body = readFileSync(file);
  response.writeHead(200, {
    "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    "Content-Length": body.length,
    "Cache-Control": "no-store",
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

interface Pane {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly record: PageRecord;
  /** office.js CDN files requested, with whether node_modules had them. */
  readonly officeFiles: { file: string; found: boolean }[];
}

async function openPane(locale: string): Promise<Pane> {
  const context = await browser.newContext({ locale, viewport: VIEWPORT });
  const officeFiles: Pane["officeFiles"] = [];
  const { page, record } = await recordedPage(context, {
    expectedBlocked: EXPECTED_BLOCKED,
    expectedConsole: EXPECTED_CONSOLE_PROBLEMS,
    async answer(route, url) {
      if (url.hostname !== OFFICE_JS_HOST) return false;
      const file = join(OFFICE_JS_DIR, basename(url.pathname));
      const found = existsSync(file) && statSync(file).isFile();
      officeFiles.push({ file: basename(url.pathname), found });
      await (found
        ? route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: readFileSync(file) })
        : route.fulfill({ status: 404, contentType: "text/plain", body: "not found" }));
      return true;
    },
  });
  await page.goto(`${baseUrl}/taskpane.html`, { waitUntil: "load", ...WAIT });
  return { context, page, record, officeFiles };
}

/** Waits until the locator is visible; the timeout error names the locator. */
async function shown(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: "visible", ...WAIT });
  return locator;
}

function expectCleanRun({ record, officeFiles }: Pane): void {
  expectCleanRecord(record);
  expect(officeFiles.filter((f) => !f.found)).toEqual([]);
  expect(officeFiles.map((f) => f.file)).toContain("office.js");
}

beforeAll(async () => {
  distFile("taskpane.html"); // throws "dist/taskpane.html is missing: run `npm run build` first"
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install chromium: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  server = createServer(serveDist);
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", done);
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
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
    await page.getByRole("tab", { name: en.pageFunctions, exact: true }).click();
    await shown(page.getByText(en.functionsIntro, { exact: true }));
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
    // The tabs come from the page registry (pages.ts): Start first, Functions last, every title in Chinese.
    const tabs = await page.getByRole("tab").allInnerTexts();
    expect(tabs[0]).toBe(zh.pageHome);
    expect(tabs).toContain(zh.pageMarket);
    expect(tabs.at(-1)).toBe(zh.pageFunctions);
    expect(tabs.filter((tab) => Object.values(en).includes(tab))).toEqual([]);
    expect(await page.getByText(en.appTitle, { exact: true }).count()).toBe(0);
    expect(await page.locator(".fui-FluentProvider").first().getAttribute("lang")).toBe("zh-CN");

    await page.getByRole("tab", { name: zh.pageHome, exact: true }).click();
    const warning = await shown(page.getByRole("group", { name: zh.outsideExcelTitle, exact: true }));
    expect(await warning.innerText()).toContain(zh.outsideExcelBody);
    expect(await page.getByRole("button", { name: zh.exampleButton, exact: true }).isDisabled()).toBe(true);
  });

  it("walks the SWOT form by keyboard: Next with empty fields focuses the first invalid one (screenshot test-results/taskpane-market-zh.png)", async () => {
    const { page } = pane;
    const m = MARKET_STRINGS.zh;
    await page.getByRole("tab", { name: zh.pageMarket, exact: true }).click();
    await shown(page.getByRole("heading", { name: zh.wizardStep(1, 2, m.swotStepFactors), exact: true }));
    // Only the chosen analysis is on screen (the others keep their drafts, hidden).
    expect(await page.getByRole("tabpanel").count()).toBe(1);
    expect(await page.getByText(m.introPest, { exact: true }).isVisible()).toBe(false);
    const firstRow = page.getByRole("group", { name: m.rowLabel(m.quadrantS, 1), exact: true });
    await firstRow.getByLabel(m.colFactor, { exact: true }).fill("品牌知名度");
    await page.getByRole("button", { name: zh.wizardNext, exact: true }).click();
    const weight = firstRow.getByLabel(m.colWeight, { exact: true });
    await shown(firstRow.getByText(m.errRequired).first());
    expect(await weight.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await weight.getAttribute("aria-invalid")).toBe("true");
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "taskpane-market-zh.png"), fullPage: true });
  });

  it("raised no page errors, console errors or warnings, and asked no other host", async () => {
    // office.js does some work late (its telemetry frame after 3 s): give the page that long to live.
    const age = await pane.page.evaluate(() => performance.now());
    await pane.page.waitForTimeout(Math.max(0, OFFICE_JS_LATE_WORK_MS - age));
    expectCleanRun(pane);
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

  it("raised no page errors, console errors or warnings, and asked no other host", () => {
    expectCleanRun(pane);
  });
});
