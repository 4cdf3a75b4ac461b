import { Button, Checkbox, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState, type DragEvent } from "react";
import { DIMENSIONS, type ColumnType, type Delimiter, type FileSniff, type TextEncoding } from "../../../core/import/contract";
import { SniffError } from "../../../core/import/sniff";
import { isoFromSerial } from "../../../core/shared/excel-date";
import { IMPORT_STRINGS, type ImportStrings } from "../../../i18n/import";
import type { Language } from "../../../i18n/language";
import { UI_STRINGS } from "../../../i18n/ui";
import { CONTROL_SIZE } from "../../components/control-size";
import { DraftInput, DraftSelect } from "../../components/DraftControls";
import { gatewayErrorMessage } from "../../components/gateway-messages";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { useFormValidation } from "../../components/useFormValidation";
import { WizardSteps } from "../../components/WizardSteps";
import { reviveOneOf, reviveStrings } from "../../drafts/revive";
import { useDraftStore, usePersistentState, useWizardStep } from "../../drafts/use-drafts";
import type { PageProps } from "../../page-props";
import type { ColumnNote } from "../segment/columns";
import { EngineError, type OrderFileEngine, type SummaryProgress, type SummaryResult } from "./engine-contract";
import { CUSTOMERS_OUTPUT, IMPORT_RETURNS, PERIODS_OUTPUT, RETURN_KEY, type ImportReturn } from "./from-file";
import { detectImportColumns } from "./import-columns";
import {
  columnField,
  columnOf,
  EMPTY_DRAFT,
  FILE_EXTENSIONS,
  hasOrderFileName,
  identityOf,
  IMPORT_ROLES,
  isDelimiter,
  isEncoding,
  isRemembered,
  runKey,
  summaryRequest,
  validateColumns,
  validateFile,
  validateSummaries,
  type ImportDraft,
  type ImportErrorCode,
  type ImportRole,
} from "./import-draft";
import { loadImportEngine } from "./import-engine";
import { sniffFileAs, type SniffChoices } from "./sniff-choices";
import { dimensionName, formatCount, importPlans, MAX_TABLE_ROWS, overCapacity } from "./import-plan";

const useStyles = makeStyles({
  intro: { display: "block", marginBottom: tokens.spacingVerticalS },
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  drop: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, outlineOffset: "2px" },
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  hidden: { display: "none" },
  fileName: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  cards: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  cardHead: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline", overflowWrap: "anywhere" },
  type: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  role: { color: tokens.colorBrandForeground1, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  samples: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  feeds: { color: tokens.colorNeutralForeground3 },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalL },
  facts: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: "none" },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/** What this session holds that the draft cannot: the file chosen and what its start held. */
interface Chosen {
  readonly file: File;
  readonly sniff: FileSniff;
}

/** Kept across page switches (the page unmounts), lost on a reload: the draft then asks for the file again. */
const SESSION: { chosen?: Chosen; result?: HeldResult } = {};

/** A summary and the runKey of the choices it was computed with. */
interface HeldResult {
  readonly key: string;
  readonly result: SummaryResult;
}

function keepChosen(chosen: Chosen): void {
  SESSION.chosen = chosen;
}

function keepResult(result: HeldResult | undefined): void {
  SESSION.result = result;
}

/** Tests: what a reload of the pane forgets (the file and the summary). */
export function forgetImportSession(): void {
  SESSION.chosen = undefined;
  SESSION.result = undefined;
}

/** Sample values shown per column in the preview. */
const PREVIEW_SAMPLES = 20;

const ROLE_WORDS: Readonly<Record<ImportRole, keyof ImportStrings>> = {
  customer: "roleCustomer",
  date: "roleDate",
  amount: "roleAmount",
  person: "rolePerson",
  channel: "roleChannel",
  region: "roleRegion",
  product: "roleProduct",
};

const TYPE_WORDS: Readonly<Record<ColumnType, keyof ImportStrings>> = { date: "typeDate", number: "typeNumber", text: "typeText", empty: "typeEmpty" };

