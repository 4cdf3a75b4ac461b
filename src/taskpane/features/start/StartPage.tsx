import {
  Button,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useReducer } from "react";
import type { WorkbookGateway } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { UI_STRINGS } from "../../../i18n/ui";
import { rfmExamplePlan } from "./rfm-example";
import { IDLE, writeStatusReducer } from "./write-status";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export interface StartPageProps {
  readonly gateway: WorkbookGateway;
  readonly language: Language;
}

/** Getting started: what the add-in is, and a one-click example sheet with live RFM formulas. */
export function StartPage({ gateway, language }: StartPageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const [status, dispatch] = useReducer(writeStatusReducer, IDLE);

  const createExample = useCallback(async () => {
    dispatch({ type: "start" });
    try {
      const sheet = await gateway.createSheet(rfmExamplePlan(language));
      dispatch({ type: "succeed", sheet });
    } catch (error) {
      dispatch({ type: "fail", error });
    }
  }, [gateway, language]);

  return (
    <div className={styles.page}>
      {!gateway.available && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t.outsideExcelTitle}</MessageBarTitle>
            {t.outsideExcelBody}
          </MessageBarBody>
        </MessageBar>
      )}
      <Card>
        <CardHeader header={<Text weight="semibold">{t.exampleTitle}</Text>} description={<Text>{t.exampleBody}</Text>} />
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={!gateway.available || status.kind === "working"}
            onClick={() => void createExample()}
          >
            {t.exampleButton}
          </Button>
          {status.kind === "working" && <Spinner size="tiny" label={t.exampleWorking} />}
        </div>
      </Card>
      <div aria-live="polite">
        {status.kind === "done" && (
          <MessageBar intent="success">
            <MessageBarBody>{t.exampleDone(status.sheet)}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
              {status.code === "UNAVAILABLE" ? t.errorUnavailable : t.errorWriteFailed(status.detail)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
