// Tells the database being unreachable or overloaded (retry the same batch
// later: the broker keeps the messages) from a row it refuses (a retry would
// fail again: isolate and quarantine that message, keep the others).
const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** A transaction PostgreSQL ended because of another's locks. */
const CONFLICT_CODES = new Set([
  "40001", // serialization failure
  "40P01", // deadlock detected
]);

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** Run again, it succeeds (once the other transaction has committed). */
export function isConflict(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === "string" && CONFLICT_CODES.has(code);
}

export function isTransientStorageError(error: unknown): boolean {
  const code = codeOf(error);
  if (typeof code !== "string") return false;
  // 08: connection exception, 53: insufficient resources, 57P: operator intervention (shutdown), 58: system error
  return TRANSIENT_CODES.has(code) || CONFLICT_CODES.has(code) || /^(08|53|57P|58)/.test(code);
}
