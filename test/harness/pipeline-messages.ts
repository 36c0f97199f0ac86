// Builds the messages of each pipeline stage for unit tests of the ingest stages.
import type {
  DecodedMessage,
  DeviceSource,
  Family,
  GuardSource,
  IdentifiedMessage,
  InboundMessage,
  Refusal,
  RoutedMessage,
  Stage,
} from "../../server/ingest/pipeline/types";

export function inboundFor(topic: string, payload: unknown = {}): InboundMessage {
  const bytes = Buffer.isBuffer(payload)
    ? payload
    : Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload));
  return { topic, payload: bytes, qos: 1, arrivedAt: performance.now(), settle: () => {} };
}

const base = { tenantId: "00000000-0000-4000-8000-000000000001", externalId: "x", name: "X" };
const testGuard: GuardSource = {
  ...base,
  kind: "guard",
  guardId: "00000000-0000-4000-8000-000000000002",
  deviceId: null,
  siteId: null,
  site: null,
};
const testDevice: DeviceSource = {
  ...base,
  kind: "device",
  deviceId: "00000000-0000-4000-8000-000000000003",
  guardId: null,
  siteId: null,
  site: null,
};

/** A routed message as identify_source would pass it on: from a guard for GPS and scans, else from a device. */
export function withTestSource(routed: RoutedMessage): IdentifiedMessage {
  const fromGuard = routed.family === "guard" || routed.family === "checkpoint" || routed.family === "check-in";
  return { ...routed, source: fromGuard ? testGuard : testDevice } as IdentifiedMessage;
}

/** A message of `family` as decode_payload receives it: routed and identified. */
export function identifiedFor(family: Family, payload: unknown): IdentifiedMessage {
  return withTestSource({ message: inboundFor(`${family}/x/y`, payload), family, topicId: "x", kind: "y" });
}

/** A message as validate_payload receives it: routed, identified and decoded. */
export function decodedFor(family: Family, json: unknown): DecodedMessage {
  return { ...identifiedFor(family, json), json } as DecodedMessage;
}

/**
 * Runs a synchronous stage (route, decode, validate): its verdict, and what it
 * passed on (empty when it refused).
 */
export function runStage<In, Out>(
  stage: Stage<In, Out>,
  input: In,
): { verdict: { ok: true } | Refusal; output: Partial<Out> } {
  const result = stage.run(input);
  if (result instanceof Promise) throw new Error(`${stage.name} is asynchronous`);
  return result.ok ? { verdict: { ok: true }, output: result.value } : { verdict: result, output: {} };
}
