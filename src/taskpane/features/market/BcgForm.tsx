import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { MARKET_STRINGS } from "../../../i18n/market";
import { UI_STRINGS } from "../../../i18n/ui";
import { CONTROL_SIZE } from "../../components/control-size";
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
import { bcgSchema, MAX_ROWS, validate } from "./market-schema";
import { SingleStepForm } from "./SingleStepForm";

const useStyles = makeStyles({
  thresholds: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
});

const BLANK_PRODUCT: Readonly<Record<string, string>> = { name: "", share: "", growth: "" };

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
            <Field key={field} label={m[label]} size={CONTROL_SIZE} validationState={message ? "error" : "none"} validationMessage={message}>
              <Input inputMode="decimal" value={draft.fields[field] ?? ""} onChange={(_, data) => dispatch({ type: "setField", field, value: data.value })} />
            </Field>
          );
        })}
      </div>
      <RowsEditor
        legend={m.listProducts}
        rows={draft.lists.products ?? []}
        columns={[
          { field: "name", label: m.colProduct },
          { field: "share", label: m.colShare, kind: "number", numberKind: "ratio", width: "4.5rem" },
          { field: "growth", label: m.colGrowth, kind: "number", numberKind: "percent", width: "4.5rem" },
        ]}
        rowLabel={(n) => m.rowLabel(m.productRow, n)}
        error={(index, field) => errorMessage(form.errors[`products.${index}.${field}`], m)}
        onChange={(id, field, value) => dispatch({ type: "setCell", list: "products", id, field, value })}
        onAdd={() => dispatch({ type: "addRow", list: "products", row: BLANK_PRODUCT })}
        onRemove={(id) => dispatch({ type: "removeRow", list: "products", id })}
        onSetRows={(rows, mode) => dispatch({ type: "setRows", list: "products", rows, mode })}
        gateway={gateway}
        blank={BLANK_PRODUCT}
        maxRows={MAX_ROWS}
        t={t}
        language={language}
        listError={errorMessage(form.errors.products, m)}
      />
    </SingleStepForm>
  );
}
