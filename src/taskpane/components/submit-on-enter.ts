import type { KeyboardEvent } from "react";

/** Text-like inputs, in which Enter means "done with this field" (not a checkbox, a radio or a button). */
const SINGLE_LINE = new Set(["text", "search", "tel", "url", "email", "password", "number", "date", "month", "week", "time", "datetime-local"]);

/**
 * Enter in a single-line field of a form step runs the step's primary action (Next, or the write), as a
 * form's implicit submission does — also where a step is not a `<form>` of its own. Not in a textarea (a new
 * line), a select, a button, nor while an input method is composing (Chinese input confirms a word with
 * Enter). `action` undefined: the step is busy, Enter does nothing.
 */
export function submitOnEnter(event: KeyboardEvent<HTMLElement>, action: (() => void) | undefined): void {
  if (event.key !== "Enter" || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
  if (event.nativeEvent.isComposing || event.keyCode === 229) return;
  const target = event.target as HTMLElement;
  if (!(target instanceof HTMLInputElement) || !SINGLE_LINE.has(target.type)) return;
  event.preventDefault();
  action?.();
}
