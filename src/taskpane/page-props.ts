import type { WorkbookGateway } from "../excel/gateway";
import type { Language } from "../i18n/language";

/**
 * What every page of the pane receives. Its own module, so that a page never imports the pages table
 * (pages.ts imports the pages: the other way round would be a cycle).
 */
export interface PageProps {
  readonly gateway: WorkbookGateway;
  readonly language: Language;
  /** Opens another page by its id in pages.ts (the Start page's journey links). */
  readonly onNavigate?: (pageId: string) => void;
}
