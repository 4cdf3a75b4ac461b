import { getByRole, screen } from "@testing-library/react";

/**
 * The open dialog titled `title`, found by its title. Fluent's focus manager (tabster) may leave a dialog
 * marked aria-hidden in jsdom while it settles focus on a loaded machine (seen at a load average of 11 on
 * two cores), which hides it, and its buttons, from a plain role query; the role and the title's link are
 * checked here, and the dialogs as Chromium's accessibility tree shows them by the end-to-end tests.
 */
export async function findDialog(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title);
  const dialog = heading.closest<HTMLElement>('[role="alertdialog"], [role="dialog"]');
  if (dialog === null) throw new Error(`“${title}” is not the title of a dialog`);
  expect(dialog.getAttribute("aria-labelledby")).toBe(heading.id);
  return dialog;
}

/** A button of `dialog` by its accessible name, whether or not tabster has marked the dialog hidden yet. */
export const dialogButton = (dialog: HTMLElement, name: string): HTMLElement => getByRole(dialog, "button", { name, hidden: true });

/** Whether any dialog is open, hidden by tabster or not. */
export const anyDialog = (): HTMLElement | null => screen.queryByRole("alertdialog", { hidden: true }) ?? screen.queryByRole("dialog", { hidden: true });
