import { Button, Card, CardHeader, makeStyles, Text, tokens } from "@fluentui/react-components";
import { UI_STRINGS } from "../../../i18n/ui";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WriteOutcome } from "../../components/WriteOutcome";
import { rfmExamplePlan } from "./rfm-example";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import type { PageProps } from "../../page-props";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

/** Getting started: what the add-in is, and a one-click example sheet with live RFM formulas. */
export function StartPage({ gateway, language }: PageProps) {
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
      <WriteOutcome status={writer.status} t={t} />
    </div>
  );
}
