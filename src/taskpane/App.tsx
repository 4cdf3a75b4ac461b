import {
  AriaLiveAnnouncer,
  FluentProvider,
  makeStyles,
  Select,
  Tab,
  TabList,
  Text,
  tokens,
  Field,
  makeStaticStyles,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { WorkbookGateway } from "../excel/gateway";
import { Language, LANGUAGES } from "../i18n/language";
import { UI_STRINGS } from "../i18n/ui";
import { PageView } from "./PageView";
import { PAGES } from "./pages";
import { fluentTheme, type ThemeKind } from "./theme";

// The page's only global rule, here rather than in a <style> block of taskpane.html, which its
// Content-Security-Policy would refuse.
const useStaticStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", padding: tokens.spacingHorizontalL },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", columnGap: tokens.spacingHorizontalM },
  titles: { display: "flex", flexDirection: "column" },
  main: { paddingTop: tokens.spacingVerticalM },
  // Five tabs do not fit a 350-px pane on one line: wrap them rather than scroll the pane sideways.
  tabs: { flexWrap: "wrap" },
});

export interface AppProps {
  readonly gateway: WorkbookGateway;
  readonly initialLanguage: Language;
  /** Follows Office's theme where Office tells us (see theme.ts); light otherwise. */
  readonly theme?: ThemeKind;
}

/**
 * The task pane: a header with the language switch, a tab per page (see pages.ts), the current page
 * (PageView: loaded on first visit).
 * The AriaLiveAnnouncer lets any page announce results politely (useAnnounce, see useWorkbookWriter).
 */
export function App({ gateway, initialLanguage, theme = "light" }: AppProps) {
  useStaticStyles();
  const styles = useStyles();
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
    <FluentProvider theme={fluentTheme(theme)} lang={language === "zh" ? "zh-CN" : "en-US"} className={styles.root} data-theme={theme}>
      <AriaLiveAnnouncer>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Text as="h1" size={500} weight="semibold">
            {t.appTitle}
          </Text>
          <Text size={200}>{t.appSubtitle}</Text>
        </div>
        <Field label={t.languageLabel} size="small">
          <Select value={language} onChange={(_, data) => setLanguage(data.value as Language)} size="small">
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {code === "zh" ? t.languageZh : t.languageEn}
              </option>
            ))}
          </Select>
        </Field>
      </header>
      <TabList
        className={styles.tabs}
        aria-label={t.navLabel}
        selectedValue={pageId}
        onTabSelect={(_, data) => setPageId(String(data.value))}
      >
        {PAGES.map((p) => (
          <Tab key={p.id} value={p.id}>
            {t[p.title] as string}
          </Tab>
        ))}
      </TabList>
      <main className={styles.main}>{page && <PageView page={page} gateway={gateway} language={language} t={t} />}</main>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
