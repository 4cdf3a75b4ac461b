/** What a cell may show after a custom-function call: the invariant the cell-safety property tests check. */

/** A custom-function adapter as Excel calls it. */
export type Adapter = (...args: any[]) => unknown;

export interface ShownRules {
  /** The Excel errors the call may throw (a #VALUE! must say what to fix). */
  readonly thrown: readonly string[];
  /** The Excel errors one cell of an array result may hold (default none: every cell a finite number). */
  readonly inCells?: readonly string[];
  /** The result must be an array (a spill), not a single value. */
  readonly array?: boolean;
}

/**
 * Calls `adapter` with `values` and checks what Excel would show: a CustomFunctions.Error the rules allow,
 * never the "Unexpected problem" message that marks a bug; or cells that are finite numbers (or allowed
 * error values) — never NaN, Infinity, undefined or an empty spill.
 */
export function checkShown(adapter: Adapter, values: unknown[], rules: ShownRules): void {
  let result: unknown;
  try {
    result = adapter(...values);
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    const { code, message } = error as CustomFunctions.Error;
    expect(rules.thrown).toContain(code);
    if (code === "#VALUE!") expect(message).toMatch(/\S/);
    expect(message ?? "").not.toMatch(/^Unexpected problem/);
    return;
  }
  if (rules.array === true) expect(Array.isArray(result)).toBe(true);
  if (!Array.isArray(result)) {
    checkCell(result, rules);
    return;
  }
  expect(result.length).toBeGreaterThan(0);
  for (const cells of result) {
    expect(Array.isArray(cells)).toBe(true);
    for (const value of cells as unknown[]) checkCell(value, rules);
  }
}

function checkCell(value: unknown, rules: ShownRules): void {
  if (value instanceof CustomFunctions.Error) {
    expect(rules.inCells ?? []).toContain(value.code);
    return;
  }
  expect(typeof value).toBe("number");
  expect(Number.isFinite(value)).toBe(true);
}
