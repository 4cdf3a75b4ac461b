import { Button, Card, CardHeader, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { WorkbookGateway } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { UI_STRINGS } from "../../../i18n/ui";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WriteResult } from "../../components/WriteResult";
import { rfmExamplePlan } from "./rfm-example";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";

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
  const writer = useWorkbookWriter(gateway);

  return (
    <div className={styles.page}>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <Card>
        <CardHeader header={<Text weight="semibold">{t.exampleTitle}</Text>} description={<Text>{t.exampleBody}</Text>} />
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={!gateway.available || writer.status.kind === "working"}
            onClick={() => void writer.createSheet(rfmExamplePlan(language))}
          >
            {t.exampleButton}
          </Button>
        </div>
      </Card>
      <WriteResult writer={writer} t={t} />
    </div>
  );
}
