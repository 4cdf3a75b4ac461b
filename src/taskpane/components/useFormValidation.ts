import { useAnnounce } from "@fluentui/react-components";
import { useCallback, useState, type RefObject } from "react";
import type { UiStrings } from "../../i18n/ui";
import { useFocusFirstInvalid } from "./useFocusFirstInvalid";
import type { FieldErrors, FieldParams, Validation } from "./validation";

export interface FormValidation<T, C extends string> {
  /** Errors to show: none before the first submit, then live as the user corrects them. */
  readonly errors: FieldErrors<C>;
  /** What each shown error's message needs beyond its code (see validateWith). */
  readonly params: FieldParams;
  /** Put on the element around the form's Fields, so focus can find the first invalid one. */
  readonly containerRef: RefObject<HTMLDivElement>;
  /**
   * Runs `onValid` with the parsed data, or shows the errors, focuses the first and announces how many.
   * `latest`: a validation of the form as it is now, when the submit itself changed what is validated (a
   * range read at submit), before the next render brings it as `result`.
   */
  readonly submit: (onValid: (data: T) => void, latest?: Validation<T, C>) => void;
}

/**
 * The pane's form pattern: validation is done elsewhere (a zod schema → `result`); Fields show `errors`;
 * on submit, focus moves to the first invalid field and the number of problems is announced.
 */
export function useFormValidation<T, C extends string>(result: Validation<T, C>, t: UiStrings): FormValidation<T, C> {
  const [attempted, setAttempted] = useState(false);
  const { containerRef, focusFirstInvalid } = useFocusFirstInvalid<HTMLDivElement>();
  const { announce } = useAnnounce();
  const errors: FieldErrors<C> = attempted && !result.ok ? result.errors : {};
  const params: FieldParams = attempted && !result.ok ? result.params : {};
  const submit = useCallback(
    (onValid: (data: T) => void, latest?: Validation<T, C>) => {
      const now = latest ?? result;
      setAttempted(true);
      if (now.ok) {
        onValid(now.data);
        return;
      }
      focusFirstInvalid();
      announce(t.formInvalid(Object.keys(now.errors).length), { polite: true });
    },
    [announce, focusFirstInvalid, result, t],
  );
  return { errors, params, containerRef, submit };
}
