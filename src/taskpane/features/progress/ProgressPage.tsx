import { Button, Field, Input, makeStyles, Radio, RadioGroup, Select, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { parseRange } from "../../../excel/address";
import type { RangeData } from "../../../excel/gateway";
import { PROGRESS_STRINGS } from "../../../i18n/progress";
import { UI_STRINGS } from "../../../i18n/ui";
import { CONTROL_SIZE } from "../../components/control-size";
import { fieldValue } from "../../components/form-fields";
import { draftReducer } from "../../components/form-draft";
import { gatewayErrorMessage } from "../../components/gateway-messages";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { RowsEditor } from "../../components/RowsEditor";
import { useFormValidation } from "../../components/useFormValidation";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WizardSteps } from "../../components/WizardSteps";
import { WriteResult } from "../../components/WriteResult";
import { reviveFormDraft, reviveIf } from "../../drafts/revive";
import { useDraftStore, useOutput, usePersistentReducer, usePersistentState, useWizardStep } from "../../drafts/use-drafts";
import { IMPORT_STRINGS } from "../../../i18n/import";
import { importedTable, openImport, PERIODS_OUTPUT } from "../import/from-file";
import type { PageProps } from "../../page-props";
import { adjustPlan, methodLabel, type LogEntry } from "./adjust-plan";
import { monthlySums, readOrders } from "./orders";
import { MAX_PEOPLE, MONTHS } from "./plan-source";
import { BLANK_LEAVER, errorMessage, initialProgress, toProgressDraft } from "./progress-draft";
import { MAX_LEAVERS, planRead, validateActuals, validateAdjust, validatePlan, validateReview, type ProgressDraft } from "./progress-schema";
import { reviewLayout, reviewPlan, type Actuals } from "./review-plan";
import { isoFromSerial } from "../../../core/shared/excel-date";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  pair: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "end", "& > *": { minWidth: 0 } },
  fill: { width: "100%", minWidth: 0 },
  picked: { fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

/** How far a Decompose sheet is read: its blocks start in A1 and fit in 14 columns and 400 rows. */
const DECOMPOSE_READ = "A1:N400";

const isLog = (value: unknown) =>
  Array.isArray(value) && value.every((e) => typeof e === "object" && e !== null && typeof (e as LogEntry).date === "number" && typeof (e as LogEntry).reason === "string");

/**
 * Progress and adjustment (进度跟踪与动态调整): the plan (a Decompose sheet or a target range), the actuals
 * (typed, or summed from an order export), the review sheet (review-plan.ts), then a new plan version
 * re-splitting the remaining gap (adjust-plan.ts), beside the review sheet and never over it.
 */
export function ProgressPage({ gateway, language, onNavigate }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const p = PROGRESS_STRINGS[language];
  const [draft, dispatch] = usePersistentReducer("progress", draftReducer, initialProgress, reviveFormDraft(initialProgress()));
  const { step, reached, setStep } = useWizardStep("progress.step", 4);
  const [log, setLog] = usePersistentState<LogEntry[]>("progress.log", () => [], reviveIf(isLog));
  // What was read for the picked ranges (read again at each Next, as they may have changed).
  const [planData, setPlanData] = useState<RangeData | undefined>(undefined);
  const [ordersData, setOrdersData] = useState<RangeData | undefined>(undefined);
  const [readError, setReadError] = useState<{ field: string; message: string } | undefined>(undefined);
  const reviewWriter = useWorkbookWriter(gateway, { output: "progress", draft });
  const written = useOutput("progress");
  // "From a file": the monthly sheet per salesperson the Import page wrote, read as an order export.
  const store = useDraftStore();
  const importedMonths = useOutput(PERIODS_OUTPUT);
  const im = IMPORT_STRINGS[language];
  // Every version is a new sheet: no output to update in place.
  const versionWriter = useWorkbookWriter(gateway);
  const pending = useRef<{ entries: LogEntry[]; version: number } | undefined>(undefined);

  const fields = draft.fields;
  const form = useMemo(() => toProgressDraft(draft, planData, ordersData), [draft, planData, ordersData]);
  const { containerRef: ref0, ...v0 } = useFormValidation(validatePlan(form), t);
  const { containerRef: ref1, ...v1 } = useFormValidation(validateActuals(form), t);
  const { containerRef: ref2, ...v2 } = useFormValidation(validateReview(form), t);
  const typedUnit = fieldValue(fields.unit ?? "", "amount");
  const unitValue = typedUnit > 0 ? typedUnit : 1;
  const plan = useMemo(() => planRead(form, unitValue), [form, unitValue]);
  const names = plan?.ok ? plan.source.names : [];
  const { containerRef: ref3, ...v3 } = useFormValidation(validateAdjust(form, names), t);
  const current = [v0, v1, v2, v3][step]!;
  const message = (path: string) => (readError?.field === path ? readError.message : errorMessage(current.errors[path], current.params[path], p, language));
  const setField = (field: string, value: string) => dispatch({ type: "setField", field, value });

  // After the review sheet is written, the adjust step names it and opens.
  const reviewStatus = reviewWriter.status;
  useEffect(() => {
    if (reviewStatus.kind !== "done" || step !== 2) return;
    dispatch({ type: "setField", field: "reviewSheet", value: reviewStatus.target });
    setStep(3);
  }, [reviewStatus, step, dispatch, setStep]);

  // After a version is written, its log entry is kept for the next one and the version number moves on.
  const versionStatus = versionWriter.status;
  useEffect(() => {
    if (versionStatus.kind !== "done" || pending.current === undefined) return;
    const { entries, version } = pending.current;
    pending.current = undefined;
    setLog(entries);
    dispatch({ type: "setField", field: "version", value: String(version + 1) });
  }, [versionStatus, setLog, dispatch]);

  // A draft kept from an earlier visit names its ranges: read them again, so the form knows the people.
  const planAddress = fields.planAddress ?? "";
  const ordersAddress = fields.actuals === "orders" ? (fields.ordersAddress ?? "") : "";
  useEffect(() => {
    let live = true;
    if (planAddress !== "" && planData === undefined && gateway.available) {
      gateway.readRange(planAddress).then((data) => live && setPlanData(data), () => undefined);
    }
    if (ordersAddress !== "" && ordersData === undefined && gateway.available) {
      gateway.readRange(ordersAddress).then((data) => live && setOrdersData(data), () => undefined);
    }
    return () => {
      live = false;
    };
  }, [gateway, planAddress, ordersAddress, planData, ordersData]);

  async function read(address: string, field: string): Promise<RangeData | undefined> {
    try {
      const data = await gateway.readRange(address);
      setReadError(undefined);
      return data;
    } catch (error) {
      setReadError({ field, message: gatewayErrorMessage(error, t, "READ_FAILED") });
      return undefined;
    }
  }

  /** The plan's range: the selection itself, or the whole Decompose sheet the selection is on. */
  async function pickPlan() {
    setReadError(undefined);
    try {
      const selection = await gateway.readSelection();
      const sheet = parseRange(selection.address)?.sheet;
      if (fields.source === "decompose" && sheet !== undefined) {
        const address = `'${sheet.replace(/'/g, "''")}'!${DECOMPOSE_READ}`;
        setField("planAddress", address);
        setPlanData(await gateway.readRange(address));
      } else {
        setField("planAddress", selection.address);
        setPlanData(selection);
      }
    } catch (error) {
      setReadError({ field: "planAddress", message: gatewayErrorMessage(error, t, "READ_FAILED") });
    }
  }

  async function pickOrders() {
    setReadError(undefined);
    try {
      const selection = await gateway.readSelection();
      setField("ordersAddress", selection.address);
      setOrdersData(selection);
    } catch (error) {
      setReadError({ field: "ordersAddress", message: gatewayErrorMessage(error, t, "READ_FAILED") });
    }
  }

  async function readImportedMonths() {
    if (importedMonths === undefined) return;
    setReadError(undefined);
    try {
      const address = await importedTable(gateway, importedMonths.sheet);
      if (address === undefined) {
        setReadError({ field: "ordersAddress", message: im.fromFileGone(importedMonths.sheet) });
        return;
      }
      setField("ordersAddress", address);
      setOrdersData(await gateway.readRange(address));
    } catch (error) {
      setReadError({ field: "ordersAddress", message: gatewayErrorMessage(error, t, "READ_FAILED") });
    }
  }

  /** Reads the picked ranges again (they may have changed) and gives the form as it is now. */
  async function refreshed(): Promise<ProgressDraft | undefined> {
    let plan = planData;
    let orders = ordersData;
    if (fields.planAddress) {
      plan = await read(fields.planAddress, "planAddress");
      if (plan === undefined) return undefined;
      setPlanData(plan);
    }
    if (step >= 1 && fields.actuals === "orders" && fields.ordersAddress) {
      orders = await read(fields.ordersAddress, "ordersAddress");
      if (orders === undefined) return undefined;
      setOrdersData(orders);
    }
    return toProgressDraft(draft, plan, orders);
  }

  async function writeReview(latest: ProgressDraft) {
    const all = [validatePlan(latest), validateActuals(latest), validateReview(latest)] as const;
    const firstBad = all.findIndex((r) => !r.ok);
    if (firstBad >= 0 && firstBad < 2) return setStep(firstBad);
    const [planStep, actualsStep] = all;
    v2.submit((review) => {
      if (!planStep.ok || !actualsStep.ok) return;
      const { plan: source, year, unit } = planStep.data;
      const orders = actualsStep.data.orders;
      const where = latest.ordersAddress;
      const actuals: Actuals =
        orders === undefined
          ? { kind: "typed" }
          : orders.live
            ? { kind: "orders", where, sheet: orders.sheet, firstRow: orders.firstRow, lastRow: orders.lastRow, columns: orders.columns }
            : { kind: "summed", where, when: isoFromSerial(Math.floor(Date.now() / 86_400_000) + 25_569), sums: monthlySums(orders, source.names, year) };
      void reviewWriter.createSheet(reviewPlan({ plan: source, year, unit, monthsDone: actualsStep.data.monthsDone, basis: review.basis, green: review.green, amber: review.amber, display: review.display, actuals }, language));
    }, all[2]);
  }

  /** Reads the review sheet (its people and B3, the months done), then writes the new version beside it. */
  async function writeVersion(latest: ProgressDraft) {
    const planStep = validatePlan(latest);
    if (!planStep.ok) return setStep(0);
    const people = planStep.data.plan.names;
    const check = validateAdjust(latest, people);
    v3.submit((adjust) => {
      void (async () => {
        const L = reviewLayout(people.length);
        const sheet = await read(`'${adjust.reviewSheet.replace(/'/g, "''")}'!A1:B${L.planTotal - 1}`, "reviewSheet");
        if (sheet === undefined) return;
        const monthsDone = sheet.values[2]?.[1];
        const onSheet = sheet.values.slice(L.planFirst - 1).map((row) => String(row[0] ?? "").trim());
        if (onSheet.join("\n") !== people.join("\n")) return setReadError({ field: "reviewSheet", message: p.errReviewChanged(adjust.reviewSheet) });
        if (typeof monthsDone !== "number" || !Number.isInteger(monthsDone) || monthsDone < 1 || monthsDone >= MONTHS) {
          return setReadError({ field: "reviewSheet", message: p.errMonthsDone.replace("12", "11") });
        }
        const method = methodLabel(adjust.method, language);
        const moves = adjust.leavers.map((l) => p.leaverText(people[l.person]!, l.takers.map((k) => people[k]).join("、")));
        const entry: LogEntry = { date: adjust.date, reason: adjust.reason, who: adjust.who, change: p.changeText(adjust.version, method, monthsDone, moves.join("；")) };
        const entries = [...log, entry];
        pending.current = { entries, version: adjust.version };
        await versionWriter.createSheet(
          adjustPlan(
            { review: adjust.reviewSheet, names: people, version: adjust.version, monthsDone, method: adjust.method, leavers: adjust.leavers, log: entries, display: fields.display === "wan" ? "wan" : "yuan" },
            language,
          ),
        );
      })();
    }, check);
  }

  async function next() {
    const latest = await refreshed();
    if (latest === undefined) return;
    if (step === 0) v0.submit(() => setStep(1), validatePlan(latest));
    else if (step === 1) v1.submit(() => setStep(2), validateActuals(latest));
    else if (step === 2) await writeReview(latest);
    else await writeVersion(latest);
  }

  const textField = (field: string, label: string, options: { hint?: string; numeric?: boolean } = {}) => (
    <Field label={label} size={CONTROL_SIZE} hint={options.hint} validationState={message(field) ? "error" : "none"} validationMessage={message(field)}>
      <Input className={styles.fill} inputMode={options.numeric ? "decimal" : undefined} value={fields[field] ?? ""} onChange={(_, data) => setField(field, data.value)} />
    </Field>
  );
  const select = (field: string, label: string, options: readonly [string, string][]) => (
    <Field label={label} size={CONTROL_SIZE}>
      <Select className={styles.fill} value={fields[field]} onChange={(_, data) => setField(field, data.value)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
  const picked = (field: string, label: string, shown: ReactNode, button: string, onPick: () => void) => (
    <div className={styles.section}>
      <Field label={label} size={CONTROL_SIZE} validationState={message(field) ? "error" : "none"} validationMessage={message(field)}>
        <output className={styles.picked} tabIndex={message(field) ? -1 : undefined} aria-invalid={message(field) ? true : undefined}>
          {shown}
        </output>
      </Field>
      <Button type="button" size={CONTROL_SIZE} onClick={onPick}>
        {button}
      </Button>
    </div>
  );

  const orders = form.ordersData === undefined ? undefined : readOrders(form.ordersData);
  const steps: ReactNode[] = [
    <div key="plan" ref={ref0} className={styles.section}>
      <RadioGroup aria-label={p.fieldSource} value={fields.source} onChange={(_, data) => setField("source", data.value)}>
        <Radio value="range" label={p.sourceRange} />
        <Radio value="decompose" label={p.sourceDecompose} />
      </RadioGroup>
      <Text size={200} className={styles.hint}>
        {fields.source === "decompose" ? p.decomposeHint : p.rangeHint}
      </Text>
      {picked("planAddress", p.fieldPlan, plan?.ok ? p.planSummary(plan.source.names.length, plan.source.where) : fields.planAddress || p.notPickedYet, p.usePlanSelection, () => void pickPlan())}
      <div className={styles.pair}>
        {textField("year", p.fieldYear, { numeric: true })}
        {fields.source === "range" && textField("unit", p.fieldUnit, { numeric: true })}
      </div>
    </div>,
    <div key="actuals" ref={ref1} className={styles.section}>
      <RadioGroup aria-label={p.fieldActuals} value={fields.actuals} onChange={(_, data) => setField("actuals", data.value)}>
        <Radio value="typed" label={p.actualsTyped} />
        <Radio value="orders" label={p.actualsOrders} />
      </RadioGroup>
      {fields.actuals === "orders" && (
        <>
          <Text size={200} className={styles.hint}>
            {p.ordersHint}
          </Text>
          {picked(
            "ordersAddress",
            p.fieldOrders,
            orders?.ok ? p.ordersSummary(orders.orders.orders, orders.orders.headers.person, orders.orders.headers.date, orders.orders.headers.amount) : fields.ordersAddress || p.notPickedYet,
            p.useOrdersSelection,
            () => void pickOrders(),
          )}
          {orders?.ok && (
            <Text size={200} className={styles.hint}>
              {orders.orders.live ? p.ordersLive : p.ordersText}
            </Text>
          )}
          <Text size={200} className={styles.hint}>
            {importedMonths === undefined ? im.fromFileNone : im.fromFileMonths(importedMonths.sheet)}
          </Text>
          <div className={styles.buttons}>
            {importedMonths !== undefined && (
              <Button type="button" size={CONTROL_SIZE} onClick={() => void readImportedMonths()}>
                {im.fromFileUse}
              </Button>
            )}
            <Button type="button" size={CONTROL_SIZE} onClick={() => openImport(store, "progress", onNavigate)}>
              {im.fromFileOpen}
            </Button>
          </div>
        </>
      )}
      {textField("monthsDone", p.fieldMonthsDone, { numeric: true })}
    </div>,
    <div key="review" ref={ref2} className={styles.section}>
      {select("basis", p.fieldBasis, [
        ["plan", p.basisPlan],
        ["days", p.basisDays],
      ])}
      <div className={styles.pair}>
        {textField("green", p.fieldGreen, { numeric: true })}
        {textField("amber", p.fieldAmber, { numeric: true })}
      </div>
      {select("display", p.fieldDisplay, [
        ["yuan", p.displayYuan],
        ["wan", p.displayWan],
      ])}
    </div>,
    <div key="adjust" ref={ref3} className={styles.section}>
      {textField("reviewSheet", p.fieldReviewSheet, { hint: p.reviewSheetHint })}
      {select("method", p.fieldMethod, [
        ["remaining", p.methodRemaining],
        ["recent", p.methodRecent],
        ["even", p.methodEven],
      ])}
      <RowsEditor
        legend={p.listLeavers}
        rows={draft.lists.leavers ?? []}
        columns={[
          { field: "leaver", label: p.colLeaver, kind: "select", options: [{ value: "", label: "—" }, ...names.map((name) => ({ value: name, label: name }))] },
          { field: "takers", label: p.colTakers, hint: p.takersHint },
        ]}
        rowLabel={(n) => p.rowLabel(p.colLeaver, n)}
        error={(index, field) => message(`leavers.${index}.${field}`)}
        onChange={(id, field, value) => dispatch({ type: "setCell", list: "leavers", id, field, value })}
        onAdd={() => dispatch({ type: "addRow", list: "leavers", row: BLANK_LEAVER })}
        onRemove={(id) => dispatch({ type: "removeRow", list: "leavers", id })}
        blank={BLANK_LEAVER}
        maxRows={Math.min(MAX_LEAVERS, MAX_PEOPLE)}
        t={t}
        language={language}
        footer={message("leavers") ? <Field validationState="error" validationMessage={message("leavers")} /> : undefined}
      />
      <div className={styles.pair}>
        {textField("version", p.fieldVersion, { numeric: true })}
        {textField("date", p.fieldDate)}
      </div>
      <div className={styles.pair}>
        {textField("reason", p.fieldReason)}
        {textField("who", p.fieldWho)}
      </div>
    </div>,
  ];

  const busy = reviewWriter.status.kind === "working" || versionWriter.status.kind === "working";
  return (
    <div className={styles.page}>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <Text>{p.intro}</Text>
      <WizardSteps
        steps={p.steps}
        current={step}
        reached={reached}
        done={[validatePlan(form).ok, validateActuals(form).ok, validateReview(form).ok && written !== undefined, false].map((ok, i) => ok && i <= reached)}
        onStep={setStep}
        t={t}
        onBack={() => setStep(Math.max(0, step - 1))}
        onNext={() => void next()}
        finishLabel={p.writeVersion}
        nextLabel={step === 2 ? p.writeReview : undefined}
        busy={busy || (step >= 2 && !gateway.available)}
        result={step === 3 && versionWriter.status.kind !== "idle" ? <WriteResult writer={versionWriter} t={t} /> : step >= 2 ? <WriteResult writer={reviewWriter} t={t} /> : undefined}
      >
        {steps[step]}
      </WizardSteps>
    </div>
  );
}
