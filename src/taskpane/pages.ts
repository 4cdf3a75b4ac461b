import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { UiStrings } from "../i18n/ui";
import { StartPage } from "./features/start/StartPage";
import type { PageProps } from "./page-props";

export type PageComponent = ComponentType<PageProps>;

/**
 * A page of the pane. The first page is part of the entry bundle, so the pane's first render waits for
 * nothing else; every other page is its own chunk, fetched by `load` when first opened (or earlier, by
 * preloadPages once the pane is idle).
 */
export type Page = { readonly id: string; readonly title: keyof UiStrings } & (
  | { readonly component: PageComponent }
  | { readonly load: () => Promise<PageComponent> }
);

/**
 * zod must be told to run without `eval` before any schema is built (taskpane.html's Content-Security-Policy
 * allows none, and a refused probe is reported as a violation): schemas live in the wizards' chunks, so the
 * setting is made there, first, and zod stays out of the pane's first render.
 */
const withZodSetUp = <T>(load: () => Promise<T>) => () => import(/* webpackChunkName: "zod-setup" */ "./zod-setup").then(load);

/** Every page of the pane, in tab order: one table, so adding a wizard is one line here. */
export const PAGES: readonly Page[] = [
  { id: "start", title: "pageHome", component: StartPage },
  { id: "market", title: "pageMarket", load: withZodSetUp(() => import(/* webpackChunkName: "page-market" */ "./features/market/MarketPage").then((m) => m.MarketPage)) },
  { id: "smart", title: "pageSmart", load: withZodSetUp(() => import(/* webpackChunkName: "page-smart" */ "./features/smart/SmartPage").then((m) => m.SmartPage)) },
  { id: "decompose", title: "pageDecompose", load: withZodSetUp(() => import(/* webpackChunkName: "page-decompose" */ "./features/decompose/DecomposePage").then((m) => m.DecomposePage)) },
  { id: "funnel", title: "pageFunnel", load: withZodSetUp(() => import(/* webpackChunkName: "page-funnel" */ "./features/funnel/FunnelPage").then((m) => m.FunnelPage)) },
  { id: "forecast", title: "pageForecast", load: withZodSetUp(() => import(/* webpackChunkName: "page-forecast" */ "./features/forecast/ForecastPage").then((m) => m.ForecastPage)) },
  { id: "progress", title: "pageProgress", load: withZodSetUp(() => import(/* webpackChunkName: "page-progress" */ "./features/progress/ProgressPage").then((m) => m.ProgressPage)) },
  { id: "segment", title: "pageSegment", load: withZodSetUp(() => import(/* webpackChunkName: "page-segment" */ "./features/segment/SegmentPage").then((m) => m.SegmentPage)) },
  { id: "import", title: "pageImport", load: withZodSetUp(() => import(/* webpackChunkName: "page-import" */ "./features/import/ImportPage").then((m) => m.ImportPage)) },
  { id: "functions", title: "pageFunctions", load: () => import(/* webpackChunkName: "page-functions" */ "./features/reference/ReferencePage").then((m) => m.ReferencePage) },
];

const lazyPages = new Map<string, LazyExoticComponent<PageComponent>>();

/**
 * The component to render for a page: the page itself, or one React.lazy wrapper per page (kept, so a
 * page loaded once renders at once when its tab is chosen again; a <Suspense> above shows the wait).
 */
export function pageComponent(page: Page): PageComponent | LazyExoticComponent<PageComponent> {
  if ("component" in page) return page.component;
  let component = lazyPages.get(page.id);
  if (component === undefined) {
    const { load } = page;
    component = lazy(() => load().then((loaded) => ({ default: loaded })));
    lazyPages.set(page.id, component);
  }
  return component;
}

/**
 * After a page's code failed to load (offline, a deployment replaced the files), forgets its wrapper: the
 * next render asks for the chunk again instead of React.lazy replaying the failure.
 */
export function forgetPage(page: Page): void {
  lazyPages.delete(page.id);
}

/** Fetches every page's code in the background; a failure here is ignored (opening the page retries). */
export function preloadPages(): void {
  for (const page of PAGES) if ("load" in page) page.load().catch(() => undefined);
}
