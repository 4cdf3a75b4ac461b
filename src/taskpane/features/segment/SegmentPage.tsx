import { Button, Checkbox, makeStyles, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { isoFromSerial } from "../../../core/shared/excel-date";
import { isCoreError, type CoreError } from "../../../core/shared/errors";
import { columnLetters, parseRange } from "../../../excel/address";
import type { DataSource, RangeData, WriteProgress } from "../../../excel/gateway";
import { ERROR_MESSAGES, wherePhrase } from "../../../i18n/errors";
import type { Language } from "../../../i18n/language";
import { SEGMENT_STRINGS, type SegmentStrings } from "../../../i18n/segment";
import { UI_STRINGS } from "../../../i18n/ui";
import { CONTROL_SIZE } from "../../components/control-size";
import { DraftInput, DraftSelect } from "../../components/DraftControls";
import { gatewayErrorMessage } from "../../components/gateway-messages";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { useFormValidation } from "../../components/useFormValidation";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WizardSteps } from "../../components/WizardSteps";
import { WriteResult } from "../../components/WriteResult";
import { reviveStrings } from "../../drafts/revive";
import { useDraftStore, useOutput, usePersistentState, useWizardStep } from "../../drafts/use-drafts";
import { IMPORT_STRINGS } from "../../../i18n/import";
import { CUSTOMERS_OUTPUT, importedTable, openImport } from "../import/from-file";
import type { PageProps } from "../../page-props";
import { campaignPlan } from "./campaign-plan";
import { detectAs, detectColumns, rolesOf, type ColumnNote, type DataKind, type Detection, type Role } from "./columns";
import { columnField, columnsOf, EMPTY_DRAFT, METHODS, SCHEMES, segmentMessage, validateData, validateSettings, type SegmentDraft, type SegmentErrorCode, type SettingsData } from "./segment-draft";
import { countBySegment, schemeSegments, segmentCustomers, type Segmentation } from "./segment-model";
import { segmentPlan, type SegmentLayout, type SegmentPlanInput } from "./segment-plan";
import { readSource, type CellProblem, type SourceReading } from "./source-data";

const useStyles = makeStyles({
  intro: { display: "block", marginBottom: tokens.spacingVerticalS },
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  counts: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalM, margin: 0 },
  count: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/**
 * Above this many order rows the page recommends "values only". Measured in the workbench (HyperFormula, the
 * slowest engine the pane writes to; README, "Segment customers"): the formulas sheet of rfm_data_orders'
 * 4,906 orders writes and calculates in about 1 s, and the time grows with the customers' rows of INDEX
 * formulas; at 50,000 orders it is already tens of seconds there, where the values sheet takes a few.
 * Excel itself calculates the same sheet far faster (one spill per function), so this is advice, not a limit.
 */
export const VALUES_ADVISED_ABOVE = 50_000;

/** The ranges read in this session, by address: a page switch does not read a million rows again. */
const READ_CACHE = new Map<string, RangeData>();

const ROLE_WORDS: Readonly<Record<Role, { role: keyof SegmentStrings; examples: keyof SegmentStrings }>> = {
  customer: { role: "roleCustomer", examples: "examplesCustomer" },
  date: { role: "roleDate", examples: "examplesDate" },
  amount: { role: "roleAmount", examples: "examplesAmount" },
  recency: { role: "roleRecency", examples: "examplesRecency" },
  frequency: { role: "roleFrequency", examples: "examplesFrequency" },
  monetary: { role: "roleMonetary", examples: "examplesMonetary" },
};

/** A core error in words, as the sheet's cell would say it (dates as yyyy-mm-dd). */
function coreErrorMessage(error: CoreError, language: Language): string {
  const details = error.details as unknown as Record<string, unknown>;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "number") params[key] = /date/i.test(key) ? isoFromSerial(value) : String(value);
    else if (typeof value === "string" || typeof value === "boolean") params[key] = String(value);
  }
  const index = typeof details.index === "number" ? details.index + 1 : undefined;
  params.where = wherePhrase(language, { arg: typeof details.arg === "string" ? details.arg : "", row: (details.row as number | undefined) ?? index, column: details.column as number | undefined });
  return ERROR_MESSAGES[language][error.code](params);
}

