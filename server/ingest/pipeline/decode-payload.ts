// Step 3: size limit, strict UTF-8 and JSON: the payload must be a JSON object.
// A protocol adapter's uplink comes with the object its payload was made from
// (adapted-message.ts), which is taken as it is rather than parsed again.
import { pass, reject, type DecodedMessage, type IdentifiedMessage, type Stage } from "./types";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const MAX_DEPTH = 16;
const ESCAPED_NUL = "\\u0000";

function depthExceeds(value: unknown, limit: number): boolean {
  if (limit < 0) return true;
  if (value === null || typeof value !== "object") return false;
  for (const child of Object.values(value)) if (depthExceeds(child, limit - 1)) return true;
  return false;
}

export function createDecodePayload({
  maxPayloadBytes,
}: {
  maxPayloadBytes: number;
}): Stage<IdentifiedMessage, DecodedMessage> {
  return {
    name: "decode_payload",
    run(identified) {
      const { payload, json: made } = identified.message;
      if (payload.length > maxPayloadBytes) {
        return reject("payload_too_large", `${payload.length} bytes, limit ${maxPayloadBytes}`);
      }
      let json: unknown;
      if (made) {
        // Made by an adapter with JSON.stringify: valid UTF-8 with any NUL escaped, and the object it holds.
        if (payload.includes(ESCAPED_NUL)) return reject("invalid_json", "NUL character");
        json = made;
      } else {
        let text: string;
        try {
          text = utf8.decode(payload);
        } catch {
          return reject("invalid_utf8");
        }
        // PostgreSQL text and jsonb cannot hold NUL characters.
        if (text.includes("\u0000") || text.includes(ESCAPED_NUL)) return reject("invalid_json", "NUL character");
        try {
          json = JSON.parse(text);
        } catch (error) {
          return reject("invalid_json", (error as Error).message.slice(0, 200));
        }
      }
      if (typeof json !== "object" || json === null || Array.isArray(json)) {
        return reject("invalid_json", "payload is not a JSON object");
      }
      if (depthExceeds(json, MAX_DEPTH)) return reject("invalid_json", `nested deeper than ${MAX_DEPTH}`);
      return pass({ ...identified, json: json as Record<string, unknown> });
    },
  };
}
