import { createRoot } from "react-dom/client";
import type { WorkbookGateway } from "../excel/gateway";
import { namespaceFromManifest, registerCustomFunctions, type CustomFunctionsFile } from "./hyperformula-bridge";
import { HyperFormulaGateway } from "./hyperformula-gateway";
import type { WorkbenchRuntime } from "./runtime";
import { Workbench } from "./Workbench";

/**
 * The workbench page (development host, never shipped): registers the SALES functions that
 * dist/functions.js associated with HyperFormula, using dist/functions.json and the manifest's namespace;
 * opens a HyperFormula workbook behind the WorkbookGateway; hands that gateway to the task pane (the
 * injection point in src/taskpane/index.tsx) and lets the pane mount; shows the workbook beside it.
 */

declare global {
  interface Window {
    salesPlannerWorkbenchRuntime?: WorkbenchRuntime;
    salesPlannerGateway?: WorkbookGateway;
    /** For scripts and tests driving the page: the workbook behind the grid. */
    salesPlannerWorkbench?: HyperFormulaGateway;
  }
}

async function start(): Promise<void> {
  const runtime = window.salesPlannerWorkbenchRuntime;
  if (runtime === undefined) throw new Error("workbench-runtime.js did not run before workbench.js");
  const [metadata, manifest] = await Promise.all([
    fetch("addin/functions.json").then((response) => (response.ok ? (response.json() as Promise<CustomFunctionsFile>) : Promise.reject(new Error(`addin/functions.json: ${response.status}`)))),
    fetch("addin/manifest.xml").then((response) => (response.ok ? response.text() : Promise.reject(new Error(`addin/manifest.xml: ${response.status}`)))),
  ]);
  registerCustomFunctions({ metadata, functions: runtime.associated, namespace: namespaceFromManifest(manifest) ?? null });
  const gateway = new HyperFormulaGateway();
  window.salesPlannerGateway = gateway;
  window.salesPlannerWorkbench = gateway;
  createRoot(document.getElementById("workbench")!).render(<Workbench gateway={gateway} />);
  runtime.ready();
}

start().catch((error: unknown) => {
  const message = document.createElement("pre");
  message.setAttribute("role", "alert");
  message.textContent = `The workbench could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.getElementById("workbench")?.append(message);
  throw error;
});
