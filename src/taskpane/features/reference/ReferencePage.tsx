import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Card,
  CardHeader,
  Field,
  makeStyles,
  SearchBox,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { cellAddress, parseRange, quoteSheet } from "../../../excel/address";
import { syntaxIn, type FunctionHelp } from "../../../i18n/function-help";
import { UI_STRINGS } from "../../../i18n/ui";
import { ActionBar } from "../../components/ActionBar";
import { CONTROL_SIZE } from "../../components/control-size";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WriteResult } from "../../components/WriteResult";
import { gatewayErrorMessage } from "../../components/gateway-messages";
import { reviveIf } from "../../drafts/revive";
import { usePersistentState } from "../../drafts/use-drafts";
import type { PageProps } from "../../page-props";
import { exampleFormula, searchFunctions } from "./function-catalogue";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  functions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: "break-word" },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

const BOTH = [UI_STRINGS.en, UI_STRINGS.zh];

/**
 * The SALES functions by family (RFM, funnel, targets, KPIs, forecast, commission…), each with its syntax in
 * the pane's language, a line of help, an example and "Insert into the selected cell", which writes the
 * example's formula at the top-left cell of the selection through the gateway (asking before it replaces
 * a cell). A search (id, name, English or Chinese words) opens the families that match.
 */
export function ReferencePage({ gateway, language }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const [query, setQuery] = usePersistentState("functions.query", () => "", reviveIf((value) => typeof value === "string"));
  const [opened, setOpened] = useState<string[]>([]);
  const [readProblem, setReadProblem] = useState<string | undefined>(undefined);
  const writer = useWorkbookWriter(gateway, { draft: query });
  const groups = searchFunctions(query, BOTH);
  const searching = query.trim() !== "";
  const count = groups.reduce((sum, group) => sum + group.functions.length, 0);

  const insert = async (help: FunctionHelp) => {
    setReadProblem(undefined);
    let address: string;
    try {
      const selection = parseRange((await gateway.readSelection()).address);
      if (selection === undefined) return;
      const cell = cellAddress(selection.row, selection.column);
      address = selection.sheet === undefined ? cell : `${quoteSheet(selection.sheet)}!${cell}`;
    } catch (error) {
      setReadProblem(gatewayErrorMessage(error, t, "READ_FAILED"));
      return;
    }
    await writer.writeRange({ address, rows: [[{ formula: exampleFormula(help.example) }]] });
  };

  return (
    <div className={styles.page}>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <Text>{t.functionsIntro}</Text>
      <Field size={CONTROL_SIZE} label={t.functionsSearch} hint={searching ? (count > 0 ? t.functionsMatches(count) : t.functionsNoMatch(query.trim())) : t.functionsSearchHint}>
        <SearchBox value={query} onChange={(_, data) => setQuery(data.value)} dismiss={{ "aria-label": t.functionsClearSearch }} />
      </Field>
      <Accordion multiple collapsible openItems={searching ? groups.map((group) => group.family.id) : opened} onToggle={(_, data) => !searching && setOpened(data.openItems.map(String))}>
        {groups.map(({ family, functions }) => (
          <AccordionItem key={family.id} value={family.id}>
            <AccordionHeader as="h3" size={CONTROL_SIZE}>{`${t[family.title] as string} (${functions.length})`}</AccordionHeader>
            <AccordionPanel>
              <div className={styles.functions}>
                {functions.map((help) => (
                  <Card key={help.id} size="small" aria-label={`SALES.${help.id}`}>
                    <CardHeader header={<Text weight="semibold">{`SALES.${help.id}`}</Text>} description={<Text size={200}>{help.summary[language]}</Text>} />
                    <Text className={styles.code}>{`${t.functionsSyntax}: ${syntaxIn(language, help.syntax)}`}</Text>
                    <Text className={styles.code}>{`${t.functionsExample}: ${help.example}`}</Text>
                    <div>
                      <Button size={CONTROL_SIZE} disabled={!gateway.available || writer.status.kind === "working"} title={t.functionsInsertNote} aria-label={t.functionsInsertLabel(`SALES.${help.id}`)} onClick={() => void insert(help)}>
                        {t.functionsInsert}
                      </Button>
                    </div>
                  </Card>
                ))}
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {(writer.status.kind !== "idle" || readProblem !== undefined) && (
        <ActionBar
          outcome={
            <>
              {readProblem !== undefined && <Text className={styles.problem}>{readProblem}</Text>}
              <WriteResult writer={writer} t={t} />
            </>
          }
        />
      )}
    </div>
  );
}
