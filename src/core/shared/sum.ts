/**
 * The sum of a list with Neumaier's compensated summation: the low-order bits each addition loses are
 * kept and added back at the end, so a million shares or cents add up to the last digit a double holds.
 * A sum beyond the largest double is ±Infinity (never NaN).
 */
export function compensatedSum(values: ArrayLike<number>, from = 0, to = values.length, scale = 1): number {
  let sum = 0;
  let compensation = 0;
  for (let i = from; i < to; i++) {
    const value = (values[i] as number) * scale;
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  // Once the sum overflows, Infinity − Infinity would make the compensation NaN.
  return Number.isFinite(sum) ? sum + compensation : sum;
}

/**
 * A sum that does not overflow, for shares (value ÷ sum): Σ values·scale, with scale 1 when the plain sum
 * is finite — the usual case, bit for bit {@link compensatedSum} — and otherwise the power of two that
 * brings the largest value to at most 1. A power of two scales exactly, so a share is
 * values[i]·scale ÷ sum, whatever the magnitudes (twelve months of 1e308 are twelve shares of 1/12).
 */
export function scaledSum(values: ArrayLike<number>, from = 0, to = values.length): { readonly sum: number; readonly scale: number } {
  const sum = compensatedSum(values, from, to);
  if (Number.isFinite(sum)) return { sum, scale: 1 };
  let largest = 0;
  for (let i = from; i < to; i++) largest = Math.max(largest, Math.abs(values[i] as number));
  const scale = 2 ** -Math.ceil(Math.log2(largest));
  return { sum: compensatedSum(values, from, to, scale), scale };
}
