// Step 3: the zod schema of the message's family. Fields the schema does not
// know are kept aside in envelope.extra, not rejected.
import type { z } from "zod";
import {
  alertPayload,
  commandResultPayload,
  configAppliedPayload,
  gpsPayload,
  sensorPayload,
  systemPayload,
  telemetryPayload,
} from "../../contracts/mqtt-payloads";
import { accept, reject, type Envelope, type Family, type Handler } from "./types";

const schemas: Record<Family, z.ZodType<Record<string, unknown>>> = {
  device: telemetryPayload,
  guard: gpsPayload,
  sensor: sensorPayload,
  alert: alertPayload,
  system: systemPayload,
  "command-result": commandResultPayload,
  "config-applied": configAppliedPayload,
};

const knownKeys: Record<Family, Set<string>> = {
  device: new Set(["battery", "signal", "temperature"]),
  guard: new Set(["lat", "lon", "accuracy", "speed", "heading", "battery"]),
  sensor: new Set(["value", "state"]),
  alert: new Set(["alert_type", "severity", "message", "location"]),
  system: new Set(["status", "value"]),
  "command-result": new Set(["command_id", "status", "result", "error"]),
  "config-applied": new Set(["version"]),
};
const envelopeKeys = new Set(["msg_id", "seq", "timestamp"]);

function extraFields(family: Family, data: Record<string, unknown>): Record<string, unknown> | null {
  const entries = Object.entries(data).filter(([key]) => !envelopeKeys.has(key) && !knownKeys[family].has(key));
  return entries.length === 0 ? null : Object.fromEntries(entries);
}

export const validatePayload: Handler = {
  name: "validate_payload",
  run(envelope: Envelope) {
    const family = envelope.family!;
    const result = schemas[family].safeParse(envelope.json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = issue?.path.join(".") || "(root)";
      return reject("invalid_schema", `${path}: ${issue?.message ?? "invalid"}`);
    }
    envelope.data = result.data;
    envelope.extra = extraFields(family, result.data);
    return accept;
  },
};
