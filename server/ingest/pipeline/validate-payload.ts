// Step 4: the zod schema of the message's family. Fields the schema does not
// know are kept aside in `extra`, not rejected. The result is the validated
// message the batch writer stores, the same type protocol adapters produce.
import type { z } from "zod";
import {
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
import {
  pass,
  reject,
  type DecodedMessage,
  type Family,
  type Payloads,
  type Stage,
  type ValidatedMessage,
} from "./types";

const schemas: { [F in Family]: z.ZodType<Payloads[F]> } = {
  device: telemetryPayload,
  guard: gpsPayload,
  checkpoint: checkpointScanPayload,
  "check-in": checkInPayload,
  sensor: sensorPayload,
  alert: alertPayload,
  system: systemPayload,
  "command-result": commandResultPayload,
  "config-applied": configAppliedPayload,
};

const knownKeys: Record<Family, Set<string>> = {
  device: new Set(["battery", "signal", "temperature"]),
  guard: new Set(["lat", "lon", "accuracy", "speed", "heading", "battery"]),
  checkpoint: new Set(["code", "method"]),
  "check-in": new Set(["pin"]),
  sensor: new Set(["value", "state"]),
  alert: new Set(["alert_type", "severity", "message", "location"]),
  system: new Set(["status", "value"]),
  "command-result": new Set(["command_id", "status", "result", "error"]),
  "config-applied": new Set(["version"]),
};
const envelopeKeys = new Set(["msg_id", "seq", "timestamp"]);

function extraFields(family: Family, data: Record<string, unknown>): Record<string, unknown> | null {
  const known = knownKeys[family];
  let extra: Record<string, unknown> | null = null;
  // A loop, not entries/filter/fromEntries: every stored message passes here.
  for (const key of Object.keys(data)) {
    if (envelopeKeys.has(key) || known.has(key)) continue;
    // No prototype: a field named __proto__ is kept as a field like any other.
    extra ??= Object.create(null) as Record<string, unknown>;
    extra[key] = data[key];
  }
  return extra;
}

/** The device's own timestamp when it sent one, else the wall-clock time the message arrived. */
function recordedAt(timestamp: string | undefined, arrivedAt: number): Date {
  return timestamp !== undefined ? new Date(timestamp) : new Date(Date.now() - (performance.now() - arrivedAt));
}

export const validatePayload: Stage<DecodedMessage, ValidatedMessage> = {
  name: "validate_payload",
  run({ message, family, kind, source, json }) {
    const result = schemas[family].safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = issue?.path.join(".") || "(root)";
      return reject("invalid_schema", `${path}: ${issue?.message ?? "invalid"}`);
    }
    const data = result.data;
    // The schema was chosen by `family` and `source` came with it, so the three agree; TypeScript cannot follow
    // that through the lookup above.
    return pass({
      message,
      family,
      kind,
      source,
      data,
      extra: extraFields(family, data),
      recordedAt: recordedAt(data.timestamp, message.arrivedAt),
    } as ValidatedMessage);
  },
};
