import type { BrowserContext, Page, Route } from "playwright-core";

/**
 * A page in Chromium that records what a test may want to fail on, from its first request on: the page
 * under test is served from 127.0.0.1 and nothing else may be asked for. Used by the browser test of the
 * built pane and the end-to-end harness.
 */

/** What the page did. */
export interface PageRecord {
  /** Every URL the page requested, in order. */
  readonly requests: string[];
  /** Requests to other hosts than 127.0.0.1 that no `answer` served (all aborted; expected ones not listed). */
  readonly blocked: string[];
  readonly pageErrors: string[];
  /** Console errors and warnings (expected ones not listed), "type: text (url)". */
  readonly consoleProblems: string[];
  /** Every console message, "type: text (url)". */
  readonly consoleLog: string[];
  /** Responses from 127.0.0.1 with status >= 400 (the browser's own /favicon.ico aside). */
  readonly localFailures: string[];
}

/** Something expected, with why. */
export interface Expected {
  readonly pattern: RegExp;
  readonly reason: string;
}

export interface RecordOptions {
  /** Serves a request to another host (e.g. a CDN file from node_modules): resolves true when it did. */
  readonly answer?: (route: Route, url: URL) => Promise<boolean>;
  /** Requests to other hosts that are expected: aborted, not listed in `blocked`. */
  readonly expectedBlocked?: readonly Expected[];
  /** Console errors and warnings that are expected: not listed in `consoleProblems`. */
  readonly expectedConsole?: readonly Expected[];
}

/** A new page in `context` whose requests, errors, console and local failures go into the returned record. */
export async function recordedPage(context: BrowserContext, options: RecordOptions = {}): Promise<{ page: Page; record: PageRecord }> {
  const record: PageRecord = { requests: [], blocked: [], pageErrors: [], consoleProblems: [], consoleLog: [], localFailures: [] };
  const expected = (list: readonly Expected[] | undefined, text: string) => (list ?? []).some(({ pattern }) => pattern.test(text));
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    record.requests.push(url.href);
    if (url.hostname === "127.0.0.1") return route.continue();
    if (options.answer !== undefined && (await options.answer(route, url))) return;
    if (!expected(options.expectedBlocked, url.href)) record.blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => record.pageErrors.push(`${error.name}: ${error.message}`));
  page.on("console", (message) => {
    const line = `${message.type()}: ${message.text()} (${message.location().url})`;
    record.consoleLog.push(line);
    if ((message.type() === "error" || message.type() === "warning") && !expected(options.expectedConsole, message.text())) record.consoleProblems.push(line);
  });
  page.on("response", (response) => {
    const { hostname, pathname } = new URL(response.url());
    if (hostname === "127.0.0.1" && response.status() >= 400 && pathname !== "/favicon.ico") record.localFailures.push(`${response.status()} ${pathname}`);
  });
  return { page, record };
}

/** No page errors, console problems, failed local files or unexpected requests to other hosts. */
export function expectCleanRecord(record: PageRecord): void {
  expect(record.pageErrors).toEqual([]);
  expect(record.consoleProblems).toEqual([]);
  expect(record.localFailures).toEqual([]);
  expect(record.blocked).toEqual([]);
  expect(record.requests.length).toBeGreaterThan(0);
}
