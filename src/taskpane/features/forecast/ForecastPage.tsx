import { Button, Field, Input, Link, makeStyles, mergeClasses, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { BacktestRow } from "../../../core/forecast/backtest";
import type { Metric } from "../../../core/forecast/accuracy";
import type { RangeData } from "../../../excel/gateway";
import { backtestMethodLabel } from "../../../i18n/forecast";
import { FORECAST_WIZARD_STRINGS, type ForecastWizardStrings } from "../../../i18n/forecast-wizard";
import { formatAmount } from "../../../i18n/format";
import type { Language } from "../../../i18n/language";
import { UI_STRINGS } from "../../../i18n/ui";
import { CONTROL_SIZE } from "../../components/control-size";
import { gatewayErrorMessage } from "../../components/gateway-messages";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { useFormValidation } from "../../components/useFormValidation";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import type { FieldParams } from "../../components/validation";
import { WizardSteps } from "../../components/WizardSteps";
import { WriteResult } from "../../components/WriteResult";
import { reviveIf, reviveStrings } from "../../drafts/revive";
import { useDraftStore, usePersistentState, useWizardStep } from "../../drafts/use-drafts";
import type { PageProps } from "../../page-props";
import { baselineText, decomposeWithShape, shapePeriods, smartWithBaseline, type Written } from "./forecast-handoff";
import { forecastPlan, onSheet } from "./forecast-plan";
import { checkChoice } from "./forecast-model";
import {
  EMPTY_FIELDS,
  forecastSeries,
  methodFor,
  runBacktests,
  TOTAL_KEY,
  validateBacktest,
  validateHistory,
  type ForecastErrorCode,
  type ForecastFields,
} from "./forecast-schema";

const useStyles = makeStyles({
  intro: { display: "block", marginBottom: tokens.spacingVerticalS },
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  pair: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, alignItems: "start", "& > *": { minWidth: 0 } },
  fill: { width: "100%", minWidth: 0 },
  read: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  table: { width: "100%", borderCollapse: "collapse", fontVariantNumeric: "tabular-nums", fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS, captionSide: "top" },
  th: { textAlign: "end", fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  thMethod: { textAlign: "start" },
  td: { textAlign: "end", padding: `0 ${tokens.spacingHorizontalXXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  tdMethod: { textAlign: "start", "& label": { paddingLeft: 0 } },
  best: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
});

/** A read range kept in the draft store (so the steps survive a page switch or a reload). */
const isRangeData = (value: unknown): boolean => {
  const held = value as { address?: unknown; values?: unknown } | null;
  return typeof held?.address === "string" && Array.isArray(held.values) && held.values.every((row) => Array.isArray(row) && row.every((cell) => cell === null || ["string", "number", "boolean"].includes(typeof cell)));
};
const isMethods = (value: unknown): boolean => typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((x) => typeof x === "string");
const isWritten = (value: unknown): boolean => {
  const held = value as Partial<Written> | null;
  return typeof held?.sheet === "string" && typeof held.total === "number" && Number.isFinite(held.total) && typeof held.horizon === "number" && typeof held.season === "number";
};

/** A backtest metric as the table shows it: 4 significant digits at most, a dash for a metric that cannot be computed. */
function metricText(metric: Metric, language: Language): string {
  if (typeof metric !== "number") return "—";
  return new Intl.NumberFormat(language === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: Math.abs(metric) >= 100 ? 0 : 2 }).format(metric);
}

/** The total as the baseline takes it (to the cent), for the messages that state it. */
const roundedTotal = (total: number) => Number(baselineText(total));

/** A message for an error code and its params. */
function errorText(code: ForecastErrorCode | undefined, params: Readonly<Record<string, unknown>> | undefined, w: ForecastWizardStrings): string | undefined {
  if (code === undefined) return undefined;
  const p = (params ?? {}) as Record<string, string | number>;
  const n = (key: string) => Number(p[key]);
  const s = (key: string) => String(p[key] ?? "");
  switch (code) {
    case "required":
      return w.errRequired;
    case "whole":
      return w.errWhole(n("min"), n("max"));
    case "notRead":
      return w.errNotRead;
    case "empty":
      return w.errEmpty(s("address"));
    case "cells":
      return w.errCells(s("cells"));
    case "tooShort":
      return w.errTooShort(n("count"), n("needed"));
    case "tooLong":
      return w.errTooLong(n("count"), n("max"));
    case "tooManySeries":
      return w.errTooManySeries(n("count"), n("max"));
    case "holdout":
      return w.errHoldout(n("needed"));
    case "noMethod":
      return w.errNoMethod;
    case "methodShort":
      return w.errMethodShort(s("series"), n("needed"), n("count"));
    case "methodPositive":
      return w.errMethodPositive(s("series"), n("period"));
    case "methodNegative":
      return w.errMethodNegative(s("series"), n("period"));
    case "methodOverflow":
      return w.errMethodOverflow(s("series"));
  }
}

/**
 * Forecast (销售预测): History (a range of one or more series, the season length from the dates) →
 * Backtest (the methods scored on the last season, best preselected, per series) → Write (the sheet of
 * live SALES.FORECAST.INTERVAL / LINEAR bands, forecast-plan.ts) → Use it (the total as SMART's
 * baseline, the shape as Decompose's seasonal split, forecast-handoff.ts).
 */
export function ForecastPage({ gateway, language, onNavigate }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const w = FORECAST_WIZARD_STRINGS[language];
  const store = useDraftStore();
  const [fields, setFields] = usePersistentState<ForecastFields>("forecast", () => EMPTY_FIELDS, reviveStrings(EMPTY_FIELDS));
  const { step, reached, setStep } = useWizardStep("forecast.step", 4);
  const [data, setData] = usePersistentState<RangeData | undefined>("forecast.history", () => undefined, reviveIf(isRangeData));
  const [chosen, setChosen] = usePersistentState<Readonly<Record<string, string>>>("forecast.methods", () => ({}), reviveIf(isMethods));
  const [written, setWritten] = usePersistentState<Written | undefined>("forecast.written", () => undefined, reviveIf(isWritten));
  const [readProblem, setReadProblem] = useState<string | undefined>(undefined);
  const [used, setUsed] = useState<{ smart: string; decompose?: string } | undefined>(undefined);
  // What the write depends on: editing any of it after a write clears the write's message.
  const writtenFrom = useMemo(() => ({ fields, data, chosen }), [fields, data, chosen]);
  const writer = useWorkbookWriter(gateway, { output: "forecast", draft: writtenFrom });

  const { season, horizon, holdout } = fields;
  const historyResult = useMemo(() => validateHistory({ ...EMPTY_FIELDS, season, horizon }, data, w.unnamed), [season, horizon, data, w]);
  const historyStep = historyResult.ok ? historyResult.data : undefined;
  // The backtest runs the fits: only once the Backtest step has been reached, and again only when its inputs change.
  const backtestReached = reached >= 1;
  const backtests = useMemo(
    () => (historyStep !== undefined && backtestReached ? runBacktests(historyStep, holdout, w.total) : undefined),
    [historyStep, holdout, backtestReached, w.total],
  );
  const backtestResult = useMemo(
    () =>
      historyStep === undefined
        ? ({ ok: false, errors: {}, params: {} } as const)
        : validateBacktest(historyStep, fields, backtests, chosen, w.total, language),
    [historyStep, fields, backtests, chosen, w.total, language],
  );

  const v0 = useFormValidation(historyResult, t);
  const v1 = useFormValidation(backtestResult, t);
  const v2 = useFormValidation(backtestResult, t);
  const current = [v0, v1, v2, v2][step] ?? v0;
  const message = (path: string) => errorText(current.errors[path] as ForecastErrorCode | undefined, (current.params as FieldParams)[path], w);

  const set = (field: keyof ForecastFields) => (value: string) => setFields((f) => ({ ...f, [field]: value }));

  const read = async (how: "selection" | "address") => {
    setReadProblem(undefined);
    try {
      const range = how === "selection" ? await gateway.readSelection() : await gateway.readRange(fields.range);
      setData({ address: range.address, values: range.values });
      setChosen({});
      const result = validateHistory({ ...fields, range: range.address }, range, w.unnamed);
      const season = result.ok ? result.data.history.detectedSeason : undefined;
      setFields((f) => ({ ...f, range: range.address, ...(season === undefined ? {} : { season: String(season), horizon: String(season) }), view: "0" }));
    } catch (error) {
      setReadProblem(gatewayErrorMessage(error, t, "READ_FAILED"));
    }
  };

  // A finished write: what "Use it" hands over, then the last step.
  const pending = useRef<Omit<Written, "sheet"> | undefined>(undefined);
  useEffect(() => {
    const status = writer.status;
    if (status.kind !== "done" || status.how === "range" || pending.current === undefined) return;
    const handed = pending.current;
    pending.current = undefined;
    setWritten({ ...handed, sheet: status.target, shape: handed.shape === undefined ? undefined : onSheet(status.target, handed.shape) });
    setUsed(undefined);
    setStep(3);
  }, [writer.status, setWritten, setStep]);

  const write = () => {
    if (!historyResult.ok) {
      setStep(0);
      return;
    }
    // A method that would write an error was chosen on the Backtest step: back there, with the message.
    if (!backtestResult.ok) {
      setStep(1);
      v1.submit(() => undefined);
      return;
    }
    v2.submit((input) => {
      const sheet = forecastPlan(input, language);
      const total = forecastSeries(historyStep!.history, w.total).find((s) => s.key === (input.series.length > 1 ? TOTAL_KEY : "0"))!;
      const method = input.series.length > 1 ? input.totalMethod! : input.series[0]!.method;
      const check = checkChoice(method, total.series.values, input.horizon, input.season);
      const sum = check.ok ? check.bands[0.8].forecast.reduce((a, b) => a + b, 0) : 0;
      const [first] = sheet.baseRange.split(":");
      const firstRow = Number(/\d+$/.exec(first!)![0]);
      const hasShape = input.season > 1 && input.horizon >= input.season;
      const last = historyStep!.history.periods[historyStep!.history.periods.length - 1];
      const startsYear = historyStep!.history.detectedSeason !== undefined && last !== undefined && (last.index + 1) % input.season === 0;
      pending.current = {
        total: sum,
        horizon: input.horizon,
        season: input.season,
        ...(hasShape ? { shape: `D${firstRow}:D${firstRow + input.season - 1}`, periods: shapePeriods(input.season, input.futureLabels, startsYear) } : {}),
      };
      void writer.createSheet(sheet.plan);
    });
  };

  const applyForecast = () => {
    if (written === undefined) return;
    store.dispatch({ type: "update", key: "smart", update: (previous) => smartWithBaseline(previous, written.total) });
    store.dispatch({ type: "update", key: "decompose", update: (previous) => decomposeWithShape(previous, written) });
    setUsed({ smart: formatAmount(roundedTotal(written.total), language), decompose: written.shape });
  };

  const next = () => {
    if (step === 0) v0.submit(() => setStep(1));
    else if (step === 1) v1.submit(() => setStep(2));
    else if (step === 2) write();
    else applyForecast();
  };

  const steps = [w.stepHistory, w.stepBacktest, w.stepWrite, w.stepUse];
  const seriesList = historyStep === undefined ? [] : forecastSeries(historyStep.history, w.total);
  const view = seriesList.find((s) => s.key === fields.view) ?? seriesList[0];
  const viewResult = view === undefined ? undefined : backtests?.results[view.key];
  const viewMethod = view === undefined ? undefined : methodFor(view.key, chosen, backtests);
  const history = historyStep?.history;

  const table = (rows: readonly BacktestRow[], key: string, name: string, holdout: number) => (
    <RadioGroup
      aria-label={w.backtestCaption(name, holdout)}
      value={viewMethod ?? ""}
      onChange={(_, choice) => setChosen((c) => ({ ...c, [key]: choice.value }))}
    >
      <table className={styles.table}>
        <caption className={styles.caption}>{w.backtestCaption(name, holdout)}</caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.th, styles.thMethod)}>
              {w.colMethod}
            </th>
            <th scope="col" className={styles.th}>RMSE</th>
            <th scope="col" className={styles.th}>MAPE %</th>
            <th scope="col" className={styles.th}>MASE</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.method}>
              <td className={mergeClasses(styles.td, styles.tdMethod)}>
                <Radio
                  value={row.method}
                  label={
                    <>
                      {backtestMethodLabel(language, row.method, row.window, (historyStep?.season ?? 1) > 1)}
                      {i === 0 && typeof row.metrics.rmse === "number" && <span className={styles.best}>{` · ${w.best}`}</span>}
                    </>
                  }
                />
              </td>
              <td className={styles.td}>{metricText(row.metrics.rmse, language)}</td>
              <td className={styles.td}>{metricText(row.metrics.mape, language)}</td>
              <td className={styles.td}>{metricText(row.metrics.mase, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </RadioGroup>
  );

  return (
    <div>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <Text className={styles.intro}>{w.intro}</Text>
      <WizardSteps
        steps={steps}
        current={step}
        done={[historyResult.ok && reached >= 1, backtestResult.ok && reached >= 2, written !== undefined, used !== undefined]}
        reached={reached}
        onStep={setStep}
        t={t}
        onBack={() => setStep(Math.max(0, step - 1))}
        onNext={next}
        nextLabel={step === 2 ? w.finishWrite : undefined}
        finishLabel={w.useButton}
        busy={writer.status.kind === "working"}
        result={step >= 2 ? <WriteResult writer={writer} t={t} /> : undefined}
      >
        <div ref={current.containerRef} className={styles.step}>
          {step === 0 && (
            <>
              <Field
                size={CONTROL_SIZE}
                label={w.fieldRange}
                hint={w.rangeHint}
                validationState={readProblem ?? message("range") ? "error" : "none"}
                validationMessage={readProblem ?? message("range")}
              >
                <Input value={fields.range} onChange={(_, d) => set("range")(d.value)} />
              </Field>
              <div className={styles.buttons}>
                <Button size={CONTROL_SIZE} onClick={() => void read("selection")} disabled={!gateway.available}>
                  {w.useSelection}
                </Button>
                <Button size={CONTROL_SIZE} onClick={() => void read("address")} disabled={!gateway.available || fields.range.trim() === ""}>
                  {w.readRange}
                </Button>
              </div>
              {history !== undefined && (
                <div className={styles.read} role="status">
                  <Text>{w.readSummary(history.series.length, history.labels.length, history.address)}</Text>
                  {history.series.length > 1 && <Text>{w.seriesNames(history.series.map((s) => s.name).join(language === "zh" ? "、" : ", "))}</Text>}
                  {history.labels[0] !== "" && <Text>{w.periodSpan(history.labels[0] ?? "", history.labels[history.labels.length - 1] ?? "")}</Text>}
                  <Text>{history.detectedSeason === undefined ? w.notDetected : w.detected(history.detectedSeason)}</Text>
                </div>
              )}
              <div className={styles.pair}>
                <Field size={CONTROL_SIZE} label={w.fieldSeason} validationState={message("season") ? "error" : "none"} validationMessage={message("season")}>
                  <Input className={styles.fill} inputMode="numeric" value={fields.season} onChange={(_, d) => set("season")(d.value)} />
                </Field>
                <Field size={CONTROL_SIZE} label={w.fieldHorizon} validationState={message("horizon") ? "error" : "none"} validationMessage={message("horizon")}>
                  <Input className={styles.fill} inputMode="numeric" value={fields.horizon} onChange={(_, d) => set("horizon")(d.value)} />
                </Field>
              </div>
              <Text size={200} className={styles.note}>
                {w.seasonHint}
              </Text>
            </>
          )}
          {step === 1 && (
            <>
              <div className={styles.pair}>
                <Field size={CONTROL_SIZE} label={w.fieldHoldout} validationState={message("holdout") ? "error" : "none"} validationMessage={message("holdout")}>
                  <Input
                    className={styles.fill}
                    inputMode="numeric"
                    placeholder={String(historyStep === undefined || historyStep.season <= 1 ? 3 : historyStep.season)}
                    value={fields.holdout}
                    onChange={(_, d) => set("holdout")(d.value)}
                  />
                </Field>
                {seriesList.length > 1 && (
                  <Field size={CONTROL_SIZE} label={w.fieldSeries}>
                    <Select className={styles.fill} value={view?.key} onChange={(_, d) => set("view")(d.value)}>
                      {seriesList.map((s) => (
                        <option key={s.key} value={s.key}>
                          {s.series.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                )}
              </div>
              <Text size={200} className={styles.note}>
                {w.holdoutHint}
              </Text>
              {view !== undefined && viewResult?.ok === true && backtests !== undefined && (
                <Field
                  validationState={message(`method.${view.key}`) ? "error" : "none"}
                  validationMessage={message(`method.${view.key}`)}
                >
                  {table(viewResult.rows, view.key, view.series.name, backtests.holdout)}
                </Field>
              )}
              {seriesList
                .filter((s) => s.key !== view?.key && message(`method.${s.key}`) !== undefined)
                .map((s) => (
                  <MessageBar key={s.key} intent="error">
                    <MessageBarBody>{message(`method.${s.key}`)}</MessageBarBody>
                  </MessageBar>
                ))}
              <Text size={200} className={styles.note}>
                {w.maNote}
              </Text>
            </>
          )}
          {step === 2 && (
            <>
              <Field size={CONTROL_SIZE} label={w.fieldLevel} hint={w.scenariosNote}>
                <Select value={fields.level} onChange={(_, d) => set("level")(d.value)}>
                  <option value="0.8">{w.level80}</option>
                  <option value="0.95">{w.level95}</option>
                </Select>
              </Field>
              {backtestResult.ok && (
                <>
                  <Text>{w.writeSummary(backtestResult.data.series.length, backtestResult.data.horizon)}</Text>
                  <ul className={styles.read}>
                    {backtestResult.data.series.map((s) => (
                      <li key={s.name}>{`${s.name}: ${backtestMethodLabel(language, s.method, 0, backtestResult.data.season > 1)}`}</li>
                    ))}
                    {backtestResult.data.totalMethod !== undefined && (
                      <li>{`${w.total}: ${backtestMethodLabel(language, backtestResult.data.totalMethod, 0, backtestResult.data.season > 1)}`}</li>
                    )}
                  </ul>
                </>
              )}
            </>
          )}
          {step === 3 &&
            (written === undefined ? (
              <Text>{w.notWrittenYet}</Text>
            ) : (
              <>
                <Text>{w.useIntro(formatAmount(roundedTotal(written.total), language), written.horizon, written.sheet)}</Text>
                {used !== undefined && (
                  <MessageBar intent="success">
                    <MessageBarBody>
                      <div className={styles.read}>
                        <span>{w.useSmart(used.smart)}</span>
                        <span>{used.decompose === undefined ? w.noShape(written.season) : w.useDecompose(used.decompose)}</span>
                      </div>
                    </MessageBarBody>
                  </MessageBar>
                )}
                {used !== undefined && onNavigate !== undefined && (
                  <div className={styles.buttons}>
                    <Link onClick={() => onNavigate("smart")}>{w.openSmart}</Link>
                    {used.decompose !== undefined && <Link onClick={() => onNavigate("decompose")}>{w.openDecompose}</Link>}
                  </div>
                )}
              </>
            ))}
        </div>
      </WizardSteps>
    </div>
  );
}
