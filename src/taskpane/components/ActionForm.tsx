import type { KeyboardEvent, ReactNode } from "react";

/** Text-like inputs, in which Enter means "done with this field" (not a checkbox, a radio, a file or a button). */
const SINGLE_LINE = new Set(["text", "search", "tel", "url", "email", "password", "number", "date", "month", "week", "time", "datetime-local"]);

/**
 * What Enter does in a form with one primary action: in a single-line field it runs `run` once and cancels
 * the browser's own implicit submission (so the action never runs twice); while an input method is composing
 * it does nothing, and leaves the key to the input method (Chinese input confirms a word with Enter; Safari
 * reports that Enter with keyCode 229 after the composition has ended); in a checkbox or radio it does nothing
 * (no write by surprise); elsewhere (a textarea's new line, a select, a button) the key keeps its own meaning.
 */
export function enterRunsAction(event: KeyboardEvent<HTMLElement>, run: () => void): void {
  if (event.key !== "Enter" || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
  if (event.nativeEvent.isComposing || event.keyCode === 229) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return;
  event.preventDefault();
  if (SINGLE_LINE.has(target.type)) run();
}

export interface ActionFormProps {
  /** The primary action: Next on a wizard's step (checking that step), the write on a one-step form. */
  readonly onAction: () => void;
  /** The action cannot run now (a write is running, no workbook): neither the submit button nor Enter runs it. */
  readonly disabled?: boolean;
  readonly className?: string;
  readonly children: ReactNode;
}

/**
 * A form whose submission is its primary action — the one mechanism behind every wizard step and one-step
 * form: its submit button (in the ActionBar) and Enter in a single-line field (`enterRunsAction`) run
 * `onAction`, never while `disabled`. Validation is the pages' (zod through the core), so the browser's is off.
 */
export function ActionForm({ onAction, disabled = false, className, children }: ActionFormProps) {
  const run = () => {
    if (!disabled) onAction();
  };
  return (
    <form
      noValidate
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        run();
      }}
      onKeyDown={(event) => enterRunsAction(event, run)}
    >
      {children}
    </form>
  );
}
