// The types of the ingest pipeline, one per stage: what arrived
// (InboundMessage), routed to a family (RoutedMessage), with its registered
// source (IdentifiedMessage), parsed (DecodedMessage), validated against its
// family's schema (ValidatedMessage, what the batch writer takes), or refused
// with a reason (RejectedMessage, what the quarantine takes). Each stage adds
// what it establishes, so no later stage has to assert it.
import type { z } from "zod";
import type { ArmedWindow } from "../../../db/schema/sites";
import type {
  alertPayload,
  checkInPayload,
  checkpointScanPayload,
  commandResultPayload,
  configAppliedPayload,
  gpsPayload,
  sensorPayload,
  systemPayload,
  telemetryPayload,
} from "../../contracts/mqtt-payloads";
import type { DownlinkAnswer, UplinkEvent, UplinkFamily } from "../../contracts/mqtt-topics";

/** An uplink family, an event leaf under one (a checkpoint scan, a check-in), or a device's answer to downlink. */
export type Family = UplinkFamily | UplinkEvent | DownlinkAnswer;

export type RejectReason =
  | "topic_not_allowed"
  | "payload_too_large"
  | "invalid_utf8"
  | "invalid_json"
  | "invalid_schema"
  | "unknown_source"
  | "ambiguous_source"
  | "handler_error"
  | "storage_error"
  /** A scanned code that names no checkpoint of the guard's tenant (a wrong code, or another tenant's). */
  | "unknown_checkpoint";

export type InboundMessage = {
  /** Where it came from: the MQTT topic, or what an HTTP adapter names its request (shown in the quarantine). */
  topic: string;
  payload: Buffer;
  /** A protocol adapter's uplink: the JSON object its payload was made from, which decoding takes as it is. */
  json?: Record<string, unknown>;
  qos: 0 | 1 | 2;
  /** performance.now() when the ingestor received it. */
  arrivedAt: number;
  /** Called once the message is durably handled (stored or quarantined); acknowledges it to the broker. */
  settle: () => void;
};

type SourceBase = {
  tenantId: string;
  /** The id the source publishes under (topic id, MQTT username): unique across guards and devices. */
  externalId: string;
  name: string;
};

/** A registered guard: its phone publishes under the guard's id. */
export type GuardSource = SourceBase & {
  kind: "guard";
  guardId: string;
  deviceId: null;
  siteId: null;
  site: null;
};

/** A registered, not revoked device, with the guard it reports for and its site's arming. */
export type DeviceSource = SourceBase & {
  kind: "device";
  deviceId: string;
  guardId: string | null;
  siteId: string | null;
  /** The device's site arming, for door and motion rules. */
  site: { armedSchedule: ArmedWindow[]; timezone: string } | null;
};

export type Source = GuardSource | DeviceSource;

/** The payload each family's schema yields (contracts/mqtt-payloads.ts). */
export type Payloads = {
  device: z.infer<typeof telemetryPayload>;
  guard: z.infer<typeof gpsPayload>;
  checkpoint: z.infer<typeof checkpointScanPayload>;
  "check-in": z.infer<typeof checkInPayload>;
  sensor: z.infer<typeof sensorPayload>;
  alert: z.infer<typeof alertPayload>;
  system: z.infer<typeof systemPayload>;
  "command-result": z.infer<typeof commandResultPayload>;
  "config-applied": z.infer<typeof configAppliedPayload>;
};

/** Who may send each family: GPS, scans and check-ins come from guards, alarms from devices or guards, the rest from devices. */
type SourceOf<F extends Family> = F extends "guard" | "checkpoint" | "check-in"
  ? GuardSource
  : F extends "alert"
    ? Source
    : DeviceSource;

type RoutedAs<F extends Family> = {
  message: InboundMessage;
  family: F;
  /** The id segment of the topic: a device, guard, sensor or component id. */
  topicId: string;
  /** The segment after the id (telemetry, gps, a sensor kind, a metric, an answer) or the alert type. */
  kind: string;
};

type IdentifiedAs<F extends Family> = RoutedAs<F> & { source: SourceOf<F> };

// Unions over the families, so that checking `family` narrows the source and the payload.
export type RoutedMessage = { [F in Family]: RoutedAs<F> }[Family];
export type IdentifiedMessage = { [F in Family]: IdentifiedAs<F> }[Family];
export type DecodedMessage = { [F in Family]: IdentifiedAs<F> & { json: Record<string, unknown> } }[Family];

/**
 * A message of family F that passed its family's schema, with its authenticated
 * source: what the batch writer stores. Protocol adapters (OwnTracks, Traccar,
 * Zigbee2MQTT) build this same type and hand it to the pipeline's `submit`
 * (docs/architecture.md, "Adding a device protocol").
 */
export type ValidatedAs<F extends Family> = {
  message: InboundMessage;
  family: F;
  /** The alert type, sensor kind, system metric or answer leaf; the topic leaf for device and guard. */
  kind: string;
  /** The publisher, as the broker (or the adapter) authenticated it; the tenant comes from here, never the payload. */
  source: SourceOf<F>;
  data: Payloads[F];
  /** Fields the schema does not know, kept in the rows' extra column; null when there are none. */
  extra: Record<string, unknown> | null;
  /** The device's own timestamp when it sent one, else when the message arrived. */
  recordedAt: Date;
};

export type ValidatedMessage = { [F in Family]: ValidatedAs<F> }[Family];

/** A message a stage refused: quarantined with its reason, under its tenant and device when known. */
export type RejectedMessage = {
  message: InboundMessage;
  family: Family | "unknown";
  source: Source | null;
  reason: RejectReason;
  detail?: string;
};

export type Refusal = { ok: false; reason: RejectReason; detail?: string };
export type StageResult<Out> = { ok: true; value: Out } | Refusal;

/** One step of the pipeline: takes what the step before established and adds to it, or refuses. */
export type Stage<In, Out> = {
  name: string;
  run: (input: In) => StageResult<Out> | Promise<StageResult<Out>>;
};

export function pass<Out>(value: Out): StageResult<Out> {
  return { ok: true, value };
}

export function reject(reason: RejectReason, detail?: string): Refusal {
  return detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
}

export function isOfFamily<F extends Family>(family: F) {
  return (m: ValidatedMessage): m is Extract<ValidatedMessage, { family: F }> => m.family === family;
}

/** What the batch writer takes: a message to store, or one to quarantine. */
export type BatchItem = ValidatedMessage | RejectedMessage;

export function isRejected(item: BatchItem): item is RejectedMessage {
  return "reason" in item;
}
