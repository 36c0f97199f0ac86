// What the audit log must never hold: passwords, password and credential
// hashes, device secrets, tracking keys, session and link tokens, push keys.
// Any such field, at any depth, is replaced by a marker that says a value was
// there (so "the credentials were rotated" still reads from the entry).
export const REDACTED = "[redacted]";

const SECRET_KEY = /password|secret|hash|token|trackingkey|apikey|privatekey|p256dh|^auth$/i;

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      SECRET_KEY.test(key.replace(/[_-]/g, "")) && v != null ? REDACTED : redactSecrets(v),
    ]),
  );
}