/** A file's size as people read it: 406 MB, 2.4 GB. */
export function formatBytes(bytes: number, language: Language): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(language === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** What an engine failure means for the user. */
export function engineMessage(error: unknown, s: ImportStrings): string {
  if (!(error instanceof EngineError)) return s.engineFailed(error instanceof Error ? error.message : String(error));
  switch (error.problem) {
    case "noWebAssembly":
      return s.engineNoWebAssembly;
    case "loadTimeout":
      return s.engineLoadTimeout;
    case "outOfMemory":
      return s.engineOutOfMemory(error.detail ?? "");
    case "unreadableFile":
      return s.engineUnreadable(error.detail ?? "");
    case "cancelled":
      return s.cancelled;
  }
}

/** Why the start of a file could not be read, in words. */
export function sniffMessage(error: unknown, s: ImportStrings): string {
  if (error instanceof SniffError) return { empty: s.sniffEmpty, utf16: s.sniffUtf16, binary: s.sniffBinary }[error.problem];
  if (error instanceof EngineError) return engineMessage(error, s);
  return s.unreadableStart(error instanceof Error ? error.message : String(error));
}

/** The draft fields of a detection (columns; the others none). */
function detectionFields(sniff: FileSniff): { fields: Partial<ImportDraft>; notes: readonly ColumnNote[] } {
  const detection = detectImportColumns(sniff);
  const fields: Record<string, string> = {};
  for (const role of IMPORT_ROLES) {
    const column = detection.columns[role];
    fields[columnField(role)] = column === undefined ? "" : String(column);
  }
  return { fields, notes: detection.notes };
}

type RunState =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly progress: SummaryProgress; readonly controller: AbortController }
  | { readonly kind: "failed"; readonly message: string };

type WriteState =
  | { readonly kind: "idle" }
  | { readonly kind: "writing"; readonly sheet: string; readonly fraction: number; readonly controller: AbortController }
  | { readonly kind: "done"; readonly sheets: readonly string[]; readonly key: string }
  | { readonly kind: "failed"; readonly message: string; readonly key: string };

/**
 * Import a large order file (大文件导入): File (chosen or dropped; encoding, separator and header row as
 * found, each overridable) → Columns (recognised as the Segment wizard does, with the dimensions; a preview of
 * the first rows with the types read) → Summaries (per customer, per month × a dimension) → Run (the engine
 * summarises the whole file in a worker, with progress and Cancel; rows read and rejected shown) and write
 * (new sheets in blocks, with progress and Cancel; a cancelled or failed write leaves the workbook as it was).
 */
