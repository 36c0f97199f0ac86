// Types shared by the ingest pipeline's handlers.
import type { ArmedWindow } from "../../../db/schema/sites";
import type { DownlinkAnswer, UplinkFamily } from "../../contracts/mqtt-topics";

/** An uplink family, or a device's answer to downlink (command progress, applied configuration). */
export type Family = UplinkFamily | DownlinkAnswer;

export type RejectReason =
  | "topic_not_allowed"
  | "payload_too_large"
  | "invalid_utf8"
  | "invalid_json"
  | "invalid_schema"
  | "unknown_source"
  | "ambiguous_source"
  | "handler_error"
  | "storage_error";

export type InboundMessage = {
  topic: string;
  payload: Buffer;
  qos: 0 | 1 | 2;
  /** performance.now() when the ingestor received it. */
  arrivedAt: number;
  /** Called once the message is durably handled (stored or quarantined); acknowledges it to the broker. */
  settle: () => void;
};

export type Source = {
  tenantId: string;
  externalId: string;
  name: string;
  guardId: string | null;
  deviceId: string | null;
  siteId: string | null;
  /** The device's site arming, for door and motion rules. */
  site: { armedSchedule: ArmedWindow[]; timezone: string } | null;
};

/** A message as it moves through the handlers; each handler fills in more. */
export type Envelope = {
  message: InboundMessage;
  family?: Family;
  /** The id segment of the topic: a device, guard, sensor or component id. */
  topicId?: string;
  /** The segment after the id (telemetry, gps, a sensor kind, a metric) or the alert type. */
  kind?: string;
  json?: unknown;
  data?: Record<string, unknown>;
  extra?: Record<string, unknown> | null;
  source?: Source;
};

export type Verdict = { ok: true } | { ok: false; reason: RejectReason; detail?: string };

export type Handler = {
  name: string;
  run: (envelope: Envelope) => Verdict | Promise<Verdict>;
};

export const accept: Verdict = { ok: true };

export function reject(reason: RejectReason, detail?: string): Verdict {
  return detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
}
