import { fireEvent, screen, waitFor } from "@testing-library/react";
import { UI_STRINGS } from "../../src/i18n/ui";
import { PAGES } from "../../src/taskpane/pages";

const LOADING = new Set(Object.values(UI_STRINGS).map((t) => t.pageLoading));

/**
 * Chooses a tab of the pane and waits until its page is on screen: every page but the first is its own
 * chunk (src/taskpane/pages.ts), which here, as in the browser, arrives asynchronously behind a spinner.
 */
export async function openTab(name: string): Promise<void> {
  fireEvent.click(screen.getByRole("tab", { name }));
  await waitFor(() => expect(screen.queryByText((text) => LOADING.has(text))).toBeNull());
}

// A file that opens tabs first loads every page's module once, before its tests: ts-jest compiles a module
// when it is first required, seconds on a busy machine, which would otherwise count against the first test.
beforeAll(() => Promise.all(PAGES.map((page) => ("load" in page ? page.load() : undefined))), 60_000);
