import { Button, createFocusOutlineStyle, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import type { UiStrings } from "../../i18n/ui";
import { ActionBar } from "./ActionBar";
import { CONTROL_SIZE } from "./control-size";
import { ActionForm } from "./ActionForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  // The step list is a container: its labels show only where they fit (see `label`).
  stepper: { containerType: "inline-size" },
  steps: { display: "flex", alignItems: "center", margin: 0, padding: 0, listStyleType: "none", columnGap: tokens.spacingHorizontalXS },
  item: {
    display: "flex",
    alignItems: "center",
    flexGrow: 1,
    minWidth: 0,
    columnGap: tokens.spacingHorizontalXS,
    // The line to the next step: filled once this step is done.
    "::after": { content: '""', flexGrow: 1, minWidth: tokens.spacingHorizontalS, height: tokens.strokeWidthThick, backgroundColor: tokens.colorNeutralStroke2, borderRadius: tokens.borderRadiusSmall },
    ":last-child": { flexGrow: 0, "::after": { display: "none" } },
  },
  itemDone: { "::after": { backgroundColor: tokens.colorBrandBackground } },
  step: {
    position: "relative",
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    minWidth: 0,
    padding: 0,
    border: "none",
    background: "none",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    cursor: "pointer",
    ":disabled": { cursor: "default" },
    ...createFocusOutlineStyle(),
  },
  circle: {
    flexShrink: 0,
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "24px",
    height: "24px",
    boxSizing: "border-box",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  circleDone: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}` },
  circleCurrent: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, color: tokens.colorBrandForeground1 },
  // Step names beside the numbers only on a wide pane; at 350 px the heading names the current step.
  label: { display: "none", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", "@container (min-width: 560px)": { display: "inline" } },
  labelCurrent: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  // The step's name for screen readers: "Step 2: Measurable, done" (the number and label above are for the eye).
  spoken: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap", border: 0 },
});

export interface WizardStepsProps {
  /** Step titles, in order. */
  readonly steps: readonly string[];
  /** 0-based index of the step shown. */
  readonly current: number;
  /** Steps that are done (visited and valid): marked with a check, and a click opens them. */
  readonly done?: readonly boolean[];
  /** The furthest step reached: every step up to it opens on a click too, done or not (back to where one was). */
  readonly reached?: number;
  /** Opens a step from the stepper. */
  readonly onStep?: (index: number) => void;
  readonly t: UiStrings;
  readonly onBack: () => void;
  /** Next (validate the step, then advance) — or, on the last step, the finishing action. Enter in a field does the same. */
  readonly onNext: () => void;
  /** Label of the button on the last step, e.g. "Write to a new sheet". */
  readonly finishLabel: string;
  /** Label of the primary button on this (not last) step, when it does more than go on (default "Next"). */
  readonly nextLabel?: string;
  readonly busy?: boolean;
  /** The outcome of the write (WriteResult), shown in the action bar above the buttons. */
  readonly result?: ReactNode;
  readonly children: ReactNode;
}

/**
 * A multi-step form: a stepper (numbered; done steps checked; those and every step reached clickable; the current one marked
 * `aria-current="step"`; never wider than the pane), the step's heading, its fields, and the sticky action
 * bar with Back and Next (Finish on the last step). It is a form: Enter in a single-line field does what
 * the primary button does — Next on a step, which checks that step only; never a silent write. When the
 * step changes, focus moves to the new step's heading so keyboard and screen-reader users start at its top.
 */
export function WizardSteps({ steps, current, done = [], reached = 0, onStep, t, onBack, onNext, finishLabel, nextLabel, busy = false, result, children }: WizardStepsProps) {
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
    <ActionForm className={styles.root} onAction={onNext} disabled={busy}>
      <div className={styles.stepper}>
        <ol className={styles.steps} aria-label={t.wizardStepsLabel}>
          {steps.map((step, i) => {
            const isCurrent = i === current;
            const isDone = !isCurrent && done[i] === true;
            const state = isCurrent ? t.stepCurrent : isDone ? t.stepDone : t.stepToDo;
            return (
              <li key={step} className={mergeClasses(styles.item, isDone && styles.itemDone)}>
                <button
                  type="button"
                  className={styles.step}
                  aria-current={isCurrent ? "step" : undefined}
                  title={step}
                  disabled={isCurrent || !(isDone || i <= reached) || busy}
                  onClick={() => onStep?.(i)}
                >
                  <span aria-hidden="true" className={mergeClasses(styles.circle, isDone && styles.circleDone, isCurrent && styles.circleCurrent)}>
                    {isDone ? "✓" : i + 1}
                  </span>
                  <span aria-hidden="true" className={mergeClasses(styles.label, isCurrent && styles.labelCurrent)}>
                    {step}
                  </span>
                  <span className={styles.spoken}>{t.stepButton(i + 1, step, state)}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
      <Text as="h3" size={400} weight="semibold" tabIndex={-1} ref={headingRef} className={styles.heading}>
        {t.wizardStep(current + 1, steps.length, steps[current] ?? "")}
      </Text>
      {children}
      <ActionBar outcome={result}>
        {current > 0 && (
          <Button size={CONTROL_SIZE} type="button" onClick={onBack} disabled={busy}>
            {t.wizardBack}
          </Button>
        )}
        <Button size={CONTROL_SIZE} appearance="primary" type="submit" disabled={busy}>
          {last ? finishLabel : (nextLabel ?? t.wizardNext)}
        </Button>
      </ActionBar>
    </ActionForm>
  );
}
