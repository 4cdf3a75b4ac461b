import { Card, CardHeader, makeStyles, Text, tokens } from "@fluentui/react-components";
import { FUNCTION_HELP, syntaxIn } from "../../../i18n/function-help";
import type { Language } from "../../../i18n/language";
import { UI_STRINGS } from "../../../i18n/ui";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: "break-word" },
});

/** The SALES functions with their syntax, a line of help and an example, in the pane's language. */
export function ReferencePage({ language }: { readonly language: Language }) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  return (
    <div className={styles.page}>
      <Text>{t.functionsIntro}</Text>
      {FUNCTION_HELP.map((help) => (
        <Card key={help.id} aria-label={`SALES.${help.id}`}>
          <CardHeader header={<Text weight="semibold">{`SALES.${help.id}`}</Text>} description={<Text>{help.summary[language]}</Text>} />
          <Text className={styles.code}>{`${t.functionsSyntax}: ${syntaxIn(language, help.syntax)}`}</Text>
          <Text className={styles.code}>{`${t.functionsExample}: ${help.example}`}</Text>
        </Card>
      ))}
    </div>
  );
}
