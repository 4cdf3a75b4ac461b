import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import type { UiStrings } from "../../i18n/ui";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  steps: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  current: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

export interface WizardStepsProps {
  /** Step titles, in order. */
  readonly steps: readonly string[];
  /** 0-based index of the step shown. */
  readonly current: number;
  readonly t: UiStrings;
  readonly onBack: () => void;
  /** Next (validate the step, then advance) — or, on the last step, the finishing action. */
  readonly onNext: () => void;
  /** Label of the button on the last step, e.g. "Write to a new sheet". */
  readonly finishLabel: string;
  readonly busy?: boolean;
  readonly children: ReactNode;
}

/**
 * A multi-step form frame: an ordered list of steps (the current one marked `aria-current="step"`), the
 * step's heading, its content, and Back / Next (Finish on the last step). When the step changes, focus
 * moves to the new step's heading so keyboard and screen-reader users start at its top.
 */
export function WizardSteps({ steps, current, t, onBack, onNext, finishLabel, busy = false, children }: WizardStepsProps) {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [current]);
  const last = current === steps.length - 1;
  return (
    <div className={styles.root}>
      <ol className={styles.steps} aria-label={t.wizardStepsLabel}>
        {steps.map((step, i) => (
          <li key={step} aria-current={i === current ? "step" : undefined} className={i === current ? styles.current : undefined}>
            {step}
          </li>
        ))}
      </ol>
      <Text as="h3" size={400} weight="semibold" tabIndex={-1} ref={headingRef}>
        {t.wizardStep(current + 1, steps.length, steps[current] ?? "")}
      </Text>
      {children}
      <div className={styles.actions}>
        {current > 0 && (
          <Button onClick={onBack} disabled={busy}>
            {t.wizardBack}
          </Button>
        )}
        <Button appearance="primary" onClick={onNext} disabled={busy}>
          {last ? finishLabel : t.wizardNext}
        </Button>
      </div>
    </div>
  );
}
