/** Splits a reading's value into the numeric and text columns (booleans count as 1 and 0). */
export function splitValue(value: unknown): { valueNum: number | null; valueText: string | null } {
  if (typeof value === "number") return { valueNum: value, valueText: null };
  if (typeof value === "boolean") return { valueNum: value ? 1 : 0, valueText: String(value) };
  if (typeof value === "string") return { valueNum: null, valueText: value };
  return { valueNum: null, valueText: null };
}
