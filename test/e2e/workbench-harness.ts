import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, Browser, BrowserContext, Locator, Page } from "playwright-core";
import { quoteSheet } from "../../src/excel/address";
import type { CellValue } from "../../src/excel/gateway";
import { LIST_STRINGS } from "../../src/i18n/fields";
import { UI_STRINGS } from "../../src/i18n/ui";
import { startWorkbenchServer } from "../../scripts/workbench-server.cjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium";
import { expectCleanRecord, recordedPage, type PageRecord } from "../support/page-record";

/**
 * End-to-end harness: the workbench page (dist-workbench/ + the Excel build dist/, served on 127.0.0.1
 * by scripts/workbench-server.cjs) in Debian's Chromium through playwright-core, and a page object that
 * acts as a user would — pick a language, open a tab, fill a field by its label, press a button, type
 * into a cell — and reads what the workbook computed.
 *
 * Every request the page makes is recorded; only 127.0.0.1 is let through (anything else is aborted and
 * fails {@link WorkbenchPage.expectCleanRun}). The page loads no office.js: the workbench's runtime
 * stand-ins replace it (src/workbench/runtime.ts). Waits poll for state (playwright's auto-waiting
 * locators, `waitForFunction`), never a fixed time.
 */

const ROOT = resolve(__dirname, "..", "..");
/** Screenshots of every run (gitignored). */
export const RESULTS = join(ROOT, "test-results", "e2e");
/** README images: refreshed only when E2E_DOC_IMAGES=1 (then commit the ones that changed). */
const DOC_IMAGES = join(ROOT, "docs", "images");
const README_IMAGES = new Set(["workbench-rfm-zh", "workbench-decompose-en", "workbench-smart-zh", "workbench-funnel-en", "workbench-funnel-zh", "workbench-forecast-zh", "workbench-decompose-grid-en", "workbench-progress-zh", "workbench-progress-v2-en", "workbench-segment-zh"]);
/** A laptop screen: the grid on the left, the pane (360 px, about Excel's default) on the right. */
const VIEWPORT = { width: 1280, height: 800 };
const WAIT_MS = 15_000;
/** The "More" buttons of the pane's tab rows, in either language (their names count the pages they hold). */
const MORE_BUTTON = new RegExp(`^(${UI_STRINGS.en.navMore}|${UI_STRINGS.zh.navMore}) \\(\\d+\\)$`);

export type Language = "en" | "zh";

export interface OpenOptions {
  /** Default: a laptop screen, the grid on the left and the pane (360 px) on the right. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** The pane alone, as the whole page (the workbench's `?pane`), as Excel shows it: the viewport is the pane. */
  readonly paneOnly?: boolean;
}

export interface Session {
  readonly browser: Browser;
  readonly url: string;
  open(locale?: string, options?: OpenOptions): Promise<WorkbenchPage>;
  close(): Promise<void>;
}

/**
 * The Chromium session of a test file, started before its first test and closed after its last (call it
 * once, at the top level of the file); `open` opens a workbench page in it.
 */
export function sessionForFile(startTimeoutMs = 30_000): Pick<Session, "open"> {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession();
  }, startTimeoutMs);
  afterAll(async () => {
    await session?.close();
  });
  return {
    open: (locale, options) => {
      if (session === undefined) throw new Error("The browser session did not start (see beforeAll's error).");
      return session.open(locale, options);
    },
  };
}

