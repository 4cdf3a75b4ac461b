/**
 * The Import page as a source for other pages ("from a file" in Segment customers and in Progress): where a
 * page sends the user to import, where the Import page sends them back, and the table a written import sheet
 * holds, to read as that page reads any range.
 */
import { parseRange } from "../../../excel/address";
import type { WorkbookGateway } from "../../../excel/gateway";
import type { DraftStore } from "../../drafts/draft-store";

/** The pages that take an import as their source, and what each takes (the draft store's output of the Import page). */
export const IMPORT_RETURNS = ["segment", "progress"] as const;
export type ImportReturn = (typeof IMPORT_RETURNS)[number];
export const RETURN_KEY = "import.returnTo";
/** The customer sheet an import wrote, and the monthly one (outputs in the draft store). */
export const CUSTOMERS_OUTPUT = "import";
export const PERIODS_OUTPUT = "import.periods";

/** Opens the Import page, which offers to come back to `from` once its sheets are written. */
export function openImport(store: DraftStore, from: ImportReturn, onNavigate: ((page: string) => void) | undefined): void {
  store.dispatch({ type: "set", key: RETURN_KEY, value: from });
  onNavigate?.("import");
}

/** The address of the Excel table on a sheet an import wrote (its whole range, header included), or undefined when the sheet or its table is gone. */
export async function importedTable(gateway: WorkbookGateway, sheet: string): Promise<string | undefined> {
  const sources = await gateway.listDataSources();
  return sources.find((source) => source.kind === "table" && parseRange(source.address)?.sheet?.toLowerCase() === sheet.toLowerCase())?.address;
}
