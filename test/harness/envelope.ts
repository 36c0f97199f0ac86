// Builds pipeline envelopes for unit tests of the ingest handlers.
import type { Envelope, Family, Handler, Verdict } from "../../server/ingest/pipeline/types";

export function envelopeFor(topic: string, payload: unknown = {}): Envelope {
  const bytes = Buffer.isBuffer(payload)
    ? payload
    : Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload));
  return { message: { topic, payload: bytes, qos: 1, arrivedAt: performance.now(), settle: () => {} } };
}

/** An envelope as validate_payload receives it: routed and decoded. */
export function decodedEnvelope(family: Family, json: unknown): Envelope {
  return { ...envelopeFor(`${family}/x/y`), family, json };
}

/** Runs a synchronous handler (route, decode, validate) and returns its verdict. */
export function runHandler(handler: Handler, envelope: Envelope): Verdict {
  const verdict = handler.run(envelope);
  if (verdict instanceof Promise) throw new Error(`${handler.name} is asynchronous`);
  return verdict;
}
