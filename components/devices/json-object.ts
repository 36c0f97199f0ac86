// Parses a textarea that must hold a JSON object (command params, device
// configuration) and says what is wrong in words an operator can act on.
export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

export function parseJsonObject(text: string, { emptyIs = {} as Record<string, unknown> } = {}): JsonObjectResult {
  if (text.trim() === "") return { ok: true, value: emptyIs };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, error: 'Must be a JSON object, e.g. {"interval": 30}.' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
