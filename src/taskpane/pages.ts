import type { ComponentType } from "react";
import type { WorkbookGateway } from "../excel/gateway";
import type { Language } from "../i18n/language";
import type { UiStrings } from "../i18n/ui";
import { DecomposePage } from "./features/decompose/DecomposePage";
import { MarketPage } from "./features/market/MarketPage";
import { ReferencePage } from "./features/reference/ReferencePage";
import { SmartPage } from "./features/smart/SmartPage";
import { StartPage } from "./features/start/StartPage";

export interface PageProps {
  readonly gateway: WorkbookGateway;
  readonly language: Language;
}

/** Every page of the pane, in tab order: one table, so adding a wizard is one line here. */
export const PAGES: readonly { id: string; title: keyof UiStrings; component: ComponentType<PageProps> }[] = [
  { id: "start", title: "pageHome", component: StartPage },
  { id: "market", title: "pageMarket", component: MarketPage },
  { id: "smart", title: "pageSmart", component: SmartPage },
  { id: "decompose", title: "pageDecompose", component: DecomposePage },
  { id: "functions", title: "pageFunctions", component: ReferencePage },
];
