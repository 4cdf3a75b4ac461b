import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { MARKET_STRINGS, type MarketStrings } from "../../../i18n/market";
import { UI_STRINGS } from "../../../i18n/ui";
import type { PageProps } from "../../page-props";
import { BcgForm } from "./BcgForm";
import { PestForm } from "./PestForm";
import { RiskForm } from "./RiskForm";
import { SwotForm } from "./SwotForm";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { OverflowTabs } from "../../components/OverflowTabs";
import { reviveOneOf } from "../../drafts/revive";
import { usePersistentState } from "../../drafts/use-drafts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

/** The analyses of the page, in tab order. */
const ANALYSES: readonly { id: string; tab: keyof MarketStrings; intro: keyof MarketStrings; form: (props: PageProps) => JSX.Element }[] = [
  { id: "swot", tab: "tabSwot", intro: "introSwot", form: SwotForm },
  { id: "pest", tab: "tabPest", intro: "introPest", form: PestForm },
  { id: "bcg", tab: "tabBcg", intro: "introBcg", form: BcgForm },
  { id: "risk", tab: "tabRisk", intro: "introRisk", form: RiskForm },
];

/**
 * Market analysis: SWOT, PEST, product portfolio (BCG) and risk matrix, each a form that writes a new
 * sheet with live formulas. Their drafts (and the analysis chosen) live in the draft store; every form stays
 * mounted, hidden when not chosen, so switching between them keeps their validation state too.
 */
export function MarketPage({ gateway, language }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const m = MARKET_STRINGS[language];
  const ids = ANALYSES.map((analysis) => analysis.id);
  const [current, setCurrent] = usePersistentState("market.tab", () => ids[0]!, reviveOneOf(ids));
  return (
    <div className={styles.page}>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <OverflowTabs
        items={ANALYSES.map((analysis) => ({ id: analysis.id, label: m[analysis.tab] as string }))}
        selected={current}
        onSelect={setCurrent}
        label={m.marketNavLabel}
        more={t.navMore}
        idPrefix="market"
      />
      {ANALYSES.map(({ id, intro, form: Form }) => (
        // `hidden` on a wrapper without layout classes: a display rule on the same element would override it.
        <section key={id} id={`market-panel-${id}`} role="tabpanel" aria-labelledby={`market-tab-${id}`} hidden={id !== current}>
          <div className={styles.page}>
            <Text>{m[intro] as string}</Text>
            <Form gateway={gateway} language={language} />
          </div>
        </section>
      ))}
    </div>
  );
}
