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
import { errorMessage } from "./market-messages";
import { initialRisk, toRiskDraft } from "./market-drafts";
import { MAX_ROWS, riskSchema, validate } from "./market-schema";
import { riskPlan } from "./risk-plan";
import { SingleStepForm } from "./SingleStepForm";

const BLANK_RISK: Readonly<Record<string, string>> = { risk: "", probability: "", impact: "", response: "" };

/** Risk matrix: risks rated by probability and impact (1–5); writes a new sheet with scores, levels and the matrix. */
export function RiskForm({ gateway, language }: PageProps) {
  const t = UI_STRINGS[language];
  const m = MARKET_STRINGS[language];
  const [draft, dispatch] = usePersistentReducer("market.risk", draftReducer, initialRisk, reviveFormDraft(initialRisk()));
  const writer = useWorkbookWriter(gateway, { output: "market.risk", draft });
  const form = useFormValidation(validate(riskSchema, useMemo(() => toRiskDraft(draft), [draft])), t);
  return (
    <SingleStepForm
      containerRef={form.containerRef}
      onSubmit={() => form.submit((data) => void writer.createSheet(riskPlan(data, language)))}
      submitLabel={t.writeButton}
      busy={writer.status.kind === "working"}
      result={<WriteResult writer={writer} t={t} />}
    >
      <RowsEditor
        legend={m.listRisks}
        rows={draft.lists.risks ?? []}
        columns={[
          { field: "risk", label: m.colRisk },
          { field: "probability", label: m.colProbability, kind: "number", numberKind: "scale", width: "4.5rem" },
          { field: "impact", label: m.colImpact, kind: "number", numberKind: "scale", width: "3.5rem" },
          { field: "response", label: m.colResponse, wide: true },
        ]}
        rowLabel={(n) => m.rowLabel(m.riskRow, n)}
        error={(index, field) => errorMessage(form.errors[`risks.${index}.${field}`], m)}
        onChange={(id, field, value) => dispatch({ type: "setCell", list: "risks", id, field, value })}
        onAdd={() => dispatch({ type: "addRow", list: "risks", row: BLANK_RISK })}
        onRemove={(id) => dispatch({ type: "removeRow", list: "risks", id })}
        onSetRows={(rows, mode) => dispatch({ type: "setRows", list: "risks", rows, mode })}
        gateway={gateway}
        blank={BLANK_RISK}
        maxRows={MAX_ROWS}
        t={t}
        language={language}
        listError={errorMessage(form.errors.risks, m)}
      />
    </SingleStepForm>
  );
}
