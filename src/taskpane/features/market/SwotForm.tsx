import { Field, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { MARKET_STRINGS } from "../../../i18n/market";
import { UI_STRINGS } from "../../../i18n/ui";
import { CONTROL_SIZE } from "../../components/control-size";
import { draftReducer } from "../../components/form-draft";
import { useFormValidation } from "../../components/useFormValidation";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WizardSteps } from "../../components/WizardSteps";
import { WriteResult } from "../../components/WriteResult";
import { reviveFormDraft } from "../../drafts/revive";
import { usePersistentReducer, useWizardStep } from "../../drafts/use-drafts";
import type { PageProps } from "../../page-props";
import { FactorListEditor } from "./FactorListEditor";
import { errorMessage } from "./market-messages";
import { initialSwot, SWOT_LISTS, toSwotDraft } from "./market-drafts";
import { swotFactorsSchema, swotSchema, validate } from "./market-schema";
import { swotPlan } from "./swot-plan";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

const LEGEND = { strengths: "quadrantS", weaknesses: "quadrantW", opportunities: "quadrantO", threats: "quadrantT" } as const;
const STRATEGIES = [
  ["so", "strategySO"],
  ["st", "strategyST"],
  ["wo", "strategyWO"],
  ["wt", "strategyWT"],
] as const;

/** SWOT in two steps: the four weighted factor lists, then the SO/ST/WO/WT strategies; writes a new sheet. */
export function SwotForm({ gateway, language }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const m = MARKET_STRINGS[language];
  const [draft, dispatch] = usePersistentReducer("market.swot", draftReducer, initialSwot, reviveFormDraft(initialSwot()));
  const { step, reached, setStep } = useWizardStep("market.swot.step", 2);
  const writer = useWorkbookWriter(gateway, { output: "market.swot", draft });
  const swot = useMemo(() => toSwotDraft(draft), [draft]);
  const { strategies: _strategies, ...factorsOnly } = swot;
  const factors = validate(swotFactorsSchema, factorsOnly);
  const all = validate(swotSchema, swot);
  const { errors: factorErrors, containerRef: factorsRef, submit: submitFactors } = useFormValidation(factors, t);
  const { errors: strategyErrors, containerRef: strategiesRef, submit: submitAll } = useFormValidation(all, t);

  const next = () => {
    if (step === 0) submitFactors(() => setStep(1));
    else submitAll((data) => void writer.createSheet(swotPlan(data, language)));
  };

  return (
    <WizardSteps
      steps={[m.swotStepFactors, m.swotStepStrategies]}
      current={step}
      done={[factors.ok, reached >= 1 && all.ok]}
      reached={reached}
      onStep={setStep}
      t={t}
      onBack={() => setStep(0)}
      onNext={next}
      finishLabel={t.writeButton}
      busy={writer.status.kind === "working"}
      result={<WriteResult writer={writer} t={t} />}
    >
      {step === 0 ? (
        <div ref={factorsRef} className={styles.step}>
          {SWOT_LISTS.map((list) => (
            <FactorListEditor key={list} list={list} legend={m[LEGEND[list]]} draft={draft} dispatch={dispatch} errors={factorErrors} m={m} t={t} language={language} gateway={gateway} />
          ))}
        </div>
      ) : (
        <div ref={strategiesRef} className={styles.step}>
          {STRATEGIES.map(([field, label]) => {
            const message = errorMessage(strategyErrors[`strategies.${field}`], m);
            return (
              <Field key={field} size={CONTROL_SIZE} label={m[label]} validationState={message ? "error" : "none"} validationMessage={message}>
                <Textarea value={draft.fields[field] ?? ""} onChange={(_, data) => dispatch({ type: "setField", field, value: data.value })} resize="vertical" />
              </Field>
            );
          })}
        </div>
      )}
    </WizardSteps>
  );
}
