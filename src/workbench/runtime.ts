/**
 * The workbench page's stand-in for what Excel's shared runtime provides before the add-in's bundles run
 * (loaded first, as workbench-runtime.js):
 * - `CustomFunctions`: the Error class with its code, the ErrorCode values, and `associate`, which
 *   records each function of dist/functions.js for the HyperFormula bridge (office.js outside Office
 *   defines no Error class, and would record into its own internals);
 * - `Office`: `onReady` resolves with no host — as in a plain browser — once the workbench has built its
 *   engine and set the gateway the pane should use (see src/taskpane/index.tsx); `context` carries the
 *   browser's language.
 * No office.js is loaded: the page asks nothing of any host but the one serving it.
 */
import { customFunctionsStandIn } from "./custom-functions-stand-in";
import type { CustomFunction } from "./hyperformula-bridge";

export interface WorkbenchRuntime {
  /** What dist/functions.js associated, by id. */
  readonly associated: Map<string, CustomFunction>;
  /** Lets `Office.onReady` callbacks run (the pane mounts). */
  ready(): void;
}

// `?pane` shows the task pane alone, as the whole page (see workbench.html) — as in Excel, where the pane is the
// document: its aside is then no landmark of its own around the pane's header, nav and main.
if (new URLSearchParams(location.search).has("pane")) {
  document.documentElement.classList.add("pane-only");
  document.addEventListener("DOMContentLoaded", () => {
    const aside = document.querySelector("aside.pane");
    aside?.setAttribute("role", "none");
    aside?.removeAttribute("aria-label");
  });
}

const associated = new Map<string, CustomFunction>();
let markReady: () => void = () => undefined;
const readiness = new Promise<void>((resolve) => {
  markReady = resolve;
});
const noHost = { host: null, platform: null };

const globals = globalThis as unknown as Record<string, unknown>;
globals.CustomFunctions = customFunctionsStandIn<CustomFunction>((id, fn) => {
  associated.set(id.toUpperCase(), fn);
});
globals.Office = {
  HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
  context: { displayLanguage: navigator.language },
  onReady(callback?: (info: typeof noHost) => void): Promise<typeof noHost> {
    return readiness.then(() => {
      callback?.(noHost);
      return noHost;
    });
  },
};
globals.salesPlannerWorkbenchRuntime = { associated, ready: () => markReady() } satisfies WorkbenchRuntime;
