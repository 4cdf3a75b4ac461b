import type { z } from "zod";

/** Field path ("strengths.0.weight") → the first problem found there, as a code the view turns into words. */
export type FieldErrors<C extends string = string> = Readonly<Record<string, C>>;

/** Field path → what its message needs beyond the code (the text typed, a limit, the nearest multiples). */
export type FieldParams = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export type Validation<T, C extends string = string> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly errors: FieldErrors<C>; readonly params: FieldParams };

/**
 * Parses a form draft with a zod schema whose issue messages are codes; on failure returns the first code
 * per field, keyed by its dotted path, and that issue's params when it has any.
 */
export function validateWith<S extends z.ZodType, C extends string>(schema: S, draft: z.input<S>): Validation<z.output<S>, C> {
  const result = schema.safeParse(draft);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, C> = {};
  const params: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    if (path in errors) continue;
    errors[path] = issue.message as C;
    const extra = (issue as { params?: Readonly<Record<string, unknown>> }).params;
    if (extra !== undefined) params[path] = extra;
  }
  return { ok: false, errors, params };
}
