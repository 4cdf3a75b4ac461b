import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { MARKET_STRINGS } from "../../../i18n/market";
import { UI_STRINGS } from "../../../i18n/ui";
import { draftReducer } from "../../components/form-draft";
import { RowsEditor } from "../../components/RowsEditor";
import { useFormValidation } from "../../components/useFormValidation";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WriteResult } from "../../components/WriteResult";
import { reviveFormDraft } from "../../drafts/revive";
import { usePersistentReducer } from "../../drafts/use-drafts";
import type { PageProps } from "../../page-props";
import { bcgPlan } from "./bcg-plan";
import { errorMessage } from "./market-messages";
import { initialBcg, toBcgDraft } from "./market-drafts";
import { bcgSchema, validate } from "./market-schema";
import { SingleStepForm } from "./SingleStepForm";

const useStyles = makeStyles({
  thresholds: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
});

const THRESHOLDS = [
  ["growthThreshold", "growthThreshold"],
  ["shareThreshold", "shareThreshold"],
] as const;

/** Product portfolio (BCG): thresholds and products with relative share and growth; writes a new sheet with a chart. */
export function BcgForm({ gateway, language }: PageProps) {
  const styles = useStyles();
  const t = UI_STRINGS[language];
  const m = MARKET_STRINGS[language];
  const [draft, dispatch] = usePersistentReducer("market.bcg", draftReducer, initialBcg, reviveFormDraft(initialBcg()));
  const writer = useWorkbookWriter(gateway, { output: "market.bcg", draft });
  const form = useFormValidation(validate(bcgSchema, useMemo(() => toBcgDraft(draft), [draft])), t);
  return (
    <SingleStepForm
      containerRef={form.containerRef}
      onSubmit={() => form.submit((data) => void writer.createSheet(bcgPlan(data, language)))}
      submitLabel={t.writeButton}
      busy={writer.status.kind === "working"}
      result={<WriteResult writer={writer} t={t} />}
    >
      <div className={styles.thresholds}>
        {THRESHOLDS.map(([field, label]) => {
          const message = errorMessage(form.errors[field], m);
          return (
            <Field key={field} label={m[label]} size="small" validationState={message ? "error" : "none"} validationMessage={message}>
              <Input size="small" inputMode="decimal" value={draft.fields[field] ?? ""} onChange={(_, data) => dispatch({ type: "setField", field, value: data.value })} />
            </Field>
          );
        })}
      </div>
      <RowsEditor
        legend={m.productRow}
        rows={draft.lists.products ?? []}
        columns={[
          { field: "name", label: m.colProduct, wide: true },
          { field: "share", label: m.colShare, kind: "number" },
          { field: "growth", label: m.colGrowth, kind: "number" },
        ]}
        rowLabel={(n) => m.rowLabel(m.productRow, n)}
        error={(index, field) => errorMessage(form.errors[`products.${index}.${field}`], m)}
        onChange={(id, field, value) => dispatch({ type: "setCell", list: "products", id, field, value })}
        onAdd={() => dispatch({ type: "addRow", list: "products", row: { name: "", share: "", growth: "" } })}
        onRemove={(id) => dispatch({ type: "removeRow", list: "products", id })}
        t={t}
        listError={errorMessage(form.errors.products, m)}
      />
    </SingleStepForm>
  );
}
