import { createRoot } from "react-dom/client";
import type { WorkbookGateway } from "../excel/gateway";
import { MemoryGateway } from "../excel/memory-gateway";
import { OfficeGateway } from "../excel/office-gateway";
import { languageFromTag } from "../i18n/language";
import { App } from "./App";
import { themeKindFromOffice, type OfficeThemeLike } from "./theme";

/**
 * Task-pane entry. The page is the add-in's shared runtime: it also loads functions.js, so the SALES
 * functions and the pane share one JavaScript context. Outside Excel (a plain browser) Office.onReady
 * reports no host; the pane then renders with writes disabled.
 */
function mount(host: Office.HostType | null, displayLanguage: string | undefined, officeTheme: OfficeThemeLike | undefined): void {
  const container = document.getElementById("root");
  if (container === null) return;
  const inExcel = host === Office.HostType.Excel;
  // Injection point for development hosts (the workbench, src/workbench): outside Excel, a page may set
  // `window.salesPlannerGateway` before Office.onReady resolves. Excel never sets it.
  const injected = (window as { salesPlannerGateway?: WorkbookGateway }).salesPlannerGateway;
  const gateway = inExcel ? new OfficeGateway() : (injected ?? new MemoryGateway(false));
  const language = languageFromTag(displayLanguage ?? navigator.language);
  createRoot(container).render(<App gateway={gateway} initialLanguage={language} theme={themeKindFromOffice(officeTheme)} />);
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
