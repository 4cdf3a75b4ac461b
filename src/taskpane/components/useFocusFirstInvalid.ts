import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

/**
 * After a submit with errors, moves focus to the first invalid control inside `containerRef` (Fluent's
 * `Field` marks its control `aria-invalid="true"` when `validationState="error"`). Focus moves after
 * React has rendered the new messages, so the screen reader reads the field and its message together.
 */
export function useFocusFirstInvalid<T extends HTMLElement>(): { containerRef: RefObject<T>; focusFirstInvalid: () => void } {
  const containerRef = useRef<T>(null);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    containerRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request]);
  const focusFirstInvalid = useCallback(() => setRequest((n) => n + 1), []);
  return { containerRef, focusFirstInvalid };
}
