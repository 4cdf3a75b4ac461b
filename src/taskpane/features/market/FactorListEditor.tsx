import { Field, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { Dispatch } from "react";
import type { WorkbookGateway } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import type { MarketStrings } from "../../../i18n/market";
import type { UiStrings } from "../../../i18n/ui";
import { CONTROL_SIZE } from "../../components/control-size";
import type { DraftAction, FormDraft } from "../../components/form-draft";
import { RowsEditor, type RowColumn } from "../../components/RowsEditor";
import { errorMessage, totalWeightText } from "./market-messages";
import { MAX_ROWS, type FieldErrors } from "./market-schema";

export const BLANK_FACTOR: Readonly<Record<string, string>> = { factor: "", weight: "", rating: "" };

const useStyles = makeStyles({
  // A figure the form works out, not a field: plain text, no box.
  total: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
});

export interface FactorListEditorProps {
  readonly list: string;
  readonly legend: string;
  readonly draft: FormDraft;
  readonly dispatch: Dispatch<DraftAction>;
  readonly errors: FieldErrors;
  readonly m: MarketStrings;
  readonly t: UiStrings;
  readonly language: Language;
  readonly gateway: WorkbookGateway;
  /** Columns before the factor (PEST's dimension). */
  readonly leading?: readonly RowColumn[];
  /** The fields a new row starts with. */
  readonly blank?: Readonly<Record<string, string>>;
}

/** A weighted factor list (factor, weight %, rating 1–5) with its running total weight, which must reach 100%. */
export function FactorListEditor({ list, legend, draft, dispatch, errors, m, t, language, gateway, leading = [], blank = BLANK_FACTOR }: FactorListEditorProps) {
  const styles = useStyles();
  const totalId = useId("total-weight");
  const rows = draft.lists[list] ?? [];
  const total = totalWeightText(rows);
  const totalError = errorMessage(errors[`${list}.total`], m, total) ?? errorMessage(errors[list], m);
  return (
    <RowsEditor
      legend={legend}
      rows={rows}
      columns={[
        ...leading,
        { field: "factor", label: m.colFactor },
        { field: "weight", label: m.colWeight, kind: "number", numberKind: "percent", width: "3.25rem" },
        { field: "rating", label: m.colRating, kind: "number", numberKind: "scale", width: "3rem" },
      ]}
      rowLabel={(n) => m.rowLabel(legend, n)}
      error={(index, field) => errorMessage(errors[`${list}.${index}.${field}`], m)}
      onChange={(id, field, value) => dispatch({ type: "setCell", list, id, field, value })}
      onAdd={() => dispatch({ type: "addRow", list, row: blank })}
      onRemove={(id) => dispatch({ type: "removeRow", list, id })}
      onSetRows={(read, mode) => dispatch({ type: "setRows", list, rows: read, mode })}
      gateway={gateway}
      blank={blank}
      maxRows={MAX_ROWS}
      t={t}
      language={language}
      footer={
        <Field label={{ children: m.totalWeight, htmlFor: totalId }} size={CONTROL_SIZE} orientation="horizontal" validationState={totalError ? "error" : "none"} validationMessage={totalError}>
          <output id={totalId} className={styles.total} tabIndex={totalError ? -1 : undefined} aria-invalid={totalError ? true : undefined}>{`${total}%`}</output>
        </Field>
      }
    />
  );
}
