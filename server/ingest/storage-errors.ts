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
  "40001", // serialization failure
  "40P01", // deadlock detected
]);

/** A transaction PostgreSQL ended because of another's locks: run again, it succeeds. */
export function isConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40001" || code === "40P01";
}

export function isTransientStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  // 08: connection exception, 53: insufficient resources, 57P: operator intervention (shutdown), 58: system error
  return TRANSIENT_CODES.has(code) || /^(08|53|57P|58)/.test(code);
}