/** Starts the server and Chromium (once per test file: call in beforeAll, close in afterAll). */
export async function startSession(): Promise<Session> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  const server = await startWorkbenchServer(0);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 20_000 });
  } catch (error) {
    await server.close();
    throw new Error(`Chromium at ${CHROMIUM} did not start: ${String(error)}`);
  }
  const contexts: BrowserContext[] = [];
  return {
    browser,
    url: server.url,
    async open(locale = "en-US", options: OpenOptions = {}) {
      const context = await browser.newContext({ locale, viewport: options.viewport ?? VIEWPORT });
      contexts.push(context);
      return WorkbenchPage.open(context, options.paneOnly === true ? `${server.url}?pane` : server.url);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

export class WorkbenchPage {
  /** The task pane (right). */
  readonly pane: Locator;
  /** The workbook: sheet tabs, formula bar, grid (left). */
  readonly sheets: Locator;

  private constructor(
    readonly page: Page,
    readonly record: PageRecord,
  ) {
    this.pane = page.locator("aside.pane");
    this.sheets = page.locator("#workbench");
  }

  static async open(context: BrowserContext, url: string): Promise<WorkbenchPage> {
    const { page, record } = await recordedPage(context);
    await page.goto(url, { waitUntil: "load", timeout: WAIT_MS });
    const workbench = new WorkbenchPage(page, record);
    // Ready when the pane has mounted on the injected gateway (its language switch is there).
    await workbench.languageSelect().waitFor({ state: "visible", timeout: WAIT_MS });
    return workbench;
  }

  /** The pane's Language select, whichever language the pane is in. */
  private languageSelect(): Locator {
    return this.pane.getByLabel(new RegExp(`^(${UI_STRINGS.en.languageLabel}|${UI_STRINGS.zh.languageLabel})$`));
  }

  /** Switches the pane's language with its Language select. */
  async chooseLanguage(language: Language): Promise<void> {
    await this.languageSelect().selectOption(language);
    await this.pane.getByRole("heading", { level: 1, name: UI_STRINGS[language].appTitle, exact: true }).waitFor({ timeout: WAIT_MS });
  }

  /**
   * Opens a tab of the pane (a page, or a sub-tab of a page) by its visible name — from the row of tabs, or,
   * when it did not fit there, from a "More" menu.
   */
  async openTab(name: string): Promise<void> {
    const tab = this.pane.getByRole("tab", { name, exact: true });
    // A page's own tabs arrive with its code: until then neither the tab nor a menu item shows it, so look
    // again until WAIT_MS has passed rather than deciding on the first look.
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      if (await tab.isVisible()) {
        await tab.click();
        break;
      }
      if (await this.chooseFromMore(name)) break;
      if (Date.now() > deadline) throw new Error(`No tab or "More" menu item named ${name}`);
      await this.page.waitForTimeout(250);
    }
    await this.page.waitForFunction((element) => element?.getAttribute("aria-selected") === "true", await tab.elementHandle(), { timeout: WAIT_MS });
  }

  /** Chooses a page or sub-tab from whichever "More" menu holds it; false when none holds it (yet). */
  private async chooseFromMore(name: string): Promise<boolean> {
    const more = this.pane.getByRole("button", { name: MORE_BUTTON });
    await more.first().waitFor({ state: "visible", timeout: WAIT_MS });
    for (let i = 0; i < (await more.count()); i++) {
      await more.nth(i).click();
      // The menu's code arrives when it is first opened: wait for the menu before reading it.
      await this.page.getByRole("menu").waitFor({ state: "visible", timeout: WAIT_MS });
      const item = this.page.getByRole("menuitem", { name, exact: true });
      if (await item.isVisible().catch(() => false)) {
        await item.click();
        return true;
      }
      await this.page.keyboard.press("Escape");
    }
    return false;
  }

  /**
   * A list editor's cell: in the row's group ("Channel 2"), the control named "<row> <column>"
   * ("Channel 2 Weight"), as a screen reader reads it (both languages name cells alike).
   */
  cell(row: string, column: string): Locator {
    return this.pane.getByRole("group", { name: row, exact: true }).getByLabel(LIST_STRINGS.en.cellLabel(row, column), { exact: true });
  }

  /**
   * Types into the pane's field with this label (replacing what is there); with `group`, into the list
   * editor's cell of that row and column (`cell`).
   */
  async fillField(label: string, text: string, options: { readonly group?: string } = {}): Promise<void> {
    const field = options.group === undefined ? this.pane.getByLabel(label, { exact: true }) : this.cell(options.group, label);
    await field.fill(text);
  }

  /** Ticks or clears the pane's checkbox with this label. */
  async setChecked(label: string, checked: boolean): Promise<void> {
    await this.pane.getByRole("checkbox", { name: label, exact: true }).setChecked(checked);
  }

  /** Presses the pane's button with this name. */
  async press(name: string): Promise<void> {
    await this.pane.getByRole("button", { name, exact: true }).click();
  }

  /** Waits for a message in the pane (a write's outcome, a validation message). */
  async waitForText(text: string): Promise<void> {
    await this.pane.getByText(text, { exact: true }).first().waitFor({ state: "visible", timeout: WAIT_MS });
  }

  /** Waits until the workbook has a sheet tab with this name. */
  async waitForSheet(name: string): Promise<void> {
    await this.sheetTab(name).waitFor({ state: "visible", timeout: WAIT_MS });
  }

  sheetTab(name: string): Locator {
    return this.sheets.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
  }

  /** The sheet names, in tab order. */
  async sheetNames(): Promise<string[]> {
    return this.sheets.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts();
  }

  /** The values of a range as the workbook holds them (numbers as numbers, errors as "#VALUE!"…). */
  async values(sheet: string, range: string): Promise<CellValue[][]> {
    const address = `${quoteSheet(sheet)}!${range}`;
    return this.page.evaluate((a) => window.salesPlannerWorkbench!.valuesAt(a), address);
  }

  async value(sheet: string, a1: string): Promise<CellValue> {
    return (await this.values(sheet, a1))[0]![0]!;
  }

  /**
   * Waits until `range` holds `expected` (recalculation is synchronous in the engine, but the pane writes
   * asynchronously); on a timeout, fails with what the range held.
   */
  async waitForValues(sheet: string, range: string, expected: readonly (readonly CellValue[])[], timeout = WAIT_MS): Promise<void> {
    const address = `${quoteSheet(sheet)}!${range}`;
    const wanted = JSON.stringify(expected);
    try {
      await this.page.waitForFunction(
        ([a, w]) => {
          const workbook = window.salesPlannerWorkbench;
          if (!workbook || !workbook.sheetNames().some((name) => a.startsWith(name) || a.startsWith(`'${name}`))) return false;
          try {
            return JSON.stringify(workbook.valuesAt(a)) === w;
          } catch {
            return false;
          }
        },
        [address, wanted] as const,
        { timeout, polling: 50 },
      );
    } catch (error) {
      const held = await this.values(sheet, range).catch((e: unknown) => `unreadable: ${String(e)}`);
      throw new Error(`${address} never held ${wanted}; it holds ${JSON.stringify(held)} (${String(error).split("\n")[0]})`);
    }
  }

  /** What the grid cell shows (formatted), after opening its sheet. */
  async shownText(sheet: string, a1: string): Promise<string> {
    await this.showSheet(sheet);
    return this.gridCell(a1).innerText();
  }

  /** The formula bar's content after selecting a cell: its formula, or the constant. */
  async contentOf(sheet: string, a1: string): Promise<string> {
    await this.showSheet(sheet);
    await this.gridCell(a1).click();
    await this.page.waitForFunction((cell) => document.querySelector("output[aria-label='Selected cell']")?.textContent === cell, a1);
    return this.sheets.getByLabel("Cell content", { exact: true }).inputValue();
  }

  /** Types into a cell as a user does: open the sheet, click the cell, type in the formula bar, Enter. */
  async editCell(sheet: string, a1: string, text: string): Promise<void> {
    await this.showSheet(sheet);
    await this.gridCell(a1).click();
    const input = this.sheets.getByLabel("Cell content", { exact: true });
    await input.fill(text);
    await input.press("Enter");
  }

  /** Selects a range as a user does: click its first cell, shift-click its last (e.g. "A1", "A4"). */
  async selectRange(sheet: string, from: string, to: string): Promise<void> {
    await this.showSheet(sheet);
    await this.gridCell(from).click();
    await this.gridCell(to).click({ modifiers: ["Shift"] });
    await this.sheets.getByLabel("Selected range", { exact: true }).filter({ hasText: `${from}:${to}` }).waitFor({ timeout: WAIT_MS });
  }

  async showSheet(sheet: string): Promise<void> {
    const tab = this.sheetTab(sheet);
    await tab.click();
    await this.page.waitForFunction((element) => element?.getAttribute("aria-selected") === "true", await tab.elementHandle(), { timeout: WAIT_MS });
  }

  private gridCell(a1: string): Locator {
    return this.sheets.locator(`td[data-cell="${a1}"]`);
  }

  /** Saves test-results/e2e/<name>.png (and, for the README's images, docs/images/<name>.png when E2E_DOC_IMAGES=1). */
  async screenshot(name: string): Promise<Buffer> {
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `${name}.png`);
    const png = await this.page.screenshot({ path: file });
    if (process.env.E2E_DOC_IMAGES === "1" && README_IMAGES.has(name)) {
      mkdirSync(DOC_IMAGES, { recursive: true });
      copyFileSync(file, join(DOC_IMAGES, `${name}.png`));
    }
    return png;
  }

  /** No page errors, console errors or warnings, failed local files, or requests to other hosts. */
  expectCleanRun(): void {
    expectCleanRecord(this.record);
    for (const url of this.record.requests) expect(new URL(url).hostname).toBe("127.0.0.1");
  }
}
