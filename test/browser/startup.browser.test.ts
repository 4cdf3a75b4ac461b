import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import { UI_STRINGS } from "../../src/i18n/ui";
import { startPaneServer } from "../../scripts/pane-server.cjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium";
import { distFile } from "../support/dist";

/**
 * The built page (dist/taskpane.html, under its Content-Security-Policy) before the pane has started: what
 * it shows while office.js is on its way, after a long wait, and when office.js never arrives. No inline
 * script does any of it (the policy forbids them): the page's own HTML and stylesheet, then taskpane.js.
 */

let server: Awaited<ReturnType<typeof startPaneServer>>;
let browser: Browser;

beforeAll(async () => {
  distFile("taskpane.html");
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  server = await startPaneServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 20_000 });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
}

/**
 * Opens the page; `officeJs` decides what happens to a request for office.js's folder (office.js itself, or a
 * file it loads next) whose name `file` matches.
 */
async function open(locale: string, file: RegExp, officeJs: (route: Route) => Promise<void> | void): Promise<Opened> {
  const context = await browser.newContext({ locale, viewport: { width: 350, height: 720 } });
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== server.origin) return route.abort("blockedbyclient");
    if (url.pathname.startsWith(server.cdn.folder) && file.test(url.pathname.slice(server.cdn.folder.length))) return officeJs(route);
    return route.continue();
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(`${error.name}: ${error.message}`));
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "commit" });
  return { context, page, pageErrors, consoleErrors };
}

describe("the pane before it has started", () => {
  it("says it is starting until Office.onReady fires, says what to do after a long wait, and gives way to the pane", async () => {
    // office.js is a blocking script in the head: the page shows nothing before it has arrived (a download
    // that hangs holds the page blank until the browser gives up; then the next test's message shows).
    // After it, outside Office, onReady waits for this file of office.js's: held here, onReady waits too.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { context, page, pageErrors } = await open("en-US", /^o15apptofilemappingtable\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const starting = page.getByRole("status").getByText("Starting Sales Planner…", { exact: true });
    await starting.waitFor({ state: "visible", timeout: 10_000 });
    await page.getByText("正在启动销售规划助手…", { exact: true }).waitFor({ state: "visible" });
    const slow = page.getByText(/^This is taking longer than usual\./);
    expect(await slow.isVisible()).toBe(false);
    // The note shows after 15 s by a CSS animation (no script): run the page's animations to their end.
    await page.evaluate(() => document.getAnimations().forEach((animation) => animation.effect?.getComputedTiming().iterations !== Infinity && animation.finish()));
    await slow.waitFor({ state: "visible", timeout: 5_000 });

    release();
    await page.getByRole("heading", { level: 1, name: UI_STRINGS.en.appTitle }).waitFor({ timeout: 15_000 });
    expect(await starting.count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it.each([
    ["en-US", "en"],
    ["zh-CN", "zh"],
  ] as const)("says clearly, in the browser's language (%s), that office.js could not be loaded — not a blank pane", async (locale, language) => {
    const t = UI_STRINGS[language];
    const { context, page, pageErrors, consoleErrors } = await open(locale, /^office\.js$/, (route) => route.abort("blockedbyclient"));
    const alert = page.getByRole("alert");
    await alert.waitFor({ state: "visible", timeout: 10_000 });
    expect(await alert.innerText()).toContain(t.officeMissingTitle);
    expect(await alert.innerText()).toContain(t.officeMissingBody);
    expect(await page.getByText("Starting Sales Planner…").count()).toBe(0);
    // functions.js cannot register the SALES functions without office.js's CustomFunctions: its error is the
    // only one, and the pane says why.
    expect(pageErrors).toEqual(["ReferenceError: CustomFunctions is not defined"]);
    // The only console error is the browser's own about the blocked file.
    expect(consoleErrors.filter((text) => !/^Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/.test(text))).toEqual([]);
    await context.close();
  });
});
