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
} from "@fluentui/react-components";
import { useMemo, useState, type Dispatch } from "react";
import { DECOMPOSE_STRINGS, type DecomposeStrings } from "../../../i18n/decompose";
import { UI_STRINGS } from "../../../i18n/ui";
import { draftReducer, type DraftAction, type FormDraft } from "../../components/form-draft";
import { RowsEditor, type RowColumn } from "../../components/RowsEditor";
import { useFormValidation } from "../../components/useFormValidation";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WriteResult } from "../../components/WriteResult";
import type { PageProps } from "../../page-props";
import { BLANK_ROW, initialDecompose, levelField, salespeopleParent, toDecomposeDraft, type ListName, type PickedCell } from "./decompose-draft";
import { formatAmount } from "../../../i18n/format";
import { errorMessage, reservedProductNames } from "./decompose-messages";
import { decomposePlan } from "./decompose-plan";
import { fieldValue } from "../../components/form-fields";
import { LEVELS, totalProblem, validateDecompose, type Level } from "./decompose-schema";
import { gatewayErrorMessage } from "../../components/gateway-messages";
import { OutsideExcelNotice } from "../../components/OutsideExcelNotice";
import { ActionBar } from "../../components/ActionBar";
import { CONTROL_SIZE } from "../../components/control-size";
import { reviveFormDraft, reviveIf } from "../../drafts/revive";
import { usePersistentReducer, usePersistentState } from "../../drafts/use-drafts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  inline: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

/** A picked total kept in the draft store: its address and the value read then. */
const isPickedCell = (value: unknown): boolean => {
  const held = value as { address?: unknown; value?: unknown } | null;
  return typeof held?.address === "string" && (held.value === null || ["string", "number", "boolean"].includes(typeof held.value));
};

const LEVEL_LABEL: Readonly<Record<Level, keyof DecomposeStrings>> = {
  time: "levelTime",
  channels: "levelChannels",
  products: "levelProducts",
  regions: "levelRegions",
  salespeople: "levelSalespeople",
};

