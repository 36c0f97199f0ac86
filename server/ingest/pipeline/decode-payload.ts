// Step 3: size limit, strict UTF-8 and JSON: the payload must be a JSON object.
import { pass, reject, type DecodedMessage, type IdentifiedMessage, type Stage } from "./types";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const MAX_DEPTH = 16;

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
      const { payload } = identified.message;
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
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        return reject("invalid_json", (error as Error).message.slice(0, 200));
      }
      if (typeof json !== "object" || json === null || Array.isArray(json)) {
        return reject("invalid_json", "payload is not a JSON object");
      }
      if (depthExceeds(json, MAX_DEPTH)) return reject("invalid_json", `nested deeper than ${MAX_DEPTH}`);
      return pass({ ...identified, json: json as Record<string, unknown> });
    },
  };
}
