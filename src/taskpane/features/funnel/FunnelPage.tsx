import { Button, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState, type ReactNode } from "react";
import { parseRange } from "../../../excel/address";
import type { RangeData } from "../../../excel/gateway";
import { formatAmount, formatPercent } from "../../../i18n/format";
import { FUNNEL_WIZARD_STRINGS, LEAD_GRADES } from "../../../i18n/funnel-wizard";
import { UI_STRINGS } from "../../../i18n/ui";
import { CONTROL_SIZE } from "../../components/control-size";
import { draftReducer } from "../../components/form-draft";
import { gatewayErrorMessage } from "../../components/gateway-messages";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { RowsEditor } from "../../components/RowsEditor";
import { useFormValidation } from "../../components/useFormValidation";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WizardSteps } from "../../components/WizardSteps";
import { WriteResult } from "../../components/WriteResult";
import { reviveFormDraft } from "../../drafts/revive";
import { usePersistentReducer, useWizardStep } from "../../drafts/use-drafts";
import type { PageProps } from "../../page-props";
import { funnelMessage } from "./funnel-messages";
import {
  BLANK_PIPELINE_STAGE,
  BLANK_STAGE,
  costField,
  GROUPS,
  initialFunnel,
  leverField,
  MAX_PIPELINE_STAGES,
  MAX_STAGES,
  pipelineStagesFromFunnel,
  STEP_COUNT,
  TARGET_KINDS,
  templateLevers,
  templateStages,
  TEMPLATES,
  validateFunnel,
  validateLevers,
  validatePyramid,
  validateStages,
  validateStep,
  validateTarget,
  type FunnelErrorCode,
  type Template,
} from "./funnel-model";
import { GROUP_LABEL, funnelPlan } from "./funnel-plan";
import { pyramidCounts, rankedLevers, stageCounts } from "./funnel-preview";

