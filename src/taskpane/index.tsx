import { createRoot } from "react-dom/client";
import type { WorkbookGateway } from "../excel/gateway";
import { OfficeGateway } from "../excel/office-gateway";
import { OutsideExcelGateway } from "../excel/outside-excel-gateway";
import { languageFromTag } from "../i18n/language";
import { App } from "./App";
import { StartupProblem } from "./components/StartupProblem";
import { DraftStore, slotFor, type StorageLike } from "./drafts/draft-store";
import { preloadPages } from "./pages";
import { themeKindFromOffice, type OfficeThemeLike } from "./theme";

/**
 * Task-pane entry. The page is the add-in's shared runtime: it also loads functions.js, so the SALES
 * functions and the pane share one JavaScript context. Until Office.onReady fires, taskpane.html shows a
 * static "starting" message (and, after a while, what to do if it never does: see taskpane.css); when
 * office.js did not load at all, the pane says so at once. Outside Excel (a plain browser) Office.onReady
 * reports no host; the pane then renders with a gateway that refuses every operation and says why.
 */
function mount(container: HTMLElement, host: Office.HostType | null, displayLanguage: string | undefined, officeTheme: OfficeThemeLike | undefined, documentUrl: string | undefined): void {
  const inExcel = host === Office.HostType.Excel;
  // Injection point for development hosts (the workbench, src/workbench): outside Excel, a page may set
  // `window.salesPlannerGateway` before Office.onReady resolves. Excel never sets it.
  const injected = (window as { salesPlannerGateway?: WorkbookGateway }).salesPlannerGateway;
  // Excel's funnel chart came with ExcelApi 1.9; older hosts get a bar chart in stage order instead.
  const gateway = inExcel ? new OfficeGateway({ funnelChart: Office.context.requirements.isSetSupported("ExcelApi", "1.9") }) : (injected ?? new OutsideExcelGateway());
  const language = languageFromTag(displayLanguage ?? navigator.language);
  const drafts = new DraftStore({ storage: localStorageOrNone(), slot: slotFor(documentUrl) });
  // Closing the pane, or Excel hiding it, writes what is still waiting (drafts are written a moment after each change).
  window.addEventListener("pagehide", drafts.flush);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && drafts.flush());
  createRoot(container).render(<App gateway={gateway} initialLanguage={language} theme={themeKindFromOffice(officeTheme)} drafts={drafts} />);
  // The other pages' code is fetched once the first page is up and the browser has nothing else to do, so
  // that opening a tab later does not wait for the network.
  whenIdle(preloadPages);
}

/** localStorage, or nothing where the browser refuses it (privacy settings): drafts then last the session. */
function localStorageOrNone(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(() => work(), { timeout: 5000 });
  else window.setTimeout(work, 1000);
}

/** A getter of Office.context that may be missing or throw outside Office or in some hosts: undefined then. */
function quietly<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

const container = document.getElementById("root");
if (container !== null) {
  if (typeof Office === "undefined") {
    // office.js was blocked or failed to load: say so instead of leaving the pane blank.
    createRoot(container).render(<StartupProblem language={languageFromTag(navigator.language)} />);
  } else {
    void Office.onReady((info) => {
      mount(
        container,
        info.host ?? null,
        quietly(() => Office.context?.displayLanguage),
        quietly(() => Office.context?.officeTheme),
        // The workbook's identity for its drafts (see drafts/draft-store.ts): null for a workbook never saved.
        quietly(() => Office.context?.document?.url ?? undefined),
      );
    });
  }
}
