// What the audit log must never hold: passwords, password and credential
// hashes, device secrets, tracking keys and other keys, session and link
// tokens, push keys (and, in a device's configuration, fields named so).
// Any such field, at any depth, is replaced by a marker that says a value was
// there (so "the credentials were rotated" still reads from the entry).
export const REDACTED = "[redacted]";

// Matched against the field's name without "_" and "-": trackingKey, api_key, secret_hash, wifi-psk...
const SECRET_KEY = /pass(word|wd|phrase)|secret|hash|token|credential|psk|key$|p256dh|^auth$/i;

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
