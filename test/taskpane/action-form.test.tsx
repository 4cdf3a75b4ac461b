/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { ActionForm } from "../../src/taskpane/components/ActionForm";

/** A form with one field of each kind the pages use, and its submit button. */
function renderForm(disabled = false) {
  const onAction = jest.fn();
  const view = render(
    <ActionForm onAction={onAction} disabled={disabled}>
      <input aria-label="Target" type="text" />
      <input aria-label="Start" type="date" />
      <textarea aria-label="Strategy" />
      <select aria-label="KPI">
        <option>Sales</option>
      </select>
      <input aria-label="Regions" type="checkbox" />
      <button type="submit">Next</button>
    </ActionForm>,
  );
  return { onAction, view };
}

/** Presses Enter (with `init`'s extras) in the field labelled `label`; says whether its default went ahead. */
function enter(label: string, init: Partial<KeyboardEventInit & { keyCode: number }> = {}): boolean {
  let notCancelled = true;
  act(() => {
    notCancelled = fireEvent.keyDown(screen.getByLabelText(label), { key: "Enter", code: "Enter", ...init });
  });
  return notCancelled;
}

describe("ActionForm: the one mechanism for a form's primary action", () => {
  it("runs the action once for Enter in a single-line field, and cancels the browser's own submission", () => {
    const { onAction } = renderForm();
    expect(enter("Target")).toBe(false);
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(enter("Start")).toBe(false);
    expect(onAction).toHaveBeenCalledTimes(2);
  });

  it("does nothing while an input method is composing (isComposing, or Safari's keyCode 229), and leaves the key to it", () => {
    const { onAction } = renderForm();
    expect(enter("Target", { isComposing: true })).toBe(true);
    expect(enter("Target", { keyCode: 229 })).toBe(true);
    expect(onAction).not.toHaveBeenCalled();
  });

  it("leaves Enter alone in a textarea (a new line), a select, and with Shift, Ctrl, Alt or Meta", () => {
    const { onAction } = renderForm();
    expect(enter("Strategy")).toBe(true);
    expect(enter("KPI")).toBe(true);
    for (const modifier of ["shiftKey", "ctrlKey", "altKey", "metaKey"] as const) expect(enter("Target", { [modifier]: true })).toBe(true);
    expect(onAction).not.toHaveBeenCalled();
  });

  it("never submits from a checkbox: Enter there neither runs the action nor lets the browser submit", () => {
    const { onAction } = renderForm();
    expect(enter("Regions")).toBe(false);
    expect(onAction).not.toHaveBeenCalled();
  });

  it("runs the action on submit (the primary button), once", () => {
    const { onAction } = renderForm();
    act(() => {
      fireEvent.click(screen.getByRole("button", { name: "Next" }));
    });
    expect(onAction).toHaveBeenCalledTimes(1);
  });

  it("runs nothing while disabled, from Enter or from a submit", () => {
    const { onAction, view } = renderForm(true);
    expect(enter("Target")).toBe(false);
    act(() => {
      fireEvent.submit(view.container.querySelector("form")!);
    });
    expect(onAction).not.toHaveBeenCalled();
  });
});
