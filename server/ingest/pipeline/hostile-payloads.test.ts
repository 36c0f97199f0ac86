// Property: whatever arrives on whatever topic, the pipeline's pure handlers
// never throw, and a message they accept satisfies its family's ranges.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromOwnTracks } from "../adapters/owntracks";
import { jsonObjectOf } from "../adapters/adapted-message";
import { fromZigbee2MqttState, parseAvailability } from "../adapters/zigbee2mqtt";
import { parseZigbee2MqttTopic } from "../../contracts/mqtt-topics";
import { createDecodePayload } from "./decode-payload";
import { routeTopic } from "./route-topic";
import { inboundFor, runStage, withTestSource } from "../../../test/harness/pipeline-messages";
import type { DecodedMessage, RoutedMessage, ValidatedMessage } from "./types";
import { validatePayload } from "./validate-payload";

// Fields each family's schema checks; other fields are kept as extras, unvalidated by design.
const NUMERIC_FIELDS: Partial<Record<string, string[]>> = {
  guard: ["lat", "lon", "accuracy", "battery", "speed", "heading"],
  device: ["battery", "signal", "temperature"],
};

const decode = createDecodePayload({ maxPayloadBytes: 64 * 1024 });
const REASONS = new Set(["topic_not_allowed", "payload_too_large", "invalid_utf8", "invalid_json", "invalid_schema"]);

/** Route, decode and validate (identify needs the database: a test source stands in for it). */
function run(topic: string, payload: Buffer) {
  const routed = runStage(routeTopic, inboundFor(topic, payload));
  if (!routed.verdict.ok) return { verdict: routed.verdict, envelope: {} };
  const decoded = runStage(decode, withTestSource(routed.output as RoutedMessage));
  if (!decoded.verdict.ok) return { verdict: decoded.verdict, envelope: {} };
  const { verdict, output } = runStage(validatePayload, decoded.output as DecodedMessage);
  return { verdict, envelope: output as Partial<ValidatedMessage> };
}

const family = fc.constantFrom("device", "guard", "sensor", "alert", "system", "$SYS", "#", "+", "", "foo");
const leaf = fc.constantFrom(
  "telemetry",
  "gps",
  "smoke",
  "door",
  "panic",
  "cpu",
  "command-results",
  "config-applied",
  "+",
);
const topic = fc.oneof(
  fc.tuple(family, fc.string({ maxLength: 12 }), leaf).map(([f, id, l]) => `${f}/${id}/${l}`),
  fc
    .tuple(family, fc.constantFrom("guard-1", "dev-1"), leaf)
    .map(([f, id, l]) => (f === "alert" ? `alert/${l}/${id}` : `${f}/${id}/${l}`)),
  fc.string({ maxLength: 60 }),
);

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(Infinity, -Infinity, "NaN", "Infinity", null, true, "", "\u0000", "x".repeat(5000)),
  fc.double(),
  fc.integer(),
);
const gpsLike = fc.record(
  {
    lat: hostileValue,
    lon: hostileValue,
    accuracy: hostileValue,
    battery: hostileValue,
    signal: hostileValue,
    temperature: hostileValue,
    timestamp: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string(),
      hostileValue,
    ),
    msg_id: fc.oneof(fc.string({ maxLength: 200 }), hostileValue),
    value: hostileValue,
    state: hostileValue,
    severity: hostileValue,
    location: fc.oneof(fc.record({ lat: hostileValue, lon: hostileValue }), hostileValue),
  },
  { requiredKeys: [] },
);
const payload = fc.oneof(
  gpsLike.map((o) => Buffer.from(JSON.stringify(o))),
  gpsLike.map((o) =>
    Buffer.from(`{"__proto__":{"polluted":1},"constructor":{"prototype":{}},${JSON.stringify(o).slice(1)}`),
  ),
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? "null")),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  fc.integer({ min: 1, max: 200 }).map((depth) => Buffer.from("[".repeat(depth) + "]".repeat(depth))),
  fc.integer({ min: 1, max: 40 }).map((depth) => Buffer.from('{"a":'.repeat(depth) + "1" + "}".repeat(depth))),
  fc.constant(Buffer.alloc(70 * 1024, 0x7b)),
  fc.string().map((s) => Buffer.from(s)),
);

