import { useMemo } from "react";
import { MARKET_STRINGS } from "../../../i18n/market";
import { UI_STRINGS } from "../../../i18n/ui";
import { draftReducer } from "../../components/form-draft";
import { useFormValidation } from "../../components/useFormValidation";
import { useWorkbookWriter } from "../../components/useWorkbookWriter";
import { WriteResult } from "../../components/WriteResult";
import { reviveFormDraft } from "../../drafts/revive";
import { usePersistentReducer } from "../../drafts/use-drafts";
import type { PageProps } from "../../page-props";
import { FactorListEditor } from "./FactorListEditor";
import { initialPest, toPestDraft } from "./market-drafts";
import { pestSchema, validate } from "./market-schema";
import { pestPlan } from "./pest-plan";
import { SingleStepForm } from "./SingleStepForm";

/** PEST: one weighted list of factors, each under a dimension; writes a new sheet. */
export function PestForm({ gateway, language }: PageProps) {
  const t = UI_STRINGS[language];
  const m = MARKET_STRINGS[language];
  const [draft, dispatch] = usePersistentReducer("market.pest", draftReducer, initialPest, reviveFormDraft(initialPest()));
  const writer = useWorkbookWriter(gateway, { output: "market.pest", draft });
  const form = useFormValidation(validate(pestSchema, useMemo(() => toPestDraft(draft), [draft])), t);
  const dimensions = [
    { value: "P", label: m.dimP },
    { value: "E", label: m.dimE },
    { value: "S", label: m.dimS },
    { value: "T", label: m.dimT },
  ];
  return (
    <SingleStepForm
      containerRef={form.containerRef}
      onSubmit={() => form.submit((data) => void writer.createSheet(pestPlan(data, language)))}
      submitLabel={t.writeButton}
      busy={writer.status.kind === "working"}
      result={<WriteResult writer={writer} t={t} />}
    >
      <FactorListEditor
        list="factors"
        legend={m.listPestFactors}
        draft={draft}
        dispatch={dispatch}
        errors={form.errors}
        m={m}
        t={t}
        language={language}
        gateway={gateway}
        leading={[{ field: "dimension", label: m.colDimension, kind: "select", options: dimensions, width: "5rem" }]}
        blank={{ dimension: "P", factor: "", weight: "", rating: "" }}
      />
    </SingleStepForm>
  );
}
