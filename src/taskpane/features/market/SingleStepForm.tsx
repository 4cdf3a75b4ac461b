import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode, RefObject } from "react";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

/** A one-step market form: its fields, a submit button (Enter submits too), then the write result. */
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
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <div ref={containerRef} className={styles.form}>
        {children}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {submitLabel}
          </Button>
        </div>
        {result}
      </div>
    </form>
  );
}
