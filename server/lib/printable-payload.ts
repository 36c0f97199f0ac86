// How a rejected message's payload is kept in the quarantine, by the pipeline
// and by the embedded broker alike.
const MAX_PAYLOAD_CHARS = 4096;

/** The first 4 KiB as text. */
export function printablePayload(payload: Buffer): string {
  // Lossy on purpose: the copy is for people reading the quarantine, and
  // PostgreSQL text cannot hold NUL or invalid UTF-8.
  return payload.subarray(0, MAX_PAYLOAD_CHARS).toString("utf8").replaceAll("\u0000", "\uFFFD");
}