export function ImportPage({ gateway, language, onNavigate }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const s = IMPORT_STRINGS[language];
  const store = useDraftStore();
  const [draft, setDraft] = usePersistentState<ImportDraft>("import", () => EMPTY_DRAFT, reviveStrings(EMPTY_DRAFT));
  const { step, reached, setStep } = useWizardStep("import.step", 4);
  // The page that sent the user here ("from a file"), offered once the sheets are written.
  const [returnTo, setReturnTo] = usePersistentState<ImportReturn | "">(RETURN_KEY, () => "", reviveOneOf<ImportReturn | "">(["", ...IMPORT_RETURNS]));
  const inputRef = useRef<HTMLInputElement>(null);

  // The file of this session, when it is the one the draft names.
  const [chosen, setChosen] = useState<Chosen | undefined>(() => SESSION.chosen);
  const current = chosen !== undefined && isRemembered(draft, identityOf(chosen.file)) ? chosen : undefined;
  const sniff = current?.sniff;
  const [notes, setNotes] = useState<readonly ColumnNote[]>([]);
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined);
  const [fileNotice, setFileNotice] = useState<string | undefined>(undefined);
  const [sniffing, setSniffing] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [run, setRun] = useState<RunState>({ kind: "idle" });
  const [writeState, setWrite] = useState<WriteState>({ kind: "idle" });
  const [result, setResult] = useState(SESSION.result);

  const set = (field: keyof ImportDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const key = runKey(draft);
  // A write's outcome belongs to the choices it was made with: a changed choice clears it.
  const write: WriteState = (writeState.kind === "done" || writeState.kind === "failed") && writeState.key !== key ? { kind: "idle" } : writeState;
  const fresh = result !== undefined && result.key === key && current !== undefined ? result.result : undefined;
  const width = sniff?.headers.length ?? 0;

  const fileCheck = useMemo(() => validateFile(draft, sniff), [draft, sniff]);
  const columnsCheck = useMemo(() => validateColumns(draft, width), [draft, width]);
  const summariesCheck = useMemo(() => validateSummaries(draft), [draft]);
  const v0 = useFormValidation(fileCheck, t);
  const v1 = useFormValidation(columnsCheck, t);
  const v2 = useFormValidation(summariesCheck, t);
  const v3 = useFormValidation<null, ImportErrorCode>({ ok: true, data: null }, t);
  const validation = [v0, v1, v2, v3][step] ?? v0;
  const message = (field: string) => {
    const code = validation.errors[field];
    return code === undefined ? undefined : s[code];
  };

  /** Reads the start of a file (with the user's choices, when given) and keeps it for the session. */
  const sniffInto = async (file: File, choices?: SniffChoices) => {
    setSniffing(true);
    setFileProblem(undefined);
    try {
      const found = choices === undefined ? await (await loadImportEngine()).sniffFile(file) : await sniffFileAs(file, choices);
      const next = { file, sniff: found };
      keepChosen(next);
      setChosen(next);
      return found;
    } catch (error) {
      setFileProblem(sniffMessage(error, s));
      return undefined;
    } finally {
      setSniffing(false);
    }
  };

  const choose = async (file: File | undefined) => {
    if (file === undefined) return;
    setFileNotice(undefined);
    if (!hasOrderFileName(file.name)) {
      setFileProblem(s.errNotOrders);
      return;
    }
    const identity = identityOf(file);
    const same = isRemembered(draft, identity);
    // The same file chosen again after a reload: read it as it was read, keep every other choice.
    const choices: SniffChoices | undefined =
      same && draft.format === "csv" && isEncoding(draft.encoding) && isDelimiter(draft.delimiter) ? { encoding: draft.encoding, delimiter: draft.delimiter, hasHeader: draft.hasHeader === "true" } : undefined;
    const found = await sniffInto(file, choices);
    if (found === undefined) return;
    keepResult(undefined);
    setResult(undefined);
    setWrite({ kind: "idle" });
    setRun({ kind: "idle" });
    const keepColumns = same && columnOf(draft, "customer") !== undefined;
    const detection = keepColumns ? undefined : detectionFields(found);
    if (detection !== undefined) setNotes(detection.notes);
    if (!same && draft.fileName !== "") setFileNotice(s.fileDifferent(draft.fileName));
    setDraft((d) => ({
      ...d,
      fileName: identity.name,
      fileSize: String(identity.size),
      fileModified: String(identity.lastModified),
      format: found.format,
      encoding: found.encoding,
      delimiter: found.delimiter,
      hasHeader: String(found.hasHeader),
      ...(detection?.fields ?? {}),
    }));
  };

  /** The encoding, separator or header row chosen by hand: the start is read again, the columns recognised again. */
  const override = async (change: Partial<{ encoding: TextEncoding; delimiter: Delimiter; hasHeader: boolean }>) => {
    if (current === undefined) return;
    const choices: SniffChoices = {
      encoding: change.encoding ?? (isEncoding(draft.encoding) ? draft.encoding : "utf-8"),
      delimiter: change.delimiter ?? (isDelimiter(draft.delimiter) ? draft.delimiter : ","),
      hasHeader: change.hasHeader ?? draft.hasHeader === "true",
    };
    const found = await sniffInto(current.file, choices);
    if (found === undefined) return;
    const detection = detectionFields(found);
    setNotes(detection.notes);
    setDraft((d) => ({ ...d, encoding: found.encoding, delimiter: found.delimiter, hasHeader: String(found.hasHeader), ...detection.fields }));
  };

  const summarise = async () => {
    if (current === undefined || !columnsCheck.ok || !summariesCheck.ok) return;
    const controller = new AbortController();
    setRun({ kind: "running", progress: { phase: "loading" }, controller });
    setWrite({ kind: "idle" });
    let engine: OrderFileEngine | undefined;
    try {
      const module = await loadImportEngine();
      engine = await module.createOrderFileEngine();
      if (controller.signal.aborted) throw new EngineError("cancelled");
      const summary = await engine.summarise(current.file, current.sniff, summaryRequest(columnsCheck.data, summariesCheck.data), {
        signal: controller.signal,
        onProgress: (progress) => setRun((state) => (state.kind === "running" && state.controller === controller ? { ...state, progress } : state)),
      });
      const held = { key, result: summary };
      keepResult(held);
      setResult(held);
      setRun({ kind: "idle" });
    } catch (error) {
      setRun({ kind: "failed", message: engineMessage(error, s) });
    } finally {
      // The worker's memory (up to a gigabyte on a big file) is freed at once; the next run starts a new one.
      engine?.dispose();
    }
  };

  const source = () => ({
    fileName: draft.fileName,
    ...(summariesCheck.ok && summariesCheck.data.windowDays !== undefined ? { windowDays: summariesCheck.data.windowDays } : {}),
    ...(summariesCheck.ok && summariesCheck.data.periodDays !== undefined ? { periodDays: summariesCheck.data.periodDays } : {}),
    ...(summariesCheck.ok && summariesCheck.data.periods?.dimension !== undefined ? { dimension: summariesCheck.data.periods.dimension } : {}),
  });

  const over = fresh === undefined ? undefined : overCapacity(fresh);
  const plansFor = (summary: SummaryResult) => importPlans(summary, source(), language, s);
  const plannedSheets = fresh === undefined || over !== undefined ? [] : [...(fresh.customers !== undefined && fresh.customers.ids.length > 0 ? [s.customerSheet] : []), ...(fresh.periods !== undefined && fresh.periods.periodStart.length > 0 ? [s.periodSheet] : [])];

  const writeSheets = async () => {
    if (fresh === undefined || over !== undefined) return;
    const plans = plansFor(fresh);
    if (plans.length === 0) return;
    const controller = new AbortController();
    const written: string[] = [];
    try {
      for (const plan of plans) {
        setWrite({ kind: "writing", sheet: plan.name, fraction: 0, controller });
        const name = await gateway.createSheet(plan, {
          signal: controller.signal,
          onProgress: (progress) => setWrite({ kind: "writing", sheet: plan.name, fraction: progress.total === 0 ? 1 : progress.done / progress.total, controller }),
        });
        written.push(name);
      }
      // The Segment and Progress pages offer these sheets as a source ("from a file").
      const customersWritten = fresh.customers !== undefined && fresh.customers.ids.length > 0;
      if (customersWritten && written[0] !== undefined) store.dispatch({ type: "written", output: CUSTOMERS_OUTPUT, sheet: written[0], at: Date.now() });
      const periods = fresh.periods !== undefined && fresh.periods.periodStart.length > 0 ? written[customersWritten ? 1 : 0] : undefined;
      if (periods !== undefined) store.dispatch({ type: "written", output: PERIODS_OUTPUT, sheet: periods, at: Date.now() });
      setWrite({ kind: "done", sheets: written, key });
    } catch (error) {
      // All or nothing over the sheets too: the ones this write already added go again.
      const left: string[] = [];
      for (const sheet of [...written].reverse()) {
        const removed = await gateway.deleteSheet(sheet).catch(() => "failed" as const);
        if (removed === "failed") left.push(sheet);
      }
      // The user's Cancel is what they see, even when the write it stopped failed in another way as it ended.
      const what = controller.signal.aborted ? t.errorCancelled : gatewayErrorMessage(error, t, "WRITE_FAILED");
      setWrite({ kind: "failed", message: left.length > 0 ? `${what} ${s.leftBehind(left.join(t.listSeparator))}` : what, key });
    }
  };

  const next = () => {
    if (step === 0) return v0.submit(() => setStep(1));
    if (step === 1) return v1.submit(() => setStep(2));
    if (step === 2) return v2.submit(() => setStep(3));
    if (!fileCheck.ok) return setStep(0);
    if (!columnsCheck.ok) return setStep(1);
    if (!summariesCheck.ok) return setStep(2);
    if (fresh === undefined) return void summarise();
    // Written once: a second click adds no copies (a changed choice asks for a new run first).
    if (write.kind === "done" || over !== undefined || plannedSheets.length === 0) return;
    void writeSheets();
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) {
      if (step !== 0) setStep(0);
      void choose(file);
    }
  };

  const select = (field: keyof ImportDraft, label: string, options: readonly (readonly [string, string])[], extra: { hint?: string; onChange?: (value: string) => void } = {}) => (
    <DraftSelect label={label} value={draft[field]} options={options} onChange={extra.onChange ?? set(field)} problem={message(field as string)} hint={extra.hint} />
  );
  const input = (field: keyof ImportDraft, label: string, options: { hint?: string; type?: "date" | "number" } = {}) => (
    <DraftInput label={label} value={draft[field]} onChange={set(field)} problem={message(field as string)} hint={options.hint} type={options.type} />
  );

  const size = formatBytes(Number(draft.fileSize) || 0, language);
  const fileProblemText = message("file");
  const fileStep = (
    <>
      <input
        ref={inputRef}
        className={styles.hidden}
        type="file"
        accept={FILE_EXTENSIONS.join(",")}
        aria-label={s.fileLabel}
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          void choose(file);
        }}
      />
      <Field size={CONTROL_SIZE} label={s.fileLabel} hint={s.dropHint} validationState={fileProblemText ? "error" : "none"} validationMessage={fileProblemText}>
        <div className={styles.buttons}>
          <Button size={CONTROL_SIZE} appearance={current === undefined ? "primary" : "secondary"} onClick={() => inputRef.current?.click()} disabled={sniffing}>
            {s.chooseFile}
          </Button>
        </div>
      </Field>
      {sniffing && <Text>{s.sniffing}</Text>}
      {fileProblem !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{fileProblem}</MessageBarBody>
        </MessageBar>
      )}
      {fileNotice !== undefined && (
        <MessageBar intent="info">
          <MessageBarBody>{fileNotice}</MessageBarBody>
        </MessageBar>
      )}
      {current === undefined && draft.fileName !== "" && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.fileAgain(draft.fileName, size)}</MessageBarBody>
        </MessageBar>
      )}
      {current === undefined && draft.fileName === "" && <Text>{s.noFile}</Text>}
      {current !== undefined && sniff !== undefined && (
        <>
          <Text className={styles.fileName}>{s.fileChosen(draft.fileName, size)}</Text>
          <Text>
            {s.foundAs(
              sniff.format === "parquet" ? s.formatParquet : s.formatCsv,
              sniff.format === "parquet"
                ? ""
                : [sniff.encoding === "gb18030" ? s.encodingGb : s.encodingUtf8, { ",": s.delimiterComma, "\t": s.delimiterTab, ";": s.delimiterSemicolon }[sniff.delimiter]].join(t.listSeparator),
            )}
          </Text>
          {sniff.format === "csv" && (
            <>
              {select(
                "encoding",
                s.encodingLabel,
                [
                  ["utf-8", s.encodingUtf8],
                  ["gb18030", s.encodingGb],
                ],
                { onChange: (value) => isEncoding(value) && void override({ encoding: value }) },
              )}
              {select(
                "delimiter",
                s.delimiterLabel,
                [
                  [",", s.delimiterComma],
                  ["\t", s.delimiterTab],
                  [";", s.delimiterSemicolon],
                ],
                { onChange: (value) => isDelimiter(value) && void override({ delimiter: value }) },
              )}
              <Checkbox checked={draft.hasHeader === "true"} label={s.hasHeader} onChange={(_, d) => void override({ hasHeader: d.checked === true })} />
            </>
          )}
        </>
      )}
    </>
  );

  const roleName = (role: ImportRole) => s[ROLE_WORDS[role]] as string;
  const columnLabel = (c: number) => s.columnOption(c + 1, sniff?.hasHeader === true ? (sniff.headers[c] ?? "") : "");
  const noteText = (note: ColumnNote) => {
    switch (note.code) {
      case "noHeader":
        return s.noteNoHeader;
      case "ambiguous":
        return s.noteAmbiguous(roleName(note.role as ImportRole), columnLabel(note.chosen), note.others.map(columnLabel).join(t.listSeparator));
      case "missing":
        return s.noteMissing(roleName(note.role as ImportRole));
    }
  };
  const rolesOfColumn = (c: number) => IMPORT_ROLES.filter((role) => columnOf(draft, role) === c).map((role) => roleName(role));

  const columnsStep = (
    <>
      {sniff === undefined ? (
        <Text>{draft.fileName === "" ? s.noFile : s.fileAgain(draft.fileName, size)}</Text>
      ) : (
        <>
          {notes.length > 0 && (
            <ul className={styles.list} aria-label={s.stepColumns}>
              {notes.map((note, i) => (
                <li key={i}>{noteText(note)}</li>
              ))}
            </ul>
          )}
          {IMPORT_ROLES.map((role) => (
            <div key={role}>
              {select(columnField(role), s.columnFor(roleName(role)), [
                ["", role === "customer" || role === "date" || role === "amount" ? s.columnNone : s.columnNoneOptional],
                ...Array.from({ length: width }, (_, c) => [String(c), columnLabel(c)] as const),
              ])}
            </div>
          ))}
          <h4 className={styles.heading}>{s.previewTitle}</h4>
          <Text size={200}>{s.previewRows(Math.min(PREVIEW_SAMPLES, sniff.preview.length))}</Text>
          <ul className={styles.cards} aria-label={s.previewTitle}>
            {sniff.headers.map((header, c) => {
              const roles = rolesOfColumn(c);
              const samples = sniff.preview.slice(0, PREVIEW_SAMPLES).map((row) => row[c] ?? "");
              return (
                <li key={c} className={styles.card}>
                  <div className={styles.cardHead}>
                    <Text weight="semibold">{s.columnOption(c + 1, header)}</Text>
                    <span className={styles.type}>{s[TYPE_WORDS[sniff.types[c] ?? "empty"]] as string}</span>
                    {roles.map((role) => (
                      <span key={role} className={styles.role}>
                        {s.usedAs(role)}
                      </span>
                    ))}
                  </div>
                  <Text className={styles.samples}>{samples.map((sample) => (sample === "" ? "—" : sample)).join(" · ")}</Text>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );

  const dimensionOptions = DIMENSIONS.map((dimension) => {
    const name = dimensionName(dimension, s);
    return [dimension, columnOf(draft, dimension) === undefined ? s.dimensionUnmapped(name) : name] as const;
  });
  const summariesStep = (
    <>
      <Field validationState={message("customers") ? "error" : "none"} validationMessage={message("customers")}>
        <Checkbox checked={draft.customers === "true"} label={s.customersLabel} onChange={(_, d) => set("customers")(String(d.checked === true))} />
      </Field>
      <Text size={200} className={styles.feeds}>
        {s.customersFeeds}
      </Text>
      {draft.customers === "true" && (
        <div className={styles.group}>
          {select("window", s.windowLabel, [
            ["all", s.windowAll],
            ["year", s.windowYear],
            ["custom", s.windowCustom],
          ])}
          {draft.window === "custom" && input("windowDays", s.windowDays, { type: "number" })}
          {input("periodDays", s.periodLabel, { type: "number", hint: s.periodHint })}
        </div>
      )}
      <Checkbox checked={draft.periods === "true"} label={s.periodsLabel} onChange={(_, d) => set("periods")(String(d.checked === true))} />
      <Text size={200} className={styles.feeds}>
        {s.periodsFeeds}
      </Text>
      {draft.periods === "true" && <div className={styles.group}>{select("dimension", s.dimensionLabel, [["", s.dimensionNone], ...dimensionOptions])}</div>}
      {select("analysis", s.analysisLabel, [
        ["latest", s.analysisLatest],
        ["chosen", s.analysisChosen],
      ])}
      {draft.analysis === "chosen" && input("analysisDate", s.analysisDate, { type: "date" })}
    </>
  );

  const count = (n: number) => formatCount(n, language);
  const fieldWord = (field: string) => ({ customer: s.rejectedCustomer, date: s.rejectedDate, amount: s.rejectedAmount, row: s.rejectedRow })[field] ?? field;
  const phaseWord = (progress: SummaryProgress) =>
    ({ loading: s.phaseLoading, reading: s.phaseReading, summarising: s.phaseSummarising, collecting: s.phaseCollecting })[progress.phase] +
    (progress.fraction === undefined ? "" : ` ${s.percent(Math.round(progress.fraction * 100))}`);

  const runStep = (
    <>
      {current === undefined ? (
        <Text>{draft.fileName === "" ? s.noFile : s.fileAgain(draft.fileName, size)}</Text>
      ) : (
        fresh === undefined && run.kind !== "running" && <Text>{result !== undefined ? s.rerun : s.runIntro(draft.fileName)}</Text>
      )}
      {run.kind === "failed" && (
        <MessageBar intent={run.message === s.cancelled ? "info" : "error"}>
          <MessageBarBody>{run.message}</MessageBarBody>
        </MessageBar>
      )}
      {fresh !== undefined && (
        <section aria-label={s.resultTitle} className={styles.step}>
          <h4 className={styles.heading}>{s.resultTitle}</h4>
          <ul className={styles.facts}>
            <li>{s.resultRows(count(fresh.rows))}</li>
            {fresh.customers !== undefined && <li>{s.resultCustomers(count(fresh.customers.ids.length))}</li>}
            {fresh.periods !== undefined && (
              <li>{summariesCheck.ok && summariesCheck.data.periods?.dimension !== undefined ? s.resultPeriods(count(fresh.periods.periodStart.length), dimensionName(summariesCheck.data.periods.dimension, s)) : s.resultPeriodRows(count(fresh.periods.periodStart.length))}</li>
            )}
            <li>{s.resultAnalysis(isoFromSerial(fresh.analysisDate))}</li>
            <li>{s.resultTime((fresh.elapsedMs / 1000).toLocaleString(language === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 1 }))}</li>
          </ul>
          {fresh.rejectedCount === 0 ? (
            <Text>{s.resultNoneRejected}</Text>
          ) : (
            <MessageBar intent="warning">
              <MessageBarBody>
                {s.resultRejected(count(fresh.rejectedCount))}
                <ul className={styles.list} aria-label={s.resultRejected(count(fresh.rejectedCount))}>
                  {fresh.rejected.map((row) => (
                    <li key={row.line}>{s.rejectedLine(count(row.line), fieldWord(row.field), row.text === "" ? s.rejectedEmpty : row.text)}</li>
                  ))}
                  {fresh.rejectedCount > fresh.rejected.length && <li>{s.resultMoreRejected(count(fresh.rejectedCount - fresh.rejected.length))}</li>}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {over !== undefined && (
            <MessageBar intent="error">
              <MessageBarBody>{s.tooManyRows(over.what === "customers" ? s.tooManyCustomers : s.tooManyPeriodRows, count(over.count), count(MAX_TABLE_ROWS))}</MessageBarBody>
            </MessageBar>
          )}
          {over === undefined && plannedSheets.length === 0 && (
            <MessageBar intent="error">
              <MessageBarBody>{s.resultEmpty}</MessageBarBody>
            </MessageBar>
          )}
          {over === undefined && plannedSheets.length > 0 && write.kind !== "done" && <Text>{s.writeIntro(plannedSheets.map(t.quoted).join(t.listSeparator))}</Text>}
        </section>
      )}
    </>
  );

  const running = run.kind === "running";
  const writing = write.kind === "writing";
  const steps = [s.stepFile, s.stepColumns, s.stepSummaries, s.stepRun];
  const finishLabel = fresh === undefined ? s.runButton : s.writeButton;
  return (
    <div
      className={dragging ? styles.drop : undefined}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <OutsideExcelNotice gateway={gateway} t={t} />
      <Text className={styles.intro}>{s.intro}</Text>
      <WizardSteps
        steps={steps}
        current={step}
        done={[fileCheck.ok && reached >= 0, columnsCheck.ok && reached >= 1, summariesCheck.ok && reached >= 2, false]}
        reached={reached}
        onStep={setStep}
        t={t}
        onBack={() => setStep(Math.max(0, step - 1))}
        onNext={next}
        finishLabel={finishLabel}
        busy={running || writing || sniffing}
        result={
          <>
            {running && (
              <div className={styles.progress}>
                <ProgressBar value={run.progress.fraction} aria-label={phaseWord(run.progress)} />
                <Text>{phaseWord(run.progress)}</Text>
                <div className={styles.buttons}>
                  <Button size={CONTROL_SIZE} onClick={() => run.controller.abort()}>
                    {s.cancel}
                  </Button>
                </div>
              </div>
            )}
            {writing && (
              <div className={styles.progress}>
                <ProgressBar value={write.fraction} aria-label={s.writing(write.sheet, Math.round(write.fraction * 100))} />
                <Text>{s.writing(write.sheet, Math.round(write.fraction * 100))}</Text>
                <div className={styles.buttons}>
                  <Button size={CONTROL_SIZE} onClick={() => write.controller.abort()}>
                    {s.cancel}
                  </Button>
                </div>
              </div>
            )}
            {write.kind === "failed" && (
              <MessageBar intent={write.message === t.errorCancelled ? "info" : "error"}>
                <MessageBarBody>{write.message}</MessageBarBody>
              </MessageBar>
            )}
            {write.kind === "done" && (
              <>
                <MessageBar intent="success">
                  <MessageBarBody>{s.written(write.sheets.map(t.quoted).join(t.listSeparator))}</MessageBarBody>
                </MessageBar>
                <div className={styles.buttons}>
                  {write.sheets.map((sheet) => (
                    <Button key={sheet} size={CONTROL_SIZE} onClick={() => void gateway.activateSheet(sheet)}>
                      {s.goTo(sheet)}
                    </Button>
                  ))}
                  {returnTo !== "" && onNavigate !== undefined && (
                    <Button
                      size={CONTROL_SIZE}
                      appearance="primary"
                      onClick={() => {
                        setReturnTo("");
                        onNavigate(returnTo);
                      }}
                    >
                      {s.backTo(returnTo === "segment" ? t.pageSegment : t.pageProgress)}
                    </Button>
                  )}
                </div>
              </>
            )}
          </>
        }
      >
        <div ref={[v0, v1, v2, v3][step]?.containerRef} className={styles.step}>
          {step === 0 && fileStep}
          {step === 1 && columnsStep}
          {step === 2 && summariesStep}
          {step === 3 && runStep}
        </div>
      </WizardSteps>
    </div>
  );
}
