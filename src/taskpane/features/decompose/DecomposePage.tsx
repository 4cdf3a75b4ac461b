import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useMemo, useState, type Dispatch } from "react";
import type { RangeData } from "../../../excel/gateway";
import { DECOMPOSE_STRINGS, type DecomposeStrings } from "../../../i18n/decompose";
import { UI_STRINGS } from "../../../i18n/ui";
import { draftReducer, type DraftAction, type FormDraft } from "../../components/form-draft";
import { RowsEditor, type RowColumn } from "../../components/RowsEditor";
import { useFormValidation } from "../../components/useFormValidation";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WriteResult } from "../../components/WriteResult";
import type { PageProps } from "../../page-props";
import { BLANK_ROW, gridRowsOf, initialDecompose, levelField, mixField, periodWeightField, salespeopleParent, toDecomposeDraft, type ListName, type PickedCell } from "./decompose-draft";
import { formatAmount } from "../../../i18n/format";
import { errorMessage, reservedProductNames } from "./decompose-messages";
import { decomposePlan, periodLabels } from "./decompose-plan";
import { fieldValue } from "../../components/form-fields";
import { GRID_ROWS, LEVELS, MAX_ROWS, totalProblem, validateDecompose, type GridRows, type Level } from "./decompose-schema";
import { gatewayErrorMessage } from "../../components/gateway-messages";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { ActionBar } from "../../components/ActionBar";
import { CONTROL_SIZE } from "../../components/control-size";
import { reviveFormDraft, reviveIf } from "../../drafts/revive";
import { usePersistentReducer, usePersistentState } from "../../drafts/use-drafts";
import { parseRange } from "../../../excel/address";
import { ActionForm } from "../../components/ActionForm";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  inline: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  // Short fields side by side (total and period, unit and display), each column as wide as the other.
  pair: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "end", "& > *": { minWidth: 0 } },
  // The three blend weights.
  triple: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, alignItems: "end", "& > *": { minWidth: 0 } },
  levels: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  // Typed weights: four periods a line (three months of a quarter and a label's room), the mix three.
  weights: { display: "grid", gridTemplateColumns: "repeat(4, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, "& > *": { minWidth: 0 } },
  mix: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, "& > *": { minWidth: 0 } },
  heading: { margin: 0 },
  fill: { width: "100%", minWidth: 0 },
  picked: { fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

/** A picked total kept in the draft store: its address and the value read then. */
const isPickedCell = (value: unknown): boolean => {
  const held = value as { address?: unknown; value?: unknown } | null;
  return typeof held?.address === "string" && (held.value === null || ["string", "number", "boolean"].includes(typeof held.value));
};

const GRID_ROWS_LABEL: Readonly<Record<GridRows, keyof DecomposeStrings>> = {
  salespeople: "gridRowsSalespeople",
  channels: "gridRowsChannels",
  regions: "gridRowsRegions",
};

const LEVEL_LABEL: Readonly<Record<Level, keyof DecomposeStrings>> = {
  time: "levelTime",
  channels: "levelChannels",
  products: "levelProducts",
  regions: "levelRegions",
  salespeople: "levelSalespeople",
};

/** A text field of the draft in a Fluent Field, with its validation state and message. */
function TextField({ field, label, draft, dispatch, message, warning, hint, numeric, fill }: {
  readonly field: string;
  readonly label: string;
  readonly draft: FormDraft;
  readonly dispatch: Dispatch<DraftAction>;
  readonly message?: string;
  readonly warning?: string;
  readonly hint?: string;
  readonly numeric?: boolean;
  /** A class for the input (a grid cell's full width). */
  readonly fill?: string;
}) {
  return (
    <Field
      label={label}
      size={CONTROL_SIZE}
      hint={hint}
      validationState={message ? "error" : warning ? "warning" : "none"}
      validationMessage={message ?? warning}
    >
      <Input
        className={fill}
        inputMode={numeric ? "decimal" : undefined}
        value={draft.fields[field] ?? ""}
        onChange={(_, data) => dispatch({ type: "setField", field, value: data.value })}
      />
    </Field>
  );
}

/**
 * Decompose (目标分解): the total (typed, or a cell picked in the workbook), the unit, and the levels to
 * split it over — time, channels, product lines within channels, regions, salespeople. Writes a new
 * sheet whose amounts are SALES formulas of the total (see decompose-plan.ts).
 */
export function DecomposePage({ gateway, language }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const d = DECOMPOSE_STRINGS[language];
  const [draft, dispatch] = usePersistentReducer("decompose", draftReducer, initialDecompose, reviveFormDraft(initialDecompose()));
  const pickedId = useId("total-cell");
  const [picked, setPicked] = usePersistentState<PickedCell | undefined>("decompose.picked", () => undefined, reviveIf(isPickedCell));
  const [pickError, setPickError] = useState<{ field: "cell" | "history"; message: string } | undefined>(undefined);
  // The history range as last read (when picked, and again at every write): the form checks its cells.
  const [historyData, setHistoryData] = useState<RangeData | undefined>(undefined);
  const writer = useWorkbookWriter(gateway, { output: "decompose", draft });
  const schemaDraft = useMemo(() => toDecomposeDraft(draft, picked, historyData), [draft, picked, historyData]);
  const validation = useMemo(() => validateDecompose(schemaDraft, reservedProductNames(d)), [schemaDraft, d]);
  const { errors, params, containerRef, submit } = useFormValidation(validation, t);

  const fields = draft.fields;
  const on = (level: Level) => fields[levelField(level)] === "true";
  const source = fields.source === "cell" ? "cell" : "typed";
  const unit = fieldValue(fields.unit ?? "", "amount");
  const total = source === "typed" ? fieldValue(fields.total ?? "", "amount") : typeof picked?.value === "number" ? picked.value : Number.NaN;
  const periods = fields.periods === "quarters" ? 4 : fields.periods === "custom" ? schemaDraft.time.custom.split(/[,，、;；]/).filter((x) => x.trim() !== "").length : 12;
  const message = (path: string) => errorMessage(errors[path], d, { periods, params: params[path], language });
  // Before the first submit, say at once what TARGET.SPLIT would refuse about the total at this unit (the sheet would show #VALUE!).
  const early = Number.isFinite(total) && unit > 0 ? totalProblem(total, unit) : undefined;
  const multipleWarning = early === undefined ? undefined : errorMessage(early.code, d, { params: early.params, language });

  const setField = (field: string, value: string) => dispatch({ type: "setField", field, value });

  async function pick(field: "cell" | "history") {
    setPickError(undefined);
    try {
      const selection = await gateway.readSelection();
      if (field === "cell") {
        const value = selection.values.length === 1 && selection.values[0]?.length === 1 ? (selection.values[0]?.[0] ?? null) : null;
        setPicked({ address: selection.address, value });
      } else {
        setField("history", selection.address);
        setHistoryData(selection);
      }
    } catch (error) {
      setPickError({ field, message: gatewayErrorMessage(error, t, "READ_FAILED") });
    }
  }

  /**
   * Writes the sheet: a seasonal history is read again first (it may have changed since it was picked, or
   * been typed), so that a range that would give the months #VALUE! is refused, naming its cells.
   */
  async function write() {
    let latest = validation;
    const address = fields.history ?? "";
    if (on("time") && fields.method === "seasonal" && parseRange(address)?.sheet !== undefined) {
      try {
        const data = await gateway.readRange(address);
        setPickError(undefined);
        setHistoryData(data);
        latest = validateDecompose(toDecomposeDraft(draft, picked, data), reservedProductNames(d));
      } catch (error) {
        setPickError({ field: "history", message: gatewayErrorMessage(error, t, "READ_FAILED") });
        return;
      }
    }
    submit((data) => void writer.createSheet(decomposePlan(data, language)), latest);
  }

  const listEditor = (list: ListName, legend: string, rowName: string, columns: readonly RowColumn[], schemaList: string) => (
    <RowsEditor
      legend={legend}
      rows={draft.lists[list] ?? []}
      columns={columns}
      rowLabel={(n) => d.rowLabel(rowName, n)}
      error={(index, field) => message(`${schemaList}.${index}.${field}`)}
      onChange={(id, field, value) => dispatch({ type: "setCell", list, id, field, value })}
      onAdd={() => dispatch({ type: "addRow", list, row: BLANK_ROW[list] })}
      onRemove={(id) => dispatch({ type: "removeRow", list, id })}
      onSetRows={(rows, mode) => dispatch({ type: "setRows", list, rows, mode })}
      gateway={gateway}
      blank={BLANK_ROW[list]}
      maxRows={MAX_ROWS}
      t={t}
      language={language}
      footer={
        errors[schemaList] ? (
          <Field validationState="error" validationMessage={message(schemaList)} />
        ) : undefined
      }
    />
  );
  const weightColumns = (name: string): RowColumn[] => [
    { field: "name", label: name },
    { field: "weight", label: d.colWeight, kind: "number", numberKind: "weight", width: "5.5rem", hint: d.weightsHint },
  ];
  const channelNames = (draft.lists.channels ?? []).map((row, i) => row.name?.trim() || d.rowLabel(d.colChannel, i + 1));
  const productRows = draft.lists.products ?? [];
  const regionNames = (draft.lists.regions ?? []).map((row) => row.name?.trim() ?? "").filter((name) => name !== "");
  const labels = periodLabels({ periods: schemaDraft.time.periods, custom: schemaDraft.time.custom.split(/[,，、;；]/).map((x) => x.trim()).filter((x) => x !== ""), method: "equal", history: undefined }, d);
  const byRegion = on("salespeople") && salespeopleParent(draft) === "regions";
  const gridLevels = GRID_ROWS.filter((level) => on(level));

  return (
    <div className={styles.page}>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <Text>{d.intro}</Text>
      <ActionForm onAction={() => void write()} disabled={writer.status.kind === "working" || !gateway.available}>
        <div ref={containerRef} className={styles.page}>
          <section className={styles.section}>
            <Text as="h3" weight="semibold" className={styles.heading}>
              {d.sectionTotal}
            </Text>
            <RadioGroup layout="horizontal" aria-label={d.fieldTotalSource} value={source} onChange={(_, data) => setField("source", data.value)}>
                <Radio value="typed" label={d.sourceTyped} />
                <Radio value="cell" label={d.sourceCell} />
            </RadioGroup>
            {source === "typed" ? (
              <div className={styles.pair}>
                <TextField field="total" label={d.fieldTotal} draft={draft} dispatch={dispatch} fill={styles.fill} numeric message={message("base.total")} warning={multipleWarning} />
                <TextField field="period" label={d.fieldPeriod} draft={draft} dispatch={dispatch} fill={styles.fill} message={message("base.period")} />
              </div>
            ) : (
              <div className={styles.inline}>
                <Field
                  label={{ children: d.fieldTotalCell, htmlFor: pickedId }}
                  size={CONTROL_SIZE}
                  hint={picked && typeof picked.value === "number" ? d.pickedValue(formatAmount(picked.value, language)) : undefined}
                  validationState={message("base.cell") || pickError?.field === "cell" ? "error" : multipleWarning ? "warning" : "none"}
                  validationMessage={pickError?.field === "cell" ? pickError.message : (message("base.cell") ?? multipleWarning)}
                >
                  {/* Read from the workbook, not typed: shown as text (focusable when it needs attention). */}
                  <output id={pickedId} className={styles.picked} tabIndex={message("base.cell") ? -1 : undefined} aria-invalid={message("base.cell") ? true : undefined}>
                    {picked?.address ?? d.notPickedYet}
                  </output>
                </Field>
                <Button type="button" size={CONTROL_SIZE} onClick={() => void pick("cell")}>
                  {d.useSelectionTotal}
                </Button>
                <TextField field="period" label={d.fieldPeriod} draft={draft} dispatch={dispatch} fill={styles.fill} message={message("base.period")} />
              </div>
            )}
            <div className={styles.pair}>
              <TextField field="unit" label={d.fieldUnit} draft={draft} dispatch={dispatch} fill={styles.fill} numeric message={message("base.unit")} />
              <Field label={d.fieldDisplay} size={CONTROL_SIZE}>
                <Select className={styles.fill} title={d.displayTitle} value={fields.display === "wan" ? "wan" : "yuan"} onChange={(_, data) => setField("display", data.value)}>
                  <option value="yuan">{d.displayYuan}</option>
                  <option value="wan">{d.displayWan}</option>
                </Select>
              </Field>
            </div>
          </section>

          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{d.sectionLevels}</legend>
            <div className={styles.levels}>
              {LEVELS.map((level) => (
                <Checkbox
                  key={level}
                  size="medium"
                  label={d[LEVEL_LABEL[level]] as string}
                  checked={on(level)}
                  onChange={(_, data) => setField(levelField(level), data.checked === true ? "true" : "false")}
                />
              ))}
              {/* The plan by period goes with the levels: it crosses the Time level with one that has rows. */}
              {on("time") && gridLevels.length > 0 && (
                <Checkbox size="medium" label={d.fieldGrid} checked={fields.grid === "true"} onChange={(_, data) => setField("grid", data.checked === true ? "true" : "false")} />
              )}
            </div>
            {(message("levels") ?? message("levels.products") ?? message("grid")) !== undefined && (
              <Field validationState="error" validationMessage={message("levels") ?? message("levels.products") ?? message("grid")} />
            )}
          </fieldset>

          {on("time") && (
            <section className={styles.section}>
              <div className={styles.pair}>
                <Field label={d.fieldPeriods} size={CONTROL_SIZE}>
                  <Select className={styles.fill} value={fields.periods} onChange={(_, data) => setField("periods", data.value)}>
                    <option value="months">{d.periodsMonths}</option>
                    <option value="quarters">{d.periodsQuarters}</option>
                    <option value="custom">{d.periodsCustom}</option>
                  </Select>
                </Field>
                <Field label={d.fieldTimeMethod} size={CONTROL_SIZE} validationState={message("time.method") ? "error" : "none"} validationMessage={message("time.method")}>
                  <Select className={styles.fill} value={fields.method} onChange={(_, data) => setField("method", data.value)}>
                    <option value="equal">{d.methodEqual}</option>
                    <option value="days">{d.methodDays}</option>
                    <option value="typed">{d.methodTyped}</option>
                    <option value="seasonal">{d.methodSeasonal}</option>
                  </Select>
                </Field>
              </div>
              {fields.periods === "custom" && <TextField field="custom" label={d.fieldCustomPeriods} draft={draft} dispatch={dispatch} fill={styles.fill} message={message("time.custom")} />}
              {fields.method === "typed" && (
                <fieldset className={styles.fieldset}>
                  <legend className={styles.legend}>{d.fieldPeriodWeights}</legend>
                  <Text size={200}>{d.periodWeightsHint}</Text>
                  <div className={styles.weights}>
                    {labels.map((label, i) => (
                      <TextField key={`${label}-${i}`} field={periodWeightField(i)} label={label} draft={draft} dispatch={dispatch} fill={styles.fill} numeric message={message(`time.weights.${i}`)} />
                    ))}
                  </div>
                </fieldset>
              )}
              {fields.method === "seasonal" && (
                <div className={styles.inline}>
                  <TextField
                    field="history"
                    label={d.fieldHistory}
                    draft={draft}
                    dispatch={dispatch}
                    message={pickError?.field === "history" ? pickError.message : message("time.history")}
                  />
                  <Button type="button" size={CONTROL_SIZE} onClick={() => void pick("history")}>
                    {d.useSelectionHistory}
                  </Button>
                </div>
              )}
            </section>
          )}

          {on("channels") && listEditor("channels", d.listChannels, d.colChannel, weightColumns(d.colChannel), "channels")}
          {on("products") && listEditor("products", d.listProducts, d.colProduct, weightColumns(d.colProduct), "products")}
          {on("products") && on("channels") && (
            <section className={styles.section}>
              <Checkbox
                size="medium"
                label={d.fieldMixPerChannel}
                checked={fields.mixPerChannel === "true"}
                onChange={(_, data) => setField("mixPerChannel", data.checked === true ? "true" : "false")}
              />
              {fields.mixPerChannel === "true" &&
                (draft.lists.channels ?? []).map((channel, c) => (
                  <fieldset key={channel.id} className={styles.fieldset}>
                    <legend className={styles.legend}>{d.listMix(channelNames[c] ?? "")}</legend>
                    <div className={styles.mix}>
                      {productRows.map((product, p) => (
                        <Field
                          key={product.id}
                          label={product.name?.trim() || d.rowLabel(d.colProduct, p + 1)}
                          size={CONTROL_SIZE}
                          validationState={message(`productMix.${c}.${p}`) ? "error" : "none"}
                          validationMessage={message(`productMix.${c}.${p}`)}
                        >
                          <Input
                            className={styles.fill}
                            inputMode="decimal"
                            placeholder={product.weight ?? ""}
                            value={channel[mixField(product.id)] ?? ""}
                            onChange={(_, data) => dispatch({ type: "setCell", list: "channels", id: channel.id, field: mixField(product.id), value: data.value })}
                          />
                        </Field>
                      ))}
                    </div>
                  </fieldset>
                ))}
              {fields.mixPerChannel === "true" && <Text size={200}>{d.mixHint}</Text>}
            </section>
          )}
          {on("regions") && listEditor("regions", d.listRegions, d.colRegion, weightColumns(d.colRegion), "regions")}

          {on("salespeople") && (
            <section className={styles.section}>
              <Text as="h3" weight="semibold" className={styles.heading}>
                {d.levelSalespeople}
              </Text>
              <Field label={d.fieldParent} size={CONTROL_SIZE} validationState={message("salespeople.parent") ? "error" : "none"} validationMessage={message("salespeople.parent")}>
                <Select value={salespeopleParent(draft)} onChange={(_, data) => setField("parent", data.value)}>
                  <option value="total">{d.parentTotal}</option>
                  {on("regions") && <option value="regions">{d.parentRegions}</option>}
                  {on("channels") &&
                    channelNames.map((name, i) => (
                      <option key={(draft.lists.channels ?? [])[i]?.id ?? i} value={String(i)}>
                        {d.parentChannel(name)}
                      </option>
                    ))}
                </Select>
              </Field>
              <div className={styles.triple} role="group" aria-label={d.fieldBlend}>
                <TextField field="blendHistory" label={d.fieldBlendHistory} draft={draft} dispatch={dispatch} fill={styles.fill} numeric message={message("salespeople.blend.history")} />
                <TextField field="blendPotential" label={d.fieldBlendPotential} draft={draft} dispatch={dispatch} fill={styles.fill} numeric message={message("salespeople.blend.potential")} />
                <TextField field="blendEven" label={d.fieldBlendEven} draft={draft} dispatch={dispatch} fill={styles.fill} numeric message={message("salespeople.blend.even")} />
              </div>
              {listEditor(
                "people",
                d.listPeople,
                d.colSalesperson,
                [
                  { field: "name", label: d.colSalesperson },
                  ...(byRegion
                    ? // On a line of its own under each row: five columns do not fit 350 px. Unchosen, it reads "Region".
                      [{ field: "region", label: d.colPersonRegion, kind: "select" as const, wide: true, options: [{ value: "", label: d.colPersonRegion }, ...regionNames.map((name) => ({ value: name, label: name }))] }]
                    : []),
                  { field: "history", label: d.colHistory, kind: "number", numberKind: "amount", width: "4.75rem" },
                  { field: "potential", label: d.colPotential, kind: "number", numberKind: "weight", width: "4.25rem" },
                  { field: "ramp", label: d.colRamp, kind: "number", numberKind: "percent", width: "3.25rem" },
                ],
                "salespeople.people",
              )}
            </section>
          )}

          {on("time") && fields.grid === "true" && gridLevels.length > 1 && (
            <Field label={d.fieldGridRows} size={CONTROL_SIZE}>
              <Select value={gridRowsOf(draft)} onChange={(_, data) => setField("gridRows", data.value)}>
                {gridLevels.map((level) => (
                  <option key={level} value={level}>
                    {d[GRID_ROWS_LABEL[level]] as string}
                  </option>
                ))}
              </Select>
            </Field>
          )}

          <ActionBar outcome={<WriteResult writer={writer} t={t} />}>
            <Button size={CONTROL_SIZE} appearance="primary" type="submit" disabled={writer.status.kind === "working" || !gateway.available}>
              {t.writeButton}
            </Button>
          </ActionBar>
        </div>
      </ActionForm>
    </div>
  );
}
