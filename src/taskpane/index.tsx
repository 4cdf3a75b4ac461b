import { createRoot } from "react-dom/client";
import { config as zodConfig } from "zod/v4/core";
import type { WorkbookGateway } from "../excel/gateway";
import { OfficeGateway } from "../excel/office-gateway";
import { OutsideExcelGateway } from "../excel/outside-excel-gateway";
import { languageFromTag } from "../i18n/language";
import { App } from "./App";
import { preloadPages } from "./pages";
import { themeKindFromOffice, type OfficeThemeLike } from "./theme";

// taskpane.html's Content-Security-Policy allows no eval: zod must not compile its parsers with
// `new Function`, nor even probe for it (a refused probe is reported as a CSP violation).
zodConfig({ jitless: true });

/**
 * Task-pane entry. The page is the add-in's shared runtime: it also loads functions.js, so the SALES
 * functions and the pane share one JavaScript context. Outside Excel (a plain browser) Office.onReady
 * reports no host; the pane then renders with a gateway that refuses every operation and says why.
 */
function mount(host: Office.HostType | null, displayLanguage: string | undefined, officeTheme: OfficeThemeLike | undefined): void {
  const container = document.getElementById("root");
  if (container === null) return;
  const inExcel = host === Office.HostType.Excel;
  // Injection point for development hosts (the workbench, src/workbench): outside Excel, a page may set
  // `window.salesPlannerGateway` before Office.onReady resolves. Excel never sets it.
  const injected = (window as { salesPlannerGateway?: WorkbookGateway }).salesPlannerGateway;
  const gateway = inExcel ? new OfficeGateway() : (injected ?? new OutsideExcelGateway());
  const language = languageFromTag(displayLanguage ?? navigator.language);
  createRoot(container).render(<App gateway={gateway} initialLanguage={language} theme={themeKindFromOffice(officeTheme)} />);
  // The other pages' code is fetched once the first page is up and the browser has nothing else to do, so
  // that opening a tab later does not wait for the network.
  whenIdle(preloadPages);
}

function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(() => work(), { timeout: 5000 });
  else window.setTimeout(work, 1000);
}

void Office.onReady((info) => {
  let displayLanguage: string | undefined;
  let officeTheme: OfficeThemeLike | undefined;
  // Outside Office (or in hosts without these) the getters can be missing or throw: fall back quietly.
  try {
    displayLanguage = Office.context?.displayLanguage;
  } catch {
    displayLanguage = undefined;
  }
  try {
    officeTheme = Office.context?.officeTheme;
  } catch {
    officeTheme = undefined;
  }
  mount(info.host ?? null, displayLanguage, officeTheme);
});
