import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode, RefObject } from "react";
import { ActionBar } from "../../components/ActionBar";
import { CONTROL_SIZE } from "../../components/control-size";
import { ActionForm } from "../../components/ActionForm";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

/** A one-step market form: its fields, then the sticky action bar with the write result and the submit button (Enter submits too). */
export function SingleStepForm({ containerRef, onSubmit, submitLabel, busy, children, result }: {
  readonly containerRef: RefObject<HTMLDivElement>;
  readonly onSubmit: () => void;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly children: ReactNode;
  readonly result: ReactNode;
}) {
  const styles = useStyles();
  return (
    <ActionForm onAction={onSubmit} disabled={busy}>
      <div ref={containerRef} className={styles.form}>
        {children}
        <ActionBar outcome={result}>
          <Button size={CONTROL_SIZE} appearance="primary" type="submit" disabled={busy}>
            {submitLabel}
          </Button>
        </ActionBar>
      </div>
    </ActionForm>
  );
}
