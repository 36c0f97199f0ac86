// What a protocol adapter makes of one message: native uplinks (topic and
// JSON payload) that the pipeline then routes, validates and stores like any
// other, a device that said it is going offline, a message refused with its
// reason (quarantined under its original topic), or a message Vigil has no use
// for (accepted and dropped, without quarantine).
import type { RejectedMessage } from "../pipeline/types";

export type NativeUplink = {
  topic: string;
  payload: Buffer;
  /** The JSON object the payload was made from (as the payload would parse), so the pipeline need not parse it. */
  json?: Record<string, unknown>;
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The JSON object a payload holds (strict UTF-8, at most `maxPayloadBytes`), or null when it holds none. */
export function jsonObjectOf(payload: Buffer, maxPayloadBytes: number): Record<string, unknown> | null {
  if (payload.length > maxPayloadBytes) return null;
  try {
    const json: unknown = JSON.parse(utf8.decode(payload));
    return isJsonObject(json) ? json : null;
  } catch {
    return null;
  }
}

export type AdaptedMessage =
  | { kind: "native"; uplinks: NativeUplink[] }
  | {
      kind: "offline";
      deviceExternalId: string;
      /** Why, for the alert: "its app's connection to Vigil was lost" unless given. */
      cause?: string;
      /** A gateway: the sensors behind it are unreachable too, under its one alert. */
      withSensors?: boolean;
    }
  | { kind: "rejected"; rejection: Omit<RejectedMessage, "message"> }
  | { kind: "ignored"; reason: string };

export function nativeUplink(topic: string, payload: Record<string, unknown> | Buffer): NativeUplink {
  if (Buffer.isBuffer(payload)) return { topic, payload };
  const text = JSON.stringify(payload);
  // As the text parses back: the object itself, unless a field of it was left undefined (then absent).
  const json = Object.values(payload).includes(undefined) ? (JSON.parse(text) as Record<string, unknown>) : payload;
  return { topic, payload: Buffer.from(text), json };
}

export function native(...uplinks: NativeUplink[]): AdaptedMessage {
  return { kind: "native", uplinks };
}

/** Epoch seconds as an ISO time; anything else is passed on for the native schema to refuse, naming the field. */
export function epochSecondsToIso(value: unknown): unknown {
  if (typeof value !== "number" || !Number.isFinite(value)) return value;
  const at = new Date(value * 1000);
  return Number.isNaN(at.getTime()) ? String(value) : at.toISOString();
}
