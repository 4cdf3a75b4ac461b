import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Text, Textarea, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { RangeData } from "../../../excel/gateway";
import { SMART_STRINGS, type SmartStrings } from "../../../i18n/smart";
import { UI_STRINGS } from "../../../i18n/ui";
import { useFormValidation } from "../../components/useFormValidation";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WizardSteps } from "../../components/WizardSteps";
import { CONTROL_SIZE } from "../../components/control-size";
import { reviveIf, reviveStrings } from "../../drafts/revive";
import { usePersistentState, useWizardStep } from "../../drafts/use-drafts";
import { gatewayErrorMessage } from "../../components/gateway-messages";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { WriteResult } from "../../components/WriteResult";
import { fieldValue } from "../../components/form-fields";
import { growthHistory } from "../../components/history-range";
import { AMOUNT_DISPLAYS } from "../../components/amount-format";
import { dayFromText } from "../../../core/shared/excel-date";
import { sharedFieldMessage } from "../../../i18n/fields";
import { formatAmount, formatPercent as percent } from "../../../i18n/format";
import type { PageProps } from "../../page-props";
import { CADENCES, countPeriods, growthStats, type GrowthStats } from "./milestones";
import { cadenceLabel, kpiLabel, smartPlan } from "./smart-plan";
import { EMPTY_DRAFT, KPIS, MAX_PERIODS, validateStep, type SmartDraft, type SmartErrorCode, type SmartTarget } from "./smart-schema";