/** The detection as draft fields. */
function detectionFields(detection: Detection): Partial<SegmentDraft> {
  const fields: Record<string, string> = { kind: detection.kind, hasHeader: String(detection.hasHeader) };
  for (const role of ["customer", "date", "amount", "recency", "frequency", "monetary"] as const) {
    const column = detection.columns[role];
    fields[columnField(role)] = column === undefined ? "" : String(column);
  }
  return fields;
}

/** Whether every readable date of the data is a date cell (a number), so that MAX of the column finds the latest order. */
function datesAreNumbers(data: RangeData, column: number | undefined, hasHeader: boolean): boolean {
  if (column === undefined) return false;
  for (let r = hasHeader ? 1 : 0; r < data.values.length; r++) {
    const value = data.values[r]?.[column];
    if (value !== null && value !== undefined && value !== "" && typeof value !== "number") return false;
  }
  return true;
}

/**
 * Segment customers (客户分层): Data (the selection, a table or a named range; columns recognised from their
 * headers or contents, each overridable; rows, customers and unreadable cells counted) → Settings (analysis
 * date, window, scoring, scheme, labels, chart, CLV) → Write (the segments sheet of live SALES formulas, or of
 * values for a large export, written in blocks with progress and a Cancel that leaves the workbook as it was),
 * then a campaign list of the segments ticked.
 */
