import type { Envelope } from "../pipeline/types";

/** The device's own timestamp when it sent one, else the time it reached us. */
export function recordedAt(envelope: Envelope): Date {
  const stamp = envelope.data?.timestamp;
  return typeof stamp === "string"
    ? new Date(stamp)
    : new Date(Date.now() - (performance.now() - envelope.message.arrivedAt));
}
