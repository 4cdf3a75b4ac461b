/**
 * The sum of a list with Neumaier's compensated summation: the low-order bits each addition loses are
 * kept and added back at the end, so a million shares or cents add up to the last digit a double holds.
 */
export function compensatedSum(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  let compensation = 0;
  for (let i = from; i < to; i++) {
    const value = values[i] as number;
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}