describe("hostile MQTT input", () => {
  it("never throws on 100,000 generated messages and accepts only in-range data", () => {
    let accepted = 0;
    fc.assert(
      fc.property(topic, payload, (t, p) => {
        const { verdict, envelope } = run(t, p);
        if (!verdict.ok) {
          expect(REASONS.has(verdict.reason)).toBe(true);
          return;
        }
        accepted += 1;
        const data = envelope.data!;
        for (const key of NUMERIC_FIELDS[envelope.family!] ?? []) {
          if (data[key] !== undefined) expect(Number.isFinite(data[key])).toBe(true);
        }
        if (envelope.family === "guard") {
          expect(Math.abs(data.lat as number)).toBeLessThanOrEqual(90);
          expect(Math.abs(data.lon as number)).toBeLessThanOrEqual(180);
        }
        if (envelope.family === "device" && data.battery !== undefined) {
          expect(data.battery as number).toBeGreaterThanOrEqual(0);
          expect(data.battery as number).toBeLessThanOrEqual(100);
        }
        if (typeof data.timestamp === "string") {
          expect(Date.parse(data.timestamp)).toBeLessThanOrEqual(Date.now() + 5 * 60 * 1000);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 100_000 },
    );
    // The generator must also reach the accepting path, or the property says little.
    expect(accepted).toBeGreaterThan(0);
  }, 120_000);
});

// OwnTracks payloads (owntracks.org/booklet/tech/json) with hostile values, through the adapter and then the same
// handlers: the adapter never throws, never lets the payload choose the topic, and what passes is in range.
const ownTracksLike = fc.record(
  {
    _type: fc.oneof(fc.constantFrom("location", "transition", "lwt", "waypoint", "cmd", "encrypted"), hostileValue),
    lat: hostileValue,
    lon: hostileValue,
    acc: hostileValue,
    vel: hostileValue,
    cog: hostileValue,
    batt: hostileValue,
    tst: fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.double(), hostileValue),
    event: hostileValue,
    desc: hostileValue,
    topic: hostileValue,
    msg_id: hostileValue,
  },
  { requiredKeys: [] },
);
const ownTracksPayload = fc.oneof(
  ownTracksLike.map((o) => Buffer.from(JSON.stringify(o))),
  ownTracksLike.map((o) => Buffer.from(`{"__proto__":{"polluted":1},${JSON.stringify(o).slice(1)}`)),
  payload,
);

describe("hostile OwnTracks input", () => {
  it("never throws on 20,000 generated payloads, keeps to the login's own topics and accepts only in-range data", () => {
    const source = { deviceExternalId: "phone-1", deviceName: "iPhone", guardExternalId: "G-1" };
    const own = new Set(["guard/G-1/gps", "device/phone-1/telemetry", "sensor/phone-1/transition"]);
    let accepted = 0;
    fc.assert(
      fc.property(ownTracksPayload, (p) => {
        const adapted = fromOwnTracks(p, source, 64 * 1024);
        if (adapted.kind !== "native") return;
        for (const uplink of adapted.uplinks) {
          expect(own.has(uplink.topic)).toBe(true);
          const { verdict, envelope } = run(uplink.topic, uplink.payload);
          if (!verdict.ok) {
            expect(REASONS.has(verdict.reason)).toBe(true);
            continue;
          }
          accepted += 1;
          for (const key of NUMERIC_FIELDS[envelope.family!] ?? []) {
            if (envelope.data![key] !== undefined) expect(Number.isFinite(envelope.data![key])).toBe(true);
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 20_000 },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 120_000);
});

// Zigbee2MQTT states (zigbee2mqtt.io, guide/usage/exposes) with hostile values and keys, through the adapter and then
// the same handlers: nothing throws, every uplink is the gateway sensor's own, and what passes is in range.
const zigbeeExpose = fc.constantFrom(
  "smoke",
  "contact",
  "occupancy",
  "water_leak",
  "tamper",
  "action",
  "battery",
  "temperature",
  "last_seen",
  "linkquality",
  "__proto__",
  "constructor",
  "msg_id",
  "timestamp",
);
const zigbeeState = fc.dictionary(fc.oneof(zigbeeExpose, fc.string({ maxLength: 20 })), hostileValue, { maxKeys: 12 });
const zigbeePayload = fc.oneof(
  zigbeeState.map((o) => Buffer.from(JSON.stringify(o))),
  zigbeeState.map((o) => Buffer.from(`{"__proto__":{"polluted":1},${JSON.stringify(o).slice(1)}`)),
  payload,
);

describe("hostile Zigbee2MQTT input", () => {
  it("never throws on 20,000 generated states, keeps to the sensor's own topics and accepts only in-range data", () => {
    const sensor = "gw-1::hall_smoke";
    let accepted = 0;
    fc.assert(
      fc.property(zigbeePayload, (p) => {
        expect(["online", "offline", null]).toContain(parseAvailability(p));
        const state = jsonObjectOf(p, 64 * 1024);
        if (!state) return;
        for (const uplink of fromZigbee2MqttState(state, sensor)) {
          const own = [`device/${sensor}/telemetry`, `alert/panic/${sensor}`];
          expect(uplink.topic.startsWith(`sensor/${sensor}/`) || own.includes(uplink.topic)).toBe(true);
          const { verdict, envelope } = run(uplink.topic, uplink.payload);
          if (!verdict.ok) {
            expect(REASONS.has(verdict.reason)).toBe(true);
            continue;
          }
          accepted += 1;
          for (const key of NUMERIC_FIELDS[envelope.family!] ?? []) {
            if (envelope.data![key] !== undefined) expect(Number.isFinite(envelope.data![key])).toBe(true);
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 20_000 },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 120_000);

  it("never throws on generated topics, and names only the gateway the topic's second level names", () => {
    const level = fc.oneof(fc.constantFrom("bridge", "state", "set", "get", "availability", "+", "#", ""), fc.string());
    fc.assert(
      fc.property(fc.array(level, { maxLength: 6 }), (levels) => {
        const topic = ["zigbee2mqtt", ...levels].join("/");
        const parsed = parseZigbee2MqttTopic(topic);
        if (!("refused" in parsed)) expect(parsed.gateway).toBe(topic.split("/")[1]);
      }),
      { numRuns: 20_000 },
    );
  });
});