const useStyles = makeStyles({
  intro: { display: "block", marginBottom: tokens.spacingVerticalS },
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  stats: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const MESSAGE: Record<Exclude<SmartErrorCode, "notMultiple" | "percentNotAmount" | "tooLarge" | "growthTooLarge">, keyof SmartStrings> = {
  required: "errRequired",
  tooLong: "errTooLong",
  notNumber: "errNotNumber",
  positive: "errPositive",
  notNegative: "errNotNegative",
  date: "errDate",
  endBeforeStart: "errEndBeforeStart",
  tooManyPeriods: "errTooManyPeriods",
  floorRatio: "errFloorRatio",
  challengeRatio: "errChallengeRatio",
  address: "errAddress",
  unitHasWan: "errUnitHasWan",
};

interface HistoryState {
  readonly address: string;
  readonly stats: GrowthStats;
}

/** A history read kept in the draft store (its numbers, not the range's values). */
const isHistory = (value: unknown): boolean => {
  const held = value as { address?: unknown; stats?: { count?: unknown; best?: unknown; average?: unknown } } | null;
  const optionalNumber = (n: unknown) => n === undefined || (typeof n === "number" && Number.isFinite(n));
  return typeof held?.address === "string" && typeof held.stats?.count === "number" && optionalNumber(held.stats.best) && optionalNumber(held.stats.average);
};

/**
 * The SMART target wizard: five steps (Specific, Measurable, Achievable, Relevant, Time-bound), each checked
 * before the next; the Achievable step reads a history range and warns — without blocking — when the target
 * needs more growth than the best in the history. Finishing writes the "SMART target" sheet (smart-plan.ts).
 */
export function SmartPage({ gateway, language }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const s = SMART_STRINGS[language];
  const [draft, setDraft] = usePersistentState<SmartDraft>("smart", () => EMPTY_DRAFT, reviveStrings(EMPTY_DRAFT));
  const { step, reached, setStep } = useWizardStep("smart.step", 5);
  const [history, setHistory] = usePersistentState<HistoryState | undefined>("smart.history", () => undefined, reviveIf(isHistory));
  const [historyProblem, setHistoryProblem] = useState<string | undefined>(undefined);
  const writer = useWorkbookWriter(gateway, { output: "smart", draft });

  // One validation per step (hooks in a fixed order): errors show once that step's Next was pressed.
  const { containerRef: ref0, errors: errors0, params: params0, submit: submit0 } = useFormValidation(validateStep(0, draft), t);
  const { containerRef: ref1, errors: errors1, params: params1, submit: submit1 } = useFormValidation(validateStep(1, draft), t);
  const { containerRef: ref2, errors: errors2, params: params2, submit: submit2 } = useFormValidation(validateStep(2, draft), t);
  const { containerRef: ref3, errors: errors3, params: params3, submit: submit3 } = useFormValidation(validateStep(3, draft), t);
  const { containerRef: ref4, errors: errors4, params: params4, submit: submit4 } = useFormValidation(validateStep(4, draft), t);
  const errors = [errors0, errors1, errors2, errors3, errors4][step] ?? errors0;
  const params = [params0, params1, params2, params3, params4][step] ?? params0;
  const submit = [submit0, submit1, submit2, submit3, submit4][step] ?? submit0;

  const set = (field: keyof SmartDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const message = (field: keyof SmartDraft) => {
    const code = errors[field] as SmartErrorCode | undefined;
    const p = params[field];
    if (code === undefined) return undefined;
    if (code === "percentNotAmount" || code === "tooLarge") return sharedFieldMessage(code, p, language);
    if (code === "notMultiple") return s.errNotMultiple(formatAmount(Number(p?.below), language), formatAmount(Number(p?.above), language));
    if (code === "growthTooLarge") return s.errGrowthTooLarge(formatAmount(Number(p?.min), language));
    return s[MESSAGE[code]] as string;
  };
  const field = (name: keyof SmartDraft, label: string, options: { hint?: string; type?: "text" | "number" | "date"; problem?: string } = {}) => {
    const problem = options.problem ?? message(name);
    return (
      <Field size={CONTROL_SIZE} label={label} hint={options.hint} validationState={problem ? "error" : "none"} validationMessage={problem}>
        <Input
          type={options.type === "date" ? "date" : "text"}
          inputMode={options.type === "number" ? "decimal" : undefined}
          value={draft[name]}
          onChange={(_, data) => set(name)(data.value)}
        />
      </Field>
    );
  };

  const required = useMemo(() => {
    const baseline = fieldValue(draft.baseline, "amount");
    const target = fieldValue(draft.target, "amount");
    return baseline > 0 && target > 0 ? target / baseline - 1 : undefined;
  }, [draft.baseline, draft.target]);

  const checkpoints = useMemo(() => {
    const start = dayFromText(draft.start);
    const end = dayFromText(draft.end);
    if (start === undefined || end === undefined || end <= start) return undefined;
    const count = countPeriods(start, end, draft.cadence as (typeof CADENCES)[number], MAX_PERIODS);
    return count <= MAX_PERIODS ? count : undefined;
  }, [draft.start, draft.end, draft.cadence]);

  /** The history as read: its numbers' range and growth, or the problem its formulas would have (naming the cells). */
  const applyHistory = (data: RangeData): HistoryState | undefined => {
    const read = growthHistory(data);
    if (!read.ok) {
      setHistory(undefined);
      setHistoryProblem(sharedFieldMessage(read.code, read.params, language));
      return undefined;
    }
    setHistoryProblem(undefined);
    const state = { address: read.address, stats: growthStats(read.values) };
    setHistory(state);
    return state;
  };
  const read = async (how: "selection" | "address") => {
    try {
      const data = how === "selection" ? await gateway.readSelection() : await gateway.readRange(draft.historyAddress);
      setDraft((d) => ({ ...d, historyAddress: data.address }));
      applyHistory(data);
    } catch (error) {
      setHistory(undefined);
      setHistoryProblem(gatewayErrorMessage(error, t, "READ_FAILED"));
    }
  };

  /**
   * Writes the sheet. A history range is read again first (it may have changed, or have been typed): one the
   * growth formulas would show an error for sends the manager back to the Achievable step, its cells named.
   */
  const write = async (target: SmartTarget) => {
    let info: HistoryState | undefined;
    const address = draft.historyAddress.trim();
    if (address !== "") {
      try {
        info = applyHistory(await gateway.readRange(address));
      } catch (error) {
        setHistory(undefined);
        setHistoryProblem(gatewayErrorMessage(error, t, "READ_FAILED"));
      }
      if (info === undefined) {
        setStep(2);
        return;
      }
    }
    await writer.createSheet(smartPlan(target, language, info));
  };

  const next = () =>
    submit(() => {
      if (step < 4) {
        setStep(step + 1);
        return;
      }
      const all = [0, 1, 2, 3, 4].map((i) => validateStep(i, draft));
      const firstBad = all.findIndex((r) => !r.ok);
      if (firstBad >= 0) {
        setStep(firstBad);
        return;
      }
      void write(Object.assign({}, ...all.map((r) => (r.ok ? r.data : {}))) as SmartTarget);
    });

  const steps = [s.stepSpecific, s.stepMeasurable, s.stepAchievable, s.stepRelevant, s.stepTimeBound];
  return (
    <div>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <Text className={styles.intro}>{s.smartIntro}</Text>
      <WizardSteps
        steps={steps}
        current={step}
        done={steps.map((_, i) => i <= reached && validateStep(i, draft).ok)}
        reached={reached}
        onStep={setStep}
        t={t}
        onBack={() => setStep(Math.max(0, step - 1))}
        onNext={next}
        finishLabel={s.finish}
        busy={writer.status.kind === "working"}
        result={<WriteResult writer={writer} t={t} />}
      >
        <div
          ref={step === 0 ? ref0 : step === 1 ? ref1 : step === 2 ? ref2 : step === 3 ? ref3 : ref4}
          className={styles.step}
        >
          {step === 0 && (
            <>
              {field("channel", s.channel, { hint: s.channelHint })}
              {field("product", s.product)}
              {field("customers", s.customers)}
              {field("occasion", s.occasion, { hint: s.occasionHint })}
            </>
          )}
          {step === 1 && (
            <>
              <Field size={CONTROL_SIZE} label={s.kpi}>
                <Select value={draft.kpi} onChange={(_, data) => set("kpi")(data.value)}>
                  {KPIS.map((kpi) => (
                    <option key={kpi} value={kpi}>
                      {kpiLabel(kpi, s)}
                    </option>
                  ))}
                </Select>
              </Field>
              {field("unit", s.unit, { hint: s.unitHint })}
              {field("baseline", s.baseline, { type: "number" })}
              {field("target", s.target, { type: "number" })}
              {field("roundTo", s.roundTo, { type: "number", hint: s.roundToHint })}
              <Field size={CONTROL_SIZE} label={s.display}>
                <Select value={draft.display} onChange={(_, data) => set("display")(data.value)}>
                  {AMOUNT_DISPLAYS.map((display) => (
                    <option key={display} value={display}>
                      {display === "wan" ? s.displayWan : s.displayYuan}
                    </option>
                  ))}
                </Select>
              </Field>
            </>
          )}
          {step === 2 && (
            <>
              {field("historyAddress", s.historyAddress, { hint: s.historyHint, problem: historyProblem })}
              <div className={styles.buttons}>
                <Button size={CONTROL_SIZE} onClick={() => void read("selection")} disabled={!gateway.available}>
                  {s.useSelection}
                </Button>
                <Button size={CONTROL_SIZE} onClick={() => void read("address")} disabled={!gateway.available || draft.historyAddress.trim() === ""}>
                  {s.readHistory}
                </Button>
              </div>
              {history !== undefined && (
                <>
                  <Text>{s.historyRead(history.stats.count, history.address)}</Text>
                  <ul className={styles.stats} aria-label={s.stepAchievable}>
                    {history.stats.average !== undefined && <li>{`${s.pastGrowth}: ${percent(history.stats.average)}`}</li>}
                    {history.stats.best !== undefined && <li>{`${s.bestGrowth}: ${percent(history.stats.best)}`}</li>}
                    {required !== undefined && <li>{`${s.requiredGrowth}: ${percent(required)}`}</li>}
                  </ul>
                  {required !== undefined && history.stats.best !== undefined && (
                    <MessageBar intent={required > history.stats.best ? "warning" : "success"}>
                      <MessageBarBody>
                        {required > history.stats.best
                          ? s.growthWarning(percent(required), percent(history.stats.best))
                          : s.growthOk(percent(required), percent(history.stats.best))}
                      </MessageBarBody>
                    </MessageBar>
                  )}
                </>
              )}
            </>
          )}
          {step === 3 && (
            <Field size={CONTROL_SIZE} label={s.strategy} hint={s.strategyHint} validationState={message("strategy") ? "error" : "none"} validationMessage={message("strategy")}>
              <Textarea value={draft.strategy} onChange={(_, data) => set("strategy")(data.value)} resize="vertical" />
            </Field>
          )}
          {step === 4 && (
            <>
              {field("start", s.start, { type: "date" })}
              {field("end", s.end, { type: "date" })}
              <Field size={CONTROL_SIZE} label={s.cadence} validationState={message("cadence") ? "error" : "none"} validationMessage={message("cadence")}>
                <Select value={draft.cadence} onChange={(_, data) => set("cadence")(data.value)}>
                  {CADENCES.map((cadence) => (
                    <option key={cadence} value={cadence}>
                      {cadenceLabel(cadence, s)}
                    </option>
                  ))}
                </Select>
              </Field>
              {checkpoints !== undefined && <Text>{s.periodsPreview(checkpoints)}</Text>}
              {field("floorRatio", s.floorRatio, { type: "number" })}
              {field("challengeRatio", s.challengeRatio, { type: "number" })}
            </>
          )}
        </div>
      </WizardSteps>
    </div>
  );
}
