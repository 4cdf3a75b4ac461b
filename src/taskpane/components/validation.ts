import type { z } from "zod";

/** Field path ("strengths.0.weight") → the first problem found there, as a code the view turns into words. */
export type FieldErrors<C extends string = string> = Readonly<Record<string, C>>;

export type Validation<T, C extends string = string> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly errors: FieldErrors<C> };

/**
 * Parses a form draft with a zod schema whose issue messages are codes; on failure returns the first code
 * per field, keyed by its dotted path.
 */
export function validateWith<S extends z.ZodType, C extends string>(schema: S, draft: z.input<S>): Validation<z.output<S>, C> {
  const result = schema.safeParse(draft);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, C> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    errors[path] ??= issue.message as C;
  }
  return { ok: false, errors };
}
