import { AriaLiveAnnouncer, FluentProvider, makeStaticStyles, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { WorkbookGateway } from "../excel/gateway";
import { Language, LANGUAGES } from "../i18n/language";
import { UI_STRINGS } from "../i18n/ui";
import { CONTROL_SIZE } from "./components/control-size";
import { OverflowTabs } from "./components/OverflowTabs";
import { DraftStore } from "./drafts/draft-store";
import { DraftsProvider } from "./drafts/use-drafts";
import { PageView } from "./PageView";
import { PAGES } from "./pages";
import { fluentTheme, type ThemeKind } from "./theme";

// The page's only global rule, here rather than in a <style> block of taskpane.html, which its
// Content-Security-Policy would refuse.
const useStaticStyles = makeStaticStyles({ body: { margin: 0 } });

/** Beyond this, a wide pane (or Excel on the web's wide panel) gets margins rather than 1,000-px fields. */
const MAX_CONTENT_WIDTH = "640px";

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", paddingLeft: tokens.spacingHorizontalL, paddingRight: tokens.spacingHorizontalL, paddingTop: tokens.spacingVerticalM },
  frame: { maxWidth: MAX_CONTENT_WIDTH, marginLeft: "auto", marginRight: "auto" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  title: { margin: 0, minWidth: 0 },
  subtitle: { display: "block", color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXXS },
  nav: { marginTop: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  main: { paddingTop: tokens.spacingVerticalM },
});

export interface AppProps {
  readonly gateway: WorkbookGateway;
  readonly initialLanguage: Language;
  /** Follows Office's theme where Office tells us (see theme.ts); light otherwise. */
  readonly theme?: ThemeKind;
  /** The workbook's drafts (index.tsx opens them from localStorage); by default, this session's only. */
  readonly drafts?: DraftStore;
}

/**
 * The task pane: a header with the language switch, one row of tabs (those that do not fit go into "More"),
 * the current page (PageView: loaded on first visit; its draft lives in the DraftStore, so switching pages
 * loses nothing). Content is at most 640 px wide. The AriaLiveAnnouncer lets any page announce results
 * politely (useAnnounce, see useWorkbookWriter).
 */
export function App({ gateway, initialLanguage, theme = "light", drafts }: AppProps) {
  useStaticStyles();
  const styles = useStyles();
  const [store] = useState(() => drafts ?? new DraftStore());
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [pageId, setPageId] = useState(PAGES[0]?.id ?? "start");
  const t = UI_STRINGS[language];
  const page = PAGES.find((p) => p.id === pageId) ?? PAGES[0];

  // The page's own language and title follow the switch (screen readers, the browser tab in Excel on the web).
  useEffect(() => {
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en-US";
    document.title = t.appTitle;
  }, [language, t.appTitle]);

  return (
    // The layout is on a div inside the provider: Fluent gives its portals (menus, dialogs) the provider's
    // classes, and a full-height padded portal would cover the pane.
    <FluentProvider theme={fluentTheme(theme)} lang={language === "zh" ? "zh-CN" : "en-US"} data-theme={theme}>
      <DraftsProvider value={store}>
        <AriaLiveAnnouncer>
          <div className={styles.root}>
            <div className={styles.frame}>
              <header>
                <div className={styles.header}>
                  <Text as="h1" size={500} weight="semibold" className={styles.title}>
                    {t.appTitle}
                  </Text>
                  <Select size={CONTROL_SIZE} aria-label={t.languageLabel} value={language} onChange={(_, data) => setLanguage(data.value as Language)}>
                    {LANGUAGES.map((code) => (
                      <option key={code} value={code}>
                        {code === "zh" ? t.languageZh : t.languageEn}
                      </option>
                    ))}
                  </Select>
                </div>
                <Text size={200} className={styles.subtitle}>
                  {t.appSubtitle}
                </Text>
              </header>
              <nav className={styles.nav} aria-label={t.navLabel}>
                <OverflowTabs
                  items={PAGES.map((p) => ({ id: p.id, label: t[p.title] as string }))}
                  selected={pageId}
                  onSelect={setPageId}
                  label={t.navLabel}
                  more={t.navMore}
                />
              </nav>
              <main className={styles.main}>{page && <PageView page={page} gateway={gateway} language={language} t={t} onNavigate={setPageId} />}</main>
            </div>
          </div>
        </AriaLiveAnnouncer>
      </DraftsProvider>
    </FluentProvider>
  );
}
