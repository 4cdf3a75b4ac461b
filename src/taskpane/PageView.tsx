import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { Component, createElement, Suspense, useState, type ReactNode } from "react";
import type { UiStrings } from "../i18n/ui";
import { useDraftState } from "./drafts/use-drafts";
import type { PageProps } from "./page-props";
import { forgetPage, pageComponent, type Page } from "./pages";

const useStyles = makeStyles({
  // The page's heading for screen readers and the outline (h1 app, h2 page, h3 step or section): the
  // selected tab already shows it, and a 350-px pane has no line to spare.
  heading: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap", border: 0 },
});

/**
 * The current page: rendered at once when its code is there, else a spinner while its chunk loads. When the
 * chunk cannot be fetched, or the page throws while rendering, an error message with a retry button takes
 * its place — the header and the tabs stay usable, so the pane never goes blank. "Start over" (a cleared
 * draft) mounts the page anew, so its validation state starts afresh too.
 */
export function PageView({ page, t, ...props }: PageProps & { readonly page: Page; readonly t: UiStrings }) {
  const styles = useStyles();
  const { resets } = useDraftState();
  // A retry remounts the boundary (a new key) after forgetting the failed lazy wrapper.
  const [attempt, setAttempt] = useState(0);
  const retry = () => {
    forgetPage(page);
    setAttempt((n) => n + 1);
  };
  return (
    <>
      <h2 className={styles.heading}>{t[page.title] as string}</h2>
      <PageErrorBoundary key={`${page.id}#${attempt}`} t={t} onRetry={retry}>
        <Suspense fallback={<Spinner size="small" label={t.pageLoading} />}>
          {/* pageComponent keeps one component per page, so choosing a tab again does not reload its code. */}
          {createElement(pageComponent(page), { ...props, key: resets })}
        </Suspense>
      </PageErrorBoundary>
    </>
  );
}

interface BoundaryProps {
  readonly t: UiStrings;
  readonly onRetry: () => void;
  readonly children: ReactNode;
}

class PageErrorBoundary extends Component<BoundaryProps, { readonly error: unknown }> {
  override state: { readonly error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const { t, onRetry } = this.props;
    const detail = error instanceof Error ? error.message : String(error);
    // webpack names a chunk that could not be fetched "ChunkLoadError".
    const body = error instanceof Error && error.name === "ChunkLoadError" ? t.pageLoadFailedBody(detail) : t.pageFailedBody(detail);
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.pageLoadFailedTitle}</MessageBarTitle>
          {body}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRetry}>{t.pageRetry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
