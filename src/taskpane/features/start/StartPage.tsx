import { Button, Link, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { UI_STRINGS, type UiStrings } from "../../../i18n/ui";
import { CONTROL_SIZE } from "../../components/control-size";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WriteOutcome } from "../../components/WriteOutcome";
import { hasDraft, type DraftState } from "../../drafts/draft-store";
import { useDraftState } from "../../drafts/use-drafts";
import type { PageProps } from "../../page-props";
import { rfmExamplePlan } from "./rfm-example";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  number: {
    flexShrink: 0,
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "24px",
    height: "24px",
    boxSizing: "border-box",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  numberWritten: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}` },
  numberNext: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, color: tokens.colorBrandForeground1 },
  numberComing: { color: tokens.colorNeutralForeground4, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}` },
  body: { display: "flex", flexDirection: "column", minWidth: 0 },
  coming: { color: tokens.colorNeutralForeground3 },
  status: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  next: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  // A card's look without Fluent's Card (its focus management would weigh on the pane's first render).
  example: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
});

/** A stop of the journey: a page of the pane (`page`), or one not built yet. */
interface Stop {
  readonly title: keyof UiStrings;
  readonly body?: keyof UiStrings;
  /** The page it opens; none: "coming". */
  readonly page?: string;
  /** The wizards of that page (their drafts and outputs in the draft store). */
  readonly wizards?: readonly string[];
}

/** The course's planning journey, in order: the forecast comes before the target set against it. */
const JOURNEY: readonly Stop[] = [
  { title: "journeyMarket", body: "journeyMarketBody", page: "market", wizards: ["market.swot", "market.pest", "market.bcg", "market.risk"] },
  { title: "toolForecast", body: "journeyForecastBody", page: "forecast", wizards: ["forecast"] },
  { title: "journeySmart", body: "journeySmartBody", page: "smart", wizards: ["smart"] },
  { title: "journeyDecompose", body: "journeyDecomposeBody", page: "decompose", wizards: ["decompose"] },
  { title: "journeyTrack", body: "journeyTrackBody", page: "progress", wizards: ["progress"] },
  { title: "toolFunnel", body: "toolFunnelBody", page: "funnel", wizards: ["funnel"] },
];

/** Tools beside the journey. */
const TOOLS: readonly Stop[] = [
  { title: "toolCustomers", page: "segment", wizards: ["segment", "segment.campaign"] },
  { title: "toolImport", body: "toolImportBody", page: "import", wizards: ["import", "import.periods"] },
];

type Status = { readonly kind: "written"; readonly sheets: string[] } | { readonly kind: "draft" } | { readonly kind: "none" } | { readonly kind: "coming" };

/** Where the user is on a stop: its wizards' sheets written, a draft in progress, nothing yet — or not built. */
function statusOf(stop: Stop, state: DraftState): Status {
  if (stop.page === undefined || stop.wizards === undefined) return { kind: "coming" };
  const sheets = stop.wizards.flatMap((wizard) => {
    const output = state.outputs[wizard];
    return output === undefined ? [] : [output.sheet];
  });
  if (sheets.length > 0) return { kind: "written", sheets };
  return stop.wizards.some((wizard) => hasDraft(state, wizard)) ? { kind: "draft" } : { kind: "none" };
}

/**
 * Getting started: the planning journey (analyse the market → SMART target → decompose → track → plan the
 * funnel), where the
 * user is on it (sheets written and drafts in progress, per workbook), each stop a link to its page; tools
 * not built yet are shown as coming, without a link. Then a one-click example sheet with live RFM formulas.
 */
export function StartPage({ gateway, language, onNavigate }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const state = useDraftState();
  const writer = useWorkbookWriter(gateway);
  const statuses = JOURNEY.map((stop) => statusOf(stop, state));
  // The next step: the first stop built and not written yet.
  const next = statuses.findIndex((status) => status.kind === "draft" || status.kind === "none");

  const stopView = (stop: Stop, status: Status, number: number | undefined, isNext: boolean) => {
    const title = t[stop.title] as string;
    const line =
      status.kind === "written" ? t.statusWritten(status.sheets.map(t.quoted).join(t.listSeparator)) : status.kind === "draft" ? t.statusDraft : status.kind === "coming" ? t.statusComing : t.statusNotStarted;
    return (
      <li key={stop.title} className={styles.item} aria-current={isNext ? "step" : undefined}>
        {number !== undefined && (
          <span
            aria-hidden="true"
            className={mergeClasses(styles.number, status.kind === "written" && styles.numberWritten, isNext && styles.numberNext, status.kind === "coming" && styles.numberComing)}
          >
            {status.kind === "written" ? "✓" : number}
          </span>
        )}
        <div className={styles.body}>
          {stop.page !== undefined && onNavigate !== undefined ? (
            <Link onClick={() => onNavigate(stop.page!)}>{title}</Link>
          ) : (
            <Text className={status.kind === "coming" ? styles.coming : undefined}>{title}</Text>
          )}
          {stop.body !== undefined && <Text size={200}>{t[stop.body] as string}</Text>}
          <Text size={200} className={styles.status}>
            {line}
            {isNext && (
              <>
                {" · "}
                <span className={styles.next}>{t.statusNext}</span>
              </>
            )}
          </Text>
        </div>
      </li>
    );
  };

  return (
    <div className={styles.page}>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <section className={styles.section} aria-labelledby="journey-title">
        <Text as="h3" id="journey-title" size={400} weight="semibold" className={styles.heading}>
          {t.journeyTitle}
        </Text>
        <ol className={styles.list}>{JOURNEY.map((stop, i) => stopView(stop, statuses[i]!, i + 1, i === next))}</ol>
      </section>
      <section className={styles.section} aria-labelledby="tools-title">
        <Text as="h3" id="tools-title" size={400} weight="semibold" className={styles.heading}>
          {t.toolsTitle}
        </Text>
        <ul className={styles.list}>{TOOLS.map((stop) => stopView(stop, statusOf(stop, state), undefined, false))}</ul>
      </section>
      <section className={styles.example} aria-labelledby="example-title">
        <Text as="h3" id="example-title" size={400} weight="semibold" className={styles.heading}>
          {t.exampleTitle}
        </Text>
        <Text>{t.exampleBody}</Text>
        <div className={styles.actions}>
          <Button
            size={CONTROL_SIZE}
            appearance="primary"
            disabled={!gateway.available || writer.status.kind === "working"}
            onClick={() => void writer.createSheet(rfmExamplePlan(language))}
          >
            {t.exampleButton}
          </Button>
        </div>
      </section>
      <WriteOutcome status={writer.status} t={t} onGoToSheet={() => void writer.goToSheet()} />
    </div>
  );
}
