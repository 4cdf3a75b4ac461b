/**
 * @jest-environment jsdom
 */
import { FUNCTION_HELP } from "../../src/i18n/function-help";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import { App } from "../../src/taskpane/App";
import { forgetPage, PAGES, type Page } from "../../src/taskpane/pages";

/**
 * Every page but the first is fetched when first opened (pages.ts); these tests hold a page's load in
 * their hands to see the wait, a failed fetch and the retry.
 */

type LazyPage = Extract<Page, { load: unknown }>;

function lazyPage(id: string): LazyPage & { load: jest.Mock } {
  const page = PAGES.find((p) => p.id === id);
  if (page === undefined || !("load" in page)) throw new Error(`${id} is not a lazily loaded page`);
  return page as LazyPage & { load: jest.Mock };
}

/** A promise with its settle functions, to decide when a page's code "arrives". */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** webpack's error for a chunk that could not be fetched. */
function chunkLoadError(): Error {
  const error = new Error("Loading chunk 512 failed.\n(error: http://127.0.0.1/page-functions.js)");
  error.name = "ChunkLoadError";
  return error;
}

describe("pages loaded on first visit", () => {
  const page = lazyPage("functions");
  const realLoad = page.load;

  afterEach(() => {
    (page as { load: unknown }).load = realLoad;
    // The pane keeps one lazy wrapper per page: each test starts from a page never loaded.
    forgetPage(page);
  });

  it("lists the first page's code in the table and every other page as a chunk to load", () => {
    expect(PAGES[0]).toMatchObject({ id: "start" });
    expect("component" in PAGES[0]!).toBe(true);
    expect(PAGES.slice(1).every((p) => "load" in p)).toBe(true);
  });

  it("shows a spinner while the page's code loads, then the page", async () => {
    const arrival = deferred<Awaited<ReturnType<LazyPage["load"]>>>();
    (page as { load: unknown }).load = jest.fn(() => arrival.promise);
    render(<App gateway={new MemoryGateway()} initialLanguage="en" />);
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByText("Opening the page…")).toBeTruthy();
    // The header and tabs stay usable meanwhile.
    expect(screen.getByRole("tab", { name: "Start" })).toBeTruthy();
    const { ReferencePage } = await import("../../src/taskpane/features/reference/ReferencePage");
    await act(async () => arrival.resolve(ReferencePage));
    expect(screen.queryByText("Opening the page…")).toBeNull();
    const rfm = FUNCTION_HELP.filter((h) => ["RFM", "CUSTOMER"].includes(h.id.split(".")[0]!)).length;
    expect(screen.getByRole("heading", { name: `Customers (RFM) (${rfm})` })).toBeTruthy();
  });

  it("says so when the code cannot be fetched, in the pane's language, and loads it on Try again", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { ReferencePage } = await import("../../src/taskpane/features/reference/ReferencePage");
      const load = jest.fn().mockRejectedValueOnce(chunkLoadError()).mockResolvedValueOnce(ReferencePage);
      (page as { load: unknown }).load = load;
      render(<App gateway={new MemoryGateway()} initialLanguage="zh" />);
      await act(async () => {
        fireEvent.click(screen.getByRole("tab", { name: "函数" }));
      });
      expect(screen.getByText("无法打开此页面")).toBeTruthy();
      expect(screen.getByText(/页面代码未能加载（Loading chunk 512 failed\./)).toBeTruthy();
      // The rest of the pane still works: the language switch, the other tabs.
      expect(screen.getByRole("tab", { name: "开始" })).toBeTruthy();
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: "重试" }));
      });
      expect(load).toHaveBeenCalledTimes(2);
      expect(screen.queryByText("无法打开此页面")).toBeNull();
      expect(screen.getByRole("heading", { name: `客户分层（RFM） (${FUNCTION_HELP.filter((h) => ["RFM", "CUSTOMER"].includes(h.id.split(".")[0]!)).length})` })).toBeTruthy();
    } finally {
      consoleError.mockRestore();
    }
  });

  it("shows a page that fails while rendering as an error with a retry, not a blank pane", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const Broken = () => {
        throw new Error("boom");
      };
      (page as { load: unknown }).load = jest.fn().mockResolvedValue(Broken);
      render(<App gateway={new MemoryGateway()} initialLanguage="en" />);
      await act(async () => {
        fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
      });
      expect(screen.getByText("This page could not be opened")).toBeTruthy();
      expect(screen.getByText("The page stopped on an unexpected problem (boom). Try again, or reopen the pane.")).toBeTruthy();
      fireEvent.click(screen.getByRole("tab", { name: "Start" }));
      expect(screen.getByRole("button", { name: "Create example sheet" })).toBeTruthy();
    } finally {
      consoleError.mockRestore();
    }
  });
});
