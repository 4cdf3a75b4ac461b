/** A customer id as it arrives from a cell: text or a number. */
export type CustomerId = string | number;

/**
 * The identity of a customer id: two ids are the same customer when their keys are equal.
 *
 * Text compares exactly (case, spaces and leading zeros count: "A001" ≠ "a001", "001001" ≠ "1001"), with one
 * exception: text that is exactly how the number would be written ("1001", "-7", "2.5") is the same customer
 * as that number, because Excel workbooks routinely hold the same id as a number in one sheet and as text
 * in another (an import, a leading apostrophe).
 */
export function customerKey(id: CustomerId): CustomerId {
  if (typeof id === "number") return id;
  const first = id.charCodeAt(0);
  const mayBeNumber = (first >= 48 && first <= 57) || first === 45; // a digit or "-"
  if (!mayBeNumber) return id;
  const asNumber = Number(id);
  return String(asNumber) === id ? asNumber : id;
}
