// Step 2: size limit, strict UTF-8 and JSON. Produces envelope.json.
import { accept, reject, type Envelope, type Handler } from "./types";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const MAX_DEPTH = 16;

function depthExceeds(value: unknown, limit: number): boolean {
  if (limit < 0) return true;
  if (value === null || typeof value !== "object") return false;
  for (const child of Object.values(value)) if (depthExceeds(child, limit - 1)) return true;
  return false;
}

export function createDecodePayload({ maxPayloadBytes }: { maxPayloadBytes: number }): Handler {
  return {
    name: "decode_payload",
    run(envelope: Envelope) {
      const { payload } = envelope.message;
      if (payload.length > maxPayloadBytes) {
        return reject("payload_too_large", `${payload.length} bytes, limit ${maxPayloadBytes}`);
      }
      let text: string;
      try {
        text = utf8.decode(payload);
      } catch {
        return reject("invalid_utf8");
      }
      // PostgreSQL text and jsonb cannot hold NUL characters.
      if (text.includes("\u0000") || text.includes("\\u0000")) return reject("invalid_json", "NUL character");
      try {
        envelope.json = JSON.parse(text);
      } catch (error) {
        return reject("invalid_json", (error as Error).message.slice(0, 200));
      }
      if (typeof envelope.json !== "object" || envelope.json === null || Array.isArray(envelope.json)) {
        return reject("invalid_json", "payload is not a JSON object");
      }
      if (depthExceeds(envelope.json, MAX_DEPTH)) return reject("invalid_json", `nested deeper than ${MAX_DEPTH}`);
      return accept;
    },
  };
}