export function SegmentPage({ gateway, language, onNavigate }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const s = SEGMENT_STRINGS[language];
  const [draft, setDraft] = usePersistentState<SegmentDraft>("segment", () => ({ ...EMPTY_DRAFT, labels: language }), reviveStrings(EMPTY_DRAFT));
  const { step, reached, setStep } = useWizardStep("segment.step", 3);
  const writer = useWorkbookWriter(gateway, { output: "segment", draft });
  const campaignWriter = useWorkbookWriter(gateway, { output: "segment.campaign", draft });
  const written = useOutput("segment");
  // "From a file": the customer sheet the Import page wrote (an R/F/M table), read as any range.
  const store = useDraftStore();
  const imported = useOutput(CUSTOMERS_OUTPUT);
  const im = IMPORT_STRINGS[language];

  const [data, setData] = useState<RangeData | undefined>(() => (draft.address === "" ? undefined : READ_CACHE.get(draft.address)));
  const [notes, setNotes] = useState<readonly ColumnNote[]>([]);
  const [readProblem, setReadProblem] = useState<string | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const [sources, setSources] = useState<readonly DataSource[] | undefined>(undefined);
  const [progress, setProgress] = useState<WriteProgress | undefined>(undefined);
  // The values-only write under way, which Cancel aborts.
  const [controller, setController] = useState<AbortController | undefined>(undefined);
  const [layout, setLayout] = useState<{ layout: SegmentLayout; values?: Segmentation } | undefined>(undefined);

  const set = (field: keyof SegmentDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const kind: DataKind = draft.kind === "rfm" ? "rfm" : "orders";
  const hasHeader = draft.hasHeader === "true";
  const columns = columnsOf(draft);
  const formatDate = (serial: number) => isoFromSerial(serial);

  // The reading of the chosen columns (recomputed when a column, the kind or the header row changes).
  const source: SourceReading | undefined = useMemo(() => {
    if (data === undefined) return undefined;
    const roles = rolesOf(kind);
    const chosen = roles.map((role) => columns[role]);
    if (chosen.some((c) => c === undefined) || new Set(chosen).size !== chosen.length) return undefined;
    return readSource(data.values, data.address, kind, columns, hasHeader);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- columns is derived from these draft fields
  }, [data, kind, hasHeader, draft.col_customer, draft.col_date, draft.col_amount, draft.col_recency, draft.col_frequency, draft.col_monetary]);
  const latest = source?.data.kind === "orders" ? source.data.latest : undefined;

  const dataCheck = useMemo(() => validateData(draft, source, data !== undefined), [draft, source, data]);
  const settingsCheck = useMemo(() => validateSettings(draft, latest), [draft, latest]);
  const v0 = useFormValidation(dataCheck, t);
  const v1 = useFormValidation(settingsCheck, t);
  const v2 = useFormValidation<null, SegmentErrorCode>({ ok: true, data: null }, t);
  const current = [v0, v1, v2][step] ?? v0;
  const message = (field: string) => {
    const code = current.errors[field];
    return code === undefined ? undefined : segmentMessage(code, current.params[field], s, formatDate);
  };

  /** The segmentation as the sheet will compute it, for the preview and the values-only sheet (write step only). */
  const segmentation = useMemo((): { ok: true; value: Segmentation } | { ok: false; problem: string } | undefined => {
    if (step !== 2 || source === undefined || !settingsCheck.ok) return undefined;
    const settings = settingsCheck.data;
    try {
      const method =
        settings.method.method === "custom"
          ? { method: "custom" as const, cuts: { recency: settings.method.cuts[0], frequency: settings.method.cuts[1], monetary: settings.method.cuts[2] } }
          : settings.method.method === "seed"
            ? { method: "seed" as const }
            : { method: settings.method.method, bins: settings.method.bands };
      const value = segmentCustomers(source.data, { analysisDate: settings.analysisDate, windowDays: settings.windowDays, method, scheme: { name: settings.scheme }, labels: settings.labels, clv: settings.clv });
      return { ok: true, value };
    } catch (error) {
      if (isCoreError(error)) return { ok: false, problem: coreErrorMessage(error, language) };
      throw error;
    }
  }, [step, source, settingsCheck, language]);

  const applyRead = (read: RangeData) => {
    READ_CACHE.set(read.address, read);
    setData(read);
    const detection = detectColumns(read.values);
    setNotes(detection.notes);
    setDraft((d) => ({ ...d, address: read.address, ...detectionFields(detection) }) as SegmentDraft);
    setReadProblem(undefined);
  };
  const read = async (address?: string) => {
    setReading(true);
    try {
      applyRead(address === undefined ? await gateway.readSelection() : await gateway.readRange(address));
    } catch (error) {
      setReadProblem(gatewayErrorMessage(error, t, "READ_FAILED"));
    } finally {
      setReading(false);
    }
  };
  const listSources = async () => {
    try {
      const list = await gateway.listDataSources();
      setSources(list);
      if (list.length > 0 && !list.some((item) => item.address === draft.named)) set("named")(list[0]!.address);
    } catch (error) {
      setReadProblem(gatewayErrorMessage(error, t, "READ_FAILED"));
    }
  };

  const readImported = async () => {
    if (imported === undefined) return;
    try {
      const address = await importedTable(gateway, imported.sheet);
      if (address === undefined) setReadProblem(im.fromFileGone(imported.sheet));
      else await read(address);
    } catch (error) {
      setReadProblem(gatewayErrorMessage(error, t, "READ_FAILED"));
    }
  };

  /** The kind or the header row changed by hand: the columns are recognised again for it. */
  const redetect = (nextKind: DataKind, nextHeader: boolean) => {
    if (data === undefined) {
      setDraft((d) => ({ ...d, kind: nextKind, hasHeader: String(nextHeader) }));
      return;
    }
    const detection = detectAs(data.values, nextKind, nextHeader);
    setNotes(detection.notes);
    setDraft((d) => ({ ...d, ...detectionFields(detection) }) as SegmentDraft);
  };

  const planInput = (settings: SettingsData, reading: SourceReading, values: Segmentation | undefined): SegmentPlanInput => {
    const segments = schemeSegments({ name: settings.scheme }, settings.labels);
    const analysis: SegmentPlanInput["analysis"] =
      settings.analysisDate !== undefined
        ? { kind: "fixed", serial: settings.analysisDate, chosen: true }
        : data !== undefined && datesAreNumbers(data, columns.date, hasHeader)
          ? { kind: "latestFormula" }
          : { kind: "fixed", serial: Math.floor(latest ?? 0), chosen: false };
    return {
      kind: reading.kind,
      sourceAddress: data?.address ?? draft.address,
      ranges: reading.ranges,
      orders: reading.rows,
      customers: values?.customers.length ?? reading.customers,
      analysis,
      windowDays: settings.windowDays,
      method: settings.method,
      scheme: settings.scheme,
      segments,
      labels: settings.labels,
      clv: settings.clv,
      chart: settings.chart,
      ...(values === undefined ? {} : { values }),
    };
  };

  const valuesOnly = !gateway.dynamicArrays || draft.output === "values";

  const write = async () => {
    // Never a sheet that shows an error: an order after the analysis date, or CLV models that cannot be fitted.
    if (source === undefined || !settingsCheck.ok || segmentation === undefined || !segmentation.ok || segmentation.value.clvProblem !== undefined) return;
    const values = valuesOnly ? segmentation.value : undefined;
    const { plan, layout: written } = segmentPlan(planInput(settingsCheck.data, source, values), language);
    setLayout({ layout: written, ...(values === undefined ? {} : { values }) });
    const abort = new AbortController();
    setController(valuesOnly ? abort : undefined);
    setProgress(undefined);
    try {
      await writer.createSheet(plan, valuesOnly ? { signal: abort.signal, onProgress: setProgress } : {});
    } finally {
      setController(undefined);
      setProgress(undefined);
    }
  };

  const next = () => {
    if (step === 0) return v0.submit(() => setStep(1));
    if (step === 1) return v1.submit(() => setStep(2));
    if (!dataCheck.ok) return setStep(0);
    if (!settingsCheck.ok) return setStep(1);
    void write();
  };

  const ticked = draft.campaign === "" ? [] : draft.campaign.split("\n");
  const [campaignProblem, setCampaignProblem] = useState<string | undefined>(undefined);
  const writeCampaign = async () => {
    const sheet = written?.sheet;
    if (sheet === undefined || layout === undefined) return;
    const segments = layout.layout.segments.map((segment) => segment.label).filter((label) => ticked.includes(label));
    if (segments.length === 0) {
      setCampaignProblem(s.campaignNone);
      return;
    }
    setCampaignProblem(undefined);
    await campaignWriter.createSheet(campaignPlan({ sheet, layout: layout.layout, segments, ...(layout.values === undefined ? {} : { values: layout.values }) }, language));
  };

  const roleName = (role: Role) => s[ROLE_WORDS[role].role] as string;
  const letter = (column: number) => {
    const ref = data === undefined ? undefined : parseRange(data.address);
    return columnLetters((ref?.column ?? 0) + column);
  };
  const noteText = (note: ColumnNote) => {
    switch (note.code) {
      case "noHeader":
        return s.noteNoHeader;
      case "ambiguous":
        return s.noteAmbiguous(roleName(note.role), letter(note.chosen), note.others.map(letter).join(language === "zh" ? "、" : ", "));
      case "missing":
        return s.noteMissing(roleName(note.role), s[ROLE_WORDS[note.role].examples] as string);
    }
  };
  const problemText = (problem: CellProblem) => {
    switch (problem.reason) {
      case "blank":
        return s.unreadableBlank(problem.address);
      case "notDate":
        return s.unreadableDate(problem.address, problem.text);
      case "notNumber":
        return s.unreadableNumber(problem.address, problem.text);
      case "negative":
        return s.unreadableNegative(problem.address, problem.text);
    }
  };
  const width = data === undefined ? 0 : data.values.reduce((w, row) => Math.max(w, row.length), 0);
  const headerOf = (column: number) => {
    const cell = hasHeader ? data?.values[0]?.[column] : undefined;
    return cell === null || cell === undefined ? "" : String(cell);
  };

  const select = (field: keyof SegmentDraft, label: string, options: readonly (readonly [string, string])[], extra: { hint?: string; onChange?: (value: string) => void } = {}) => (
    <DraftSelect label={label} value={draft[field]} options={options} onChange={extra.onChange ?? set(field)} problem={message(field as string)} hint={extra.hint} />
  );
  const input = (field: keyof SegmentDraft, label: string, options: { hint?: string; type?: "date" | "number" } = {}) => (
    <DraftInput label={label} value={draft[field]} onChange={set(field)} problem={message(field as string)} hint={options.hint} type={options.type} />
  );

  const dataStep = (
    <>
      <RadioGroup
        aria-label={s.sourceLabel}
        value={draft.source}
        onChange={(_, d) => {
          set("source")(d.value);
          if (d.value === "named" && gateway.available) void listSources();
        }}
      >
        <Radio value="selection" label={s.sourceSelection} />
        <Radio value="named" label={s.sourceNamed} />
        <Radio value="file" label={im.fromFileSource} />
      </RadioGroup>
      {draft.source === "file" && <Text>{imported === undefined ? im.fromFileNone : im.fromFileCustomers(imported.sheet)}</Text>}
      {draft.source === "named" && (
        <>
          {sources !== undefined && sources.length === 0 ? (
            <Text>{s.sourceNone}</Text>
          ) : (
            select(
              "named",
              s.sourcePick,
              (sources ?? []).map((item) => [item.address, item.kind === "table" ? s.sourceTable(item.name) : s.sourceName(item.name)] as const),
            )
          )}
        </>
      )}
      <div className={styles.buttons}>
        {draft.source === "file" ? (
          <>
            {imported !== undefined && (
              <Button size={CONTROL_SIZE} appearance="primary" onClick={() => void readImported()} disabled={!gateway.available || reading}>
                {im.fromFileUse}
              </Button>
            )}
            <Button size={CONTROL_SIZE} onClick={() => openImport(store, "segment", onNavigate)}>
              {im.fromFileOpen}
            </Button>
          </>
        ) : draft.source === "selection" ? (
          <Button size={CONTROL_SIZE} appearance="primary" onClick={() => void read()} disabled={!gateway.available || reading}>
            {s.useSelection}
          </Button>
        ) : (
          <>
            <Button size={CONTROL_SIZE} appearance="primary" onClick={() => void read(draft.named)} disabled={!gateway.available || reading || draft.named === ""}>
              {s.readSource}
            </Button>
            <Button size={CONTROL_SIZE} onClick={() => void listSources()} disabled={!gateway.available}>
              {s.sourceRefresh}
            </Button>
          </>
        )}
      </div>
      {reading && <Text>{s.reading}</Text>}
      {readProblem !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{readProblem}</MessageBarBody>
        </MessageBar>
      )}
      {data === undefined && draft.address !== "" && (
        <div className={styles.buttons}>
          <Text>{s.readAgain(draft.address)}</Text>
          <Button size={CONTROL_SIZE} onClick={() => void read(draft.address)} disabled={!gateway.available || reading}>
            {s.readAgainButton}
          </Button>
        </div>
      )}
      {data === undefined && draft.address === "" && <Text>{s.noSource}</Text>}
      {data !== undefined && (
        <>
          <Text>{s.readFrom(data.address)}</Text>
          <Text>{kind === "rfm" ? s.detectedRfm : s.detectedOrders}</Text>
          {notes.length > 0 && (
            <ul className={styles.list} aria-label={s.stepData}>
              {notes.map((note, i) => (
                <li key={i}>{noteText(note)}</li>
              ))}
            </ul>
          )}
          {select(
            "kind",
            s.kindLabel,
            [
              ["orders", s.kindOrders],
              ["rfm", s.kindRfm],
            ],
            { onChange: (value) => redetect(value === "rfm" ? "rfm" : "orders", hasHeader) },
          )}
          <Checkbox checked={hasHeader} label={s.hasHeader} onChange={(_, d) => redetect(kind, d.checked === true)} />
          {rolesOf(kind).map((role) => (
            <div key={role}>
              {select(columnField(role), s.columnFor(roleName(role)), [
                ["", s.columnNone],
                ...Array.from({ length: width }, (_, c) => [String(c), s.columnOption(letter(c), headerOf(c))] as const),
              ])}
            </div>
          ))}
          {source !== undefined && (
            <>
              <Text>{source.kind === "rfm" ? s.countedRfm(source.rows) : s.counted(source.rows, source.customers)}</Text>
              {source.problemCount === 0 ? (
                <Text>{s.unreadableNone}</Text>
              ) : (
                <MessageBar intent="warning">
                  <MessageBarBody>
                    {s.unreadable(source.problemCount)}
                    <ul className={styles.list}>
                      {source.problems.map((problem) => (
                        <li key={problem.address}>{problemText(problem)}</li>
                      ))}
                      {source.problemCount > source.problems.length && <li>{s.unreadableMore(source.problemCount - source.problems.length)}</li>}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              )}
            </>
          )}
        </>
      )}
      {message("address") !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{message("address")}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  const settingsStep = (
    <>
      {kind === "orders" && (
        <>
          {select("analysis", s.analysisLabel, [
            ["latest", latest === undefined ? s.analysisLatestUnknown : s.analysisLatest(formatDate(Math.floor(latest)))],
            ["chosen", s.analysisChosen],
          ])}
          {draft.analysis === "chosen" && input("analysisDate", s.analysisDate, { type: "date" })}
          {select("window", s.windowLabel, [
            ["all", s.windowAll],
            ["year", s.windowYear],
            ["custom", s.windowCustom],
          ])}
          {draft.window === "custom" && input("windowDays", s.windowDays, { type: "number" })}
        </>
      )}
      {select(
        "method",
        s.methodLabel,
        METHODS.map((method) => [method, { seed: s.methodSeedOption, quantile: s.methodQuantileOption, custom: s.methodCustomOption, "rfm-r": s.methodRfmROption }[method]] as const),
      )}
      {(draft.method === "quantile" || draft.method === "rfm-r") && input("bands", s.bandsLabel, { type: "number" })}
      {draft.method === "custom" && (
        <>
          {input("cutsR", s.cutsRLabel, { hint: s.cutsHint })}
          {input("cutsF", s.cutsFLabel, { hint: s.cutsHint })}
          {input("cutsM", s.cutsMLabel, { hint: s.cutsHint })}
        </>
      )}
      {select(
        "scheme",
        s.schemeLabel,
        SCHEMES.map((scheme) => [scheme, { course: s.schemeCourseOption, cn8: s.schemeCn8Option, "rfm-r": s.schemeRfmROption }[scheme]] as const),
      )}
      {select("labels", s.labelsLabel, [
        ["zh", s.labelsZh],
        ["en", s.labelsEn],
      ])}
      {select("chart", s.chartLabel, [
        ["bar", s.chartBar],
        ["pie", s.chartPie],
      ])}
      {kind === "orders" ? <Checkbox checked={draft.clv === "true"} label={s.clvLabel} onChange={(_, d) => set("clv")(String(d.checked === true))} /> : <Text>{s.clvNotForRfm}</Text>}
    </>
  );

  const counts = segmentation?.ok === true ? countBySegment(segmentation.value) : [];
  const writeStep = (
    <>
      {gateway.dynamicArrays ? (
        <RadioGroup aria-label={s.outputLabel} value={draft.output} onChange={(_, d) => set("output")(d.value)}>
          <Radio value="formulas" label={s.outputFormulas} />
          <Radio value="values" label={s.outputValues} />
        </RadioGroup>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>{s.outputNoDynamicArrays}</MessageBarBody>
        </MessageBar>
      )}
      {source !== undefined && source.rows > VALUES_ADVISED_ABOVE && gateway.dynamicArrays && (
        <MessageBar intent="info">
          <MessageBarBody>{s.outputAdvice(source.rows.toLocaleString(language === "zh" ? "zh-CN" : "en-US"), VALUES_ADVISED_ABOVE.toLocaleString(language === "zh" ? "zh-CN" : "en-US"))}</MessageBarBody>
        </MessageBar>
      )}
      {segmentation?.ok === false && (
        <MessageBar intent="error">
          <MessageBarBody>{s.previewProblem(segmentation.problem)}</MessageBarBody>
        </MessageBar>
      )}
      {segmentation?.ok === true && (
        <>
          <h3 className={styles.heading}>{s.preview}</h3>
          <dl className={styles.counts} aria-label={s.preview}>
            {counts.map(({ segment, customers }) => (
              <div key={segment} style={{ display: "contents" }}>
                <dt>{segment}</dt>
                <dd className={styles.count}>{s.previewCustomers(customers)}</dd>
              </div>
            ))}
          </dl>
          {segmentation.value.clvProblem !== undefined && (
            <MessageBar intent="error">
              <MessageBarBody>{s.clvProblem(coreErrorMessage(segmentation.value.clvProblem, language))}</MessageBarBody>
            </MessageBar>
          )}
          <Text>{s.willWrite(s.sheetName, segmentation.value.customers.length)}</Text>
        </>
      )}
      {written !== undefined && layout !== undefined && (
        <section className={styles.section} aria-label={s.campaignTitle}>
          <h3 className={styles.heading}>{s.campaignTitle}</h3>
          <Text>{s.campaignIntro}</Text>
          {layout.values !== undefined && <Text>{s.campaignValues}</Text>}
          {layout.layout.segments.map(({ label }) => (
            <Checkbox
              key={label}
              label={label}
              checked={ticked.includes(label)}
              onChange={(_, d) => set("campaign")((d.checked === true ? [...ticked, label] : ticked.filter((x) => x !== label)).join("\n"))}
            />
          ))}
          {campaignProblem !== undefined && (
            <MessageBar intent="error">
              <MessageBarBody>{campaignProblem}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.buttons}>
            <Button size={CONTROL_SIZE} onClick={() => void writeCampaign()} disabled={!gateway.available || campaignWriter.status.kind === "working"}>
              {s.campaignButton}
            </Button>
          </div>
          <WriteResult writer={campaignWriter} t={t} />
        </section>
      )}
      {written !== undefined && layout === undefined && <Text>{s.campaignNeedsSheet}</Text>}
    </>
  );

  const steps = [s.stepData, s.stepSettings, s.stepWrite];
  const working = writer.status.kind === "working";
  return (
    <div>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <Text className={styles.intro}>{s.intro}</Text>
      <WizardSteps
        steps={steps}
        current={step}
        done={[dataCheck.ok && reached >= 0, settingsCheck.ok && reached >= 1, false]}
        reached={reached}
        onStep={setStep}
        t={t}
        onBack={() => setStep(Math.max(0, step - 1))}
        onNext={next}
        finishLabel={s.finish}
        busy={working}
        result={
          <>
            {working && progress !== undefined && (
              <div className={styles.progress}>
                <ProgressBar value={progress.total === 0 ? 0 : progress.done / progress.total} aria-label={s.progress(Math.round((100 * progress.done) / Math.max(1, progress.total)))} />
                <Text>{s.progress(Math.round((100 * progress.done) / Math.max(1, progress.total)))}</Text>
              </div>
            )}
            {working && controller !== undefined && (
              <Button size={CONTROL_SIZE} onClick={() => controller.abort()}>
                {s.cancel}
              </Button>
            )}
            <WriteResult writer={writer} t={t} />
          </>
        }
      >
        <div ref={step === 0 ? v0.containerRef : step === 1 ? v1.containerRef : v2.containerRef} className={styles.step}>
          {step === 0 && dataStep}
          {step === 1 && settingsStep}
          {step === 2 && writeStep}
        </div>
      </WizardSteps>
    </div>
  );
}
