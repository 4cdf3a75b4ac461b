import { Field, Input } from "@fluentui/react-components";
import type { Dispatch } from "react";
import type { MarketStrings } from "../../../i18n/market";
import type { UiStrings } from "../../../i18n/ui";
import type { DraftAction, FormDraft } from "../../components/form-draft";
import { RowsEditor, type RowColumn } from "../../components/RowsEditor";
import { errorMessage, totalWeightText } from "./market-messages";
import type { FieldErrors } from "./market-schema";

export const BLANK_FACTOR: Readonly<Record<string, string>> = { factor: "", weight: "", rating: "" };

export interface FactorListEditorProps {
  readonly list: string;
  readonly legend: string;
  readonly draft: FormDraft;
  readonly dispatch: Dispatch<DraftAction>;
  readonly errors: FieldErrors;
  readonly m: MarketStrings;
  readonly t: UiStrings;
  /** Columns before the factor (PEST's dimension). */
  readonly leading?: readonly RowColumn[];
  /** The fields a new row starts with. */
  readonly blank?: Readonly<Record<string, string>>;
}

/** A weighted factor list (factor, weight %, rating 1–5) with its running total weight, which must reach 100%. */
export function FactorListEditor({ list, legend, draft, dispatch, errors, m, t, leading = [], blank = BLANK_FACTOR }: FactorListEditorProps) {
  const rows = draft.lists[list] ?? [];
  const total = totalWeightText(rows);
  const totalError = errorMessage(errors[`${list}.total`], m, total) ?? errorMessage(errors[list], m);
  return (
    <RowsEditor
      legend={legend}
      rows={rows}
      columns={[...leading, { field: "factor", label: m.colFactor, wide: true }, { field: "weight", label: m.colWeight, kind: "number" }, { field: "rating", label: m.colRating, kind: "number" }]}
      rowLabel={(n) => m.rowLabel(legend, n)}
      error={(index, field) => errorMessage(errors[`${list}.${index}.${field}`], m)}
      onChange={(id, field, value) => dispatch({ type: "setCell", list, id, field, value })}
      onAdd={() => dispatch({ type: "addRow", list, row: blank })}
      onRemove={(id) => dispatch({ type: "removeRow", list, id })}
      t={t}
      footer={
        <Field label={m.totalWeight} size="small" validationState={totalError ? "error" : "none"} validationMessage={totalError}>
          <Input size="small" readOnly value={`${total}%`} />
        </Field>
      }
    />
  );
}
