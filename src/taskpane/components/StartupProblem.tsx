import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import type { Language } from "../../i18n/language";
import { UI_STRINGS } from "../../i18n/ui";

/** What the pane shows when office.js never arrived (blocked by a proxy or an extension, offline). */
export function StartupProblem({ language }: { readonly language: Language }) {
  const t = UI_STRINGS[language];
  return (
    <FluentProvider theme={webLightTheme} lang={language === "zh" ? "zh-CN" : "en-US"}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t.officeMissingTitle}</MessageBarTitle>
          {t.officeMissingBody}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