const useStyles = makeStyles({
  intro: { display: "block", marginBottom: tokens.spacingVerticalS },
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  pair: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, alignItems: "end", "& > *": { minWidth: 0 } },
  triple: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, alignItems: "end", "& > *": { minWidth: 0 } },
  fill: { width: "100%", minWidth: 0 },
  lever: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  numbers: { fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  grade: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const TEMPLATE_LABEL = { dealership: "templateDealership", b2b: "templateB2b", own: "templateOwn" } as const;
const KIND_LABEL = { deals: "kindDeals", revenue: "kindRevenue", top: "kindTop" } as const;

/**
 * The Funnel planner (漏斗规划): five steps — the stages and their rates (a template, typed, or from last
 * period's counts), the target (deals, revenue, or a known top), the levers (what each alone gives, ranked),
 * the lead pyramid, the pipeline in hand — each checked before the next, with a live preview from the same
 * core functions the sheet runs. Finishing writes the Funnel plan sheet (funnel-plan.ts).
 */
export function FunnelPage({ gateway, language }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const s = FUNNEL_WIZARD_STRINGS[language];
  const [draft, dispatch] = usePersistentReducer("funnel", draftReducer, () => initialFunnel(language), reviveFormDraft(initialFunnel(language)));
  const { step, reached, setStep } = useWizardStep("funnel.step", STEP_COUNT);
  const [opportunities, setOpportunities] = useState<RangeData | undefined>(undefined);
  const [readProblem, setReadProblem] = useState<string | undefined>(undefined);
  const [templateNote, setTemplateNote] = useState<string | undefined>(undefined);
  const writer = useWorkbookWriter(gateway, { output: "funnel", draft });

  const v0 = useMemo(() => validateStep(0, draft), [draft]);
  const v1 = useMemo(() => validateStep(1, draft), [draft]);
  const v2 = useMemo(() => validateStep(2, draft), [draft]);
  const v3 = useMemo(() => validateStep(3, draft), [draft]);
  const v4 = useMemo(() => validateStep(4, draft, opportunities), [draft, opportunities]);
  const f0 = useFormValidation(v0, t);
  const f1 = useFormValidation(v1, t);
  const f2 = useFormValidation(v2, t);
  const f3 = useFormValidation(v3, t);
  const f4 = useFormValidation(v4, t);
  const form = [f0, f1, f2, f3, f4][step] ?? f0;
  const message = (path: string) => funnelMessage(form.errors[path] as FunnelErrorCode | undefined, form.params[path], s, language);

  const fields = draft.fields;
  const setField = (field: string, value: string) => dispatch({ type: "setField", field, value });
  const stages = useMemo(() => validateStages(draft), [draft]);
  const target = useMemo(() => (stages.ok ? validateTarget(draft, stages.data) : undefined), [draft, stages]);
  const stageNames = (draft.lists.stages ?? []).map((row, i) => row.name?.trim() || s.rowStage(i + 1));

  const textField = (name: string, label: string, options: { hint?: string; numeric?: boolean; problem?: string; placeholder?: string } = {}) => {
    const problem = options.problem ?? message(name);
    return (
      <Field size={CONTROL_SIZE} label={label} hint={problem ? undefined : options.hint} validationState={problem ? "error" : "none"} validationMessage={problem}>
        <Input
          className={styles.fill}
          inputMode={options.numeric ? "decimal" : undefined}
          placeholder={options.placeholder}
          value={fields[name] ?? ""}
          onChange={(_, data) => setField(name, data.value)}
        />
      </Field>
    );
  };

  const applyTemplate = () => {
    const template = (TEMPLATES as readonly string[]).includes(fields.template ?? "") ? (fields.template as Template) : "own";
    const rows = templateStages(template, language);
    dispatch({ type: "setRows", list: "stages", rows, mode: "replace" });
    for (const [field, value] of Object.entries(templateLevers(rows.length))) setField(field, value);
    setField("mixOn", template === "dealership" ? "true" : "false");
    if (template === "dealership") setField("rateSource", "typed");
    setTemplateNote(s.templateApplied(rows.length));
  };

  const readOpportunities = async (how: "selection" | "address") => {
    setReadProblem(undefined);
    try {
      const data = how === "selection" ? await gateway.readSelection() : await gateway.readRange(fields.oppsAddress ?? "");
      setField("oppsAddress", data.address);
      setOpportunities(data);
      return data;
    } catch (error) {
      setOpportunities(undefined);
      setReadProblem(gatewayErrorMessage(error, t, "READ_FAILED"));
      return undefined;
    }
  };

  /**
   * The last step's action: the opportunities are read again first (they may have changed since they were
   * picked, or the address was typed), then the whole form is checked — a step with a problem is opened —
   * and the sheet written. An address that names no range on a sheet is not read: its message says so.
   */
  const finish = async () => {
    let read = opportunities;
    if (fields.pipelineOn === "true" && parseRange(fields.oppsAddress ?? "")?.sheet !== undefined) {
      read = await readOpportunities("address");
      if (read === undefined) return;
    }
    f4.submit(() => {
      const all = validateFunnel(draft, read);
      if (!all.ok) {
        setStep(all.step);
        return;
      }
      void writer.createSheet(funnelPlan(all.data, language));
    }, validateStep(4, draft, read));
  };

  const next = () => {
    if (step === STEP_COUNT - 1) void finish();
    else form.submit(() => setStep(step + 1));
  };

  const stagesStep = (
    <>
      <Field size={CONTROL_SIZE} label={s.template}>
        <Select className={styles.fill} value={fields.template} onChange={(_, data) => setField("template", data.value)}>
            {TEMPLATES.map((template) => (
              <option key={template} value={template}>
                {s[TEMPLATE_LABEL[template]]}
              </option>
            ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button size={CONTROL_SIZE} type="button" onClick={applyTemplate}>
          {s.applyTemplate}
        </Button>
      </div>
      {templateNote !== undefined && (
        <Text size={200} role="status">
          {templateNote}
        </Text>
      )}
      <RadioGroup layout="horizontal" aria-label={s.rateSource} value={fields.rateSource === "counts" ? "counts" : "typed"} onChange={(_, data) => setField("rateSource", data.value)}>
        <Radio value="typed" label={s.rateSourceTyped} />
        <Radio value="counts" label={s.rateSourceCounts} />
      </RadioGroup>
      {fields.rateSource === "counts" && <Text size={200}>{s.countsHint}</Text>}
      <RowsEditor
        legend={s.listStages}
        rows={draft.lists.stages ?? []}
        columns={[
          { field: "name", label: s.colStage },
          fields.rateSource === "counts"
            ? { field: "count", label: s.colCount, kind: "number", numberKind: "amount", width: "6rem" }
            : { field: "rate", label: s.colRate, kind: "number", numberKind: "percent", width: "5.5rem", hint: s.colRateHint },
        ]}
        rowLabel={(n) => s.rowStage(n)}
        error={(index, field) => message(`stages.${index}.${field}`)}
        onChange={(id, field, value) => dispatch({ type: "setCell", list: "stages", id, field, value })}
        onAdd={() => dispatch({ type: "addRow", list: "stages", row: BLANK_STAGE })}
        onRemove={(id) => dispatch({ type: "removeRow", list: "stages", id })}
        onSetRows={(rows, mode) => dispatch({ type: "setRows", list: "stages", rows, mode })}
        gateway={gateway}
        blank={BLANK_STAGE}
        maxRows={MAX_STAGES}
        t={t}
        language={language}
        listError={message("stages")}
      />
      {fields.rateSource === "counts" && stages.ok && <Text className={styles.numbers}>{s.ratesFromCounts(stages.data.rates.map(formatPercent).join(t.listSeparator))}</Text>}
      <Checkbox checked={fields.mixOn === "true"} label={s.mixOn} onChange={(_, data) => setField("mixOn", data.checked === true ? "true" : "false")} />
      {fields.mixOn === "true" && (
        <div className={styles.triple} role="group" aria-label={s.mixLegend}>
          {textField("mixA", s.mixA, { numeric: true })}
          {textField("mixB", s.mixB, { numeric: true })}
          {textField("mixC", s.mixC, { numeric: true })}
        </div>
      )}
    </>
  );

  const kind = (TARGET_KINDS as readonly string[]).includes(fields.targetKind ?? "") ? fields.targetKind : "deals";
  let counts: number[] | undefined;
  if (stages.ok && target?.ok) {
    try {
      counts = stageCounts(stages.data, target.data);
    } catch {
      counts = undefined; // the field's own message says why, on Next
    }
  }
  const countText = (x: number) => formatAmount(kind === "top" ? Math.round(x * 10) / 10 : x, language);
  const preview = (heading: string, values: readonly number[], names: readonly string[]): ReactNode => (
    <section aria-label={heading}>
      <Text weight="semibold">{heading}</Text>
      <ol className={styles.list}>
        {values.map((value, i) => (
          <li key={names[i] ?? i} className={styles.numbers}>{s.item(names[i] ?? "", countText(value))}</li>
        ))}
      </ol>
    </section>
  );

  const targetStep = (
    <>
      <RadioGroup aria-label={s.targetKind} value={kind} onChange={(_, data) => setField("targetKind", data.value)}>
        {TARGET_KINDS.map((k) => (
          <Radio key={k} value={k} label={s[KIND_LABEL[k]]} />
        ))}
      </RadioGroup>
      {kind === "deals" && textField("deals", s.deals, { numeric: true })}
      {kind === "revenue" && (
        <div className={styles.pair}>
          {textField("revenue", s.revenue, { numeric: true })}
          {textField("dealSize", s.dealSize, { numeric: true })}
        </div>
      )}
      {kind === "top" && textField("top", s.top(stageNames[0] ?? ""), { numeric: true })}
      {counts !== undefined && preview(kind === "top" ? s.forwardPreview : s.requiredPreview, counts, stageNames)}
    </>
  );

  const leverCount = Math.max(1, (draft.lists.stages ?? []).length);
  const levers = useMemo(() => (stages.ok && target?.ok ? validateLevers(draft, stages.data, target.data) : undefined), [draft, stages, target]);
  let ranked: ReturnType<typeof rankedLevers> | undefined;
  if (stages.ok && target?.ok && levers?.ok) {
    try {
      ranked = rankedLevers(stages.data, target.data, levers.data);
    } catch {
      ranked = undefined;
    }
  }
  const leverLabel = (k: number) => (k === 0 ? s.leverTop(stageNames[0] ?? "") : s.leverRate(stageNames[k] ?? ""));
  const leversStep = (
    <>
      <Text>{s.leversIntro}</Text>
      {Array.from({ length: leverCount }, (_, k) => (
        <div key={k} className={styles.lever} role="group" aria-label={leverLabel(k)}>
          <Text weight="semibold">{leverLabel(k)}</Text>
          <div className={styles.pair}>
            {textField(leverField(k), k === 0 ? s.raiseTop : s.raiseRate, { numeric: true, placeholder: "0" })}
            {textField(costField(k), s.cost, { numeric: true })}
          </div>
        </div>
      ))}
      {ranked !== undefined && (
        <section aria-label={s.leversRanked}>
          <Text weight="semibold">{s.leversRanked}</Text>
          <ol className={styles.list}>
            {ranked.map((lever) => (
              <li key={lever.index} className={styles.numbers}>
                {s.item(leverLabel(lever.index), s.leverResult(formatAmount(lever.deals, language), `${lever.gain >= 0 ? "+" : ""}${formatAmount(lever.gain, language)}`))}
                {lever.costPerDeal !== undefined && ` · ${s.costPerDeal(formatAmount(Math.round(lever.costPerDeal * 100) / 100, language))}`}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );

  const pyramid = useMemo(() => validatePyramid(draft), [draft]);
  let grades: number[] | undefined;
  if (pyramid.ok && pyramid.data !== undefined) {
    try {
      grades = pyramidCounts(pyramid.data);
    } catch {
      grades = undefined;
    }
  }
  const pyramidStep = (
    <>
      <Checkbox checked={fields.pyramidOn === "true"} label={s.pyramidOn} onChange={(_, data) => setField("pyramidOn", data.checked === true ? "true" : "false")} />
      {fields.pyramidOn === "true" && (
        <>
          <div className={styles.pair}>
            {textField("pyramidRevenue", s.pyramidRevenue, { numeric: true })}
            {textField("pyramidOrder", s.pyramidOrder, { numeric: true })}
          </div>
          {textField("pyramidRate", s.pyramidRate, { hint: s.pyramidRateHint })}
          <ol className={styles.list} aria-label={s.stepPyramid}>
            {LEAD_GRADES[language].map((grade, i) => (
              <li key={grade.grade} className={styles.grade}>
                <Text weight="semibold">{`${grade.grade} · ${grade.definition}`}</Text>
                {grades !== undefined && <Text className={styles.numbers}>{` — ${s.item(s.colCustomers, formatAmount(grades[i] ?? 0, language))}`}</Text>}
                <br />
                <Text size={200} className={styles.muted}>
                  {grade.advice}
                </Text>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );

  const fillPipelineStages = () => {
    if (!stages.ok) return;
    dispatch({ type: "setRows", list: "pipelineStages", rows: pipelineStagesFromFunnel(stages.data), mode: "replace" });
  };
  const pipelineStep = (
    <>
      <Checkbox checked={fields.pipelineOn === "true"} label={s.pipelineOn} onChange={(_, data) => setField("pipelineOn", data.checked === true ? "true" : "false")} />
      {fields.pipelineOn === "true" && (
        <>
          <Text size={200}>{s.pipelineIntro}</Text>
          <div className={styles.row}>
            {textField("oppsAddress", s.oppsAddress, { problem: readProblem ?? message("oppsAddress") })}
            <Button size={CONTROL_SIZE} type="button" disabled={!gateway.available} onClick={() => void readOpportunities("selection")}>
              {s.useSelection}
            </Button>
          </div>
          {opportunities !== undefined && readProblem === undefined && (
            <Text size={200} role="status">
              {s.oppsRead(opportunities.values.filter((row) => row.some((cell) => cell !== null && cell !== "")).length, opportunities.address)}
            </Text>
          )}
          <RowsEditor
            legend={s.listPipelineStages}
            rows={draft.lists.pipelineStages ?? []}
            columns={[
              { field: "stage", label: s.colPipelineStage },
              { field: "probability", label: s.colProbability, kind: "number", numberKind: "percent", width: "4.5rem" },
              { field: "group", label: s.colGroup, kind: "select", width: "6.5rem", options: GROUPS.map((group) => ({ value: group, label: s[GROUP_LABEL[group]] as string })) },
            ]}
            rowLabel={(n) => s.rowPipelineStage(n)}
            error={(index, field) => message(`pipelineStages.${index}.${field}`)}
            onChange={(id, field, value) => dispatch({ type: "setCell", list: "pipelineStages", id, field, value })}
            onAdd={() => dispatch({ type: "addRow", list: "pipelineStages", row: BLANK_PIPELINE_STAGE })}
            onRemove={(id) => dispatch({ type: "removeRow", list: "pipelineStages", id })}
            blank={BLANK_PIPELINE_STAGE}
            maxRows={MAX_PIPELINE_STAGES}
            t={t}
            language={language}
            listError={message("pipelineStages")}
          />
          <div className={styles.row}>
            <Button size={CONTROL_SIZE} type="button" disabled={!stages.ok} onClick={fillPipelineStages}>
              {s.fillFromFunnel}
            </Button>
          </div>
          <div className={styles.pair}>
            {textField("periodTarget", s.periodTarget, { numeric: true })}
            {textField("closed", s.closed, { numeric: true })}
          </div>
        </>
      )}
    </>
  );

  const steps = [s.stepStages, s.stepTarget, s.stepLevers, s.stepPyramid, s.stepPipeline];
  return (
    <div>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <Text className={styles.intro}>{s.intro}</Text>
      <WizardSteps
        steps={steps}
        current={step}
        done={steps.map((_, i) => i <= reached && [v0, v1, v2, v3, v4][i]!.ok)}
        reached={reached}
        onStep={setStep}
        t={t}
        onBack={() => setStep(Math.max(0, step - 1))}
        onNext={next}
        finishLabel={s.finish}
        busy={writer.status.kind === "working"}
        result={<WriteResult writer={writer} t={t} />}
      >
        <div ref={step === 0 ? f0.containerRef : step === 1 ? f1.containerRef : step === 2 ? f2.containerRef : step === 3 ? f3.containerRef : f4.containerRef} className={styles.step}>
          {step === 0 && stagesStep}
          {step === 1 && targetStep}
          {step === 2 && leversStep}
          {step === 3 && pyramidStep}
          {step === 4 && pipelineStep}
        </div>
      </WizardSteps>
    </div>
  );
}