/** A text field of the draft in a Fluent Field, with its validation state and message. */
function TextField({ field, label, draft, dispatch, message, warning, readOnly, hint, numeric }: {
  readonly field: string;
  readonly label: string;
  readonly draft: FormDraft;
  readonly dispatch: Dispatch<DraftAction>;
  readonly message?: string;
  readonly warning?: string;
  readonly readOnly?: boolean;
  readonly hint?: string;
  readonly numeric?: boolean;
}) {
  return (
    <Field
      label={label}
      size="small"
      hint={hint}
      validationState={message ? "error" : warning ? "warning" : "none"}
      validationMessage={message ?? warning}
    >
      <Input
        size="small"
        readOnly={readOnly}
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
  const [picked, setPicked] = usePersistentState<PickedCell | undefined>("decompose.picked", () => undefined, reviveIf(isPickedCell));
  const [pickError, setPickError] = useState<{ field: "cell" | "history"; message: string } | undefined>(undefined);
  const writer = useWorkbookWriter(gateway, { output: "decompose", draft });
  const schemaDraft = useMemo(() => toDecomposeDraft(draft, picked), [draft, picked]);
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
      }
    } catch (error) {
      setPickError({ field, message: gatewayErrorMessage(error, t, "READ_FAILED") });
    }
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
      t={t}
      footer={
        errors[schemaList] ? (
          <Field validationState="error" validationMessage={message(schemaList)} />
        ) : list === "people" ? undefined : (
          <Text size={200}>{d.weightsHint}</Text>
        )
      }
    />
  );
  const weightColumns = (name: string): RowColumn[] => [
    { field: "name", label: name },
    { field: "weight", label: d.colWeight, kind: "number" },
  ];
  const channelNames = (draft.lists.channels ?? []).map((row, i) => row.name?.trim() || d.rowLabel(d.colChannel, i + 1));

  return (
    <div className={styles.page}>
      <OutsideExcelNotice gateway={gateway} t={t} />
      <Text>{d.intro}</Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit((data) => void writer.createSheet(decomposePlan(data, language)));
        }}
      >
        <div ref={containerRef} className={styles.page}>
          <section className={styles.section}>
            <Text as="h3" weight="semibold">
              {d.sectionTotal}
            </Text>
            <TextField field="period" label={d.fieldPeriod} draft={draft} dispatch={dispatch} message={message("base.period")} />
            <Field label={d.fieldTotalSource} size="small">
              <RadioGroup layout="horizontal" value={source} onChange={(_, data) => setField("source", data.value)}>
                <Radio value="typed" label={d.sourceTyped} />
                <Radio value="cell" label={d.sourceCell} />
              </RadioGroup>
            </Field>
            {source === "typed" ? (
              <TextField field="total" label={d.fieldTotal} draft={draft} dispatch={dispatch} numeric message={message("base.total")} warning={multipleWarning} />
            ) : (
              <div className={styles.inline}>
                <Field
                  label={d.fieldTotalCell}
                  size="small"
                  hint={picked && typeof picked.value === "number" ? d.pickedValue(formatAmount(picked.value, language)) : undefined}
                  validationState={message("base.cell") || pickError?.field === "cell" ? "error" : multipleWarning ? "warning" : "none"}
                  validationMessage={pickError?.field === "cell" ? pickError.message : (message("base.cell") ?? multipleWarning)}
                >
                  <Input size="small" readOnly value={picked?.address ?? ""} />
                </Field>
                <Button size="small" onClick={() => void pick("cell")}>
                  {d.useSelectionTotal}
                </Button>
              </div>
            )}
            <TextField field="unit" label={d.fieldUnit} draft={draft} dispatch={dispatch} numeric message={message("base.unit")} />
          </section>

          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{d.sectionLevels}</legend>
            {LEVELS.map((level) => {
              const levelMessage = level === "time" ? message("levels") : level === "products" ? message("levels.products") : undefined;
              return (
                <Field key={level} size="small" validationState={levelMessage ? "error" : "none"} validationMessage={levelMessage}>
                  <Checkbox label={d[LEVEL_LABEL[level]] as string} checked={on(level)} onChange={(_, data) => setField(levelField(level), data.checked === true ? "true" : "false")} />
                </Field>
              );
            })}
          </fieldset>

          {on("time") && (
            <section className={styles.section}>
              <Text as="h3" weight="semibold">
                {d.levelTime}
              </Text>
              <Field label={d.fieldPeriods} size="small">
                <Select size="small" value={fields.periods} onChange={(_, data) => setField("periods", data.value)}>
                  <option value="months">{d.periodsMonths}</option>
                  <option value="quarters">{d.periodsQuarters}</option>
                  <option value="custom">{d.periodsCustom}</option>
                </Select>
              </Field>
              {fields.periods === "custom" && <TextField field="custom" label={d.fieldCustomPeriods} draft={draft} dispatch={dispatch} message={message("time.custom")} />}
              <Field label={d.fieldTimeMethod} size="small" validationState={message("time.method") ? "error" : "none"} validationMessage={message("time.method")}>
                <Select size="small" value={fields.method} onChange={(_, data) => setField("method", data.value)}>
                  <option value="equal">{d.methodEqual}</option>
                  <option value="days">{d.methodDays}</option>
                  <option value="seasonal">{d.methodSeasonal}</option>
                </Select>
              </Field>
              {fields.method === "seasonal" && (
                <div className={styles.inline}>
                  <TextField
                    field="history"
                    label={d.fieldHistory}
                    draft={draft}
                    dispatch={dispatch}
                    message={pickError?.field === "history" ? pickError.message : message("time.history")}
                  />
                  <Button size="small" onClick={() => void pick("history")}>
                    {d.useSelectionHistory}
                  </Button>
                </div>
              )}
            </section>
          )}

          {on("channels") && listEditor("channels", d.listChannels, d.colChannel, weightColumns(d.colChannel), "channels")}
          {on("products") && listEditor("products", d.listProducts, d.colProduct, weightColumns(d.colProduct), "products")}
          {on("regions") && listEditor("regions", d.listRegions, d.colRegion, weightColumns(d.colRegion), "regions")}

          {on("salespeople") && (
            <section className={styles.section}>
              <Text as="h3" weight="semibold">
                {d.levelSalespeople}
              </Text>
              <Field label={d.fieldParent} size="small" validationState={message("salespeople.parent") ? "error" : "none"} validationMessage={message("salespeople.parent")}>
                <Select size="small" value={salespeopleParent(draft)} onChange={(_, data) => setField("parent", data.value)}>
                  <option value="total">{d.parentTotal}</option>
                  {on("channels") &&
                    channelNames.map((name, i) => (
                      <option key={(draft.lists.channels ?? [])[i]?.id ?? i} value={String(i)}>
                        {d.parentChannel(name)}
                      </option>
                    ))}
                </Select>
              </Field>
              <div className={styles.inline}>
                <TextField field="blendHistory" label={d.fieldBlendHistory} draft={draft} dispatch={dispatch} numeric message={message("salespeople.blend.history")} />
                <TextField field="blendPotential" label={d.fieldBlendPotential} draft={draft} dispatch={dispatch} numeric message={message("salespeople.blend.potential")} />
                <TextField field="blendEven" label={d.fieldBlendEven} draft={draft} dispatch={dispatch} numeric message={message("salespeople.blend.even")} />
              </div>
              {listEditor(
                "people",
                d.listPeople,
                d.colSalesperson,
                [
                  { field: "name", label: d.colSalesperson },
                  { field: "history", label: d.colHistory, kind: "number" },
                  { field: "potential", label: d.colPotential, kind: "number" },
                  { field: "ramp", label: d.colRamp, kind: "number" },
                ],
                "salespeople.people",
              )}
            </section>
          )}

          <ActionBar outcome={<WriteResult writer={writer} t={t} />}>
            <Button size={CONTROL_SIZE} appearance="primary" type="submit" disabled={writer.status.kind === "working" || !gateway.available}>
              {t.writeButton}
            </Button>
          </ActionBar>
        </div>
      </form>
    </div>
  );
}
