import { describe, expect, test } from "vitest";
import { decodedFor, identifiedFor, runStage } from "../../../test/harness/pipeline-messages";
import type { DecodedMessage, Family } from "./types";
import { createDecodePayload } from "./decode-payload";
import { validatePayload } from "./validate-payload";

const now = () => new Date().toISOString();
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

function validate(family: Family, json: unknown) {
  const { verdict, output: envelope } = runStage(validatePayload, decodedFor(family, json));
  return { verdict, envelope };
}

/** Decodes the JSON text first, as the pipeline does (so 1e999 arrives as Infinity). */
function validateText(family: Family, text: string) {
  const decoded = runStage(createDecodePayload({ maxPayloadBytes: 65536 }), identifiedFor(family, text));
  if (!decoded.verdict.ok) return decoded.verdict;
  return runStage(validatePayload, decoded.output as DecodedMessage).verdict;
}

describe("validate_payload accepts the seed payloads of the MQTT contract", () => {
  test.each<[Family, Record<string, unknown>]>([
    ["device", { battery: 87, signal: -71, temperature: 36.5, timestamp: now() }],
    [
      "guard",
      {
        lat: 12.9716,
        lon: 77.5946,
        accuracy: 8.5,
        timestamp: now(),
        guard_id: "G-001",
        client_id: "android-7f3a",
        speed: 1.4,
        heading: 270,
        battery: 64,
      },
    ],
    ["guard", { lat: -33.8688, lon: 151.2093, accuracy: 5, timestamp: "2024-05-01T08:30:00+05:30" }],
    ["sensor", { value: true, state: "alarm", timestamp: now() }],
    ["sensor", { state: "open", timestamp: now() }],
    ["sensor", { value: 22.5, timestamp: now() }],
    [
      "alert",
      {
        alert_type: "panic",
        severity: "critical",
        message: "Guard pressed panic",
        location: { lat: 12.97, lon: 77.59 },
        timestamp: now(),
      },
    ],
    ["system", { status: "ok", value: 12.5, timestamp: now() }],
    ["guard", { lat: 90, lon: -180, msg_id: "m-1", seq: 0 }],
    ["command-result", { command_id: "0b7e4f5e-9c1a-4c3b-8f57-3c2d9a1e6b10", status: "done" }],
    ["config-applied", { version: 3 }],
    ["checkpoint", { code: "k7Qm2xV9pLw4", method: "qr", timestamp: now(), msg_id: "scan-1" }],
    ["checkpoint", { code: "04A2B3C4D5E6F7", method: "nfc" }],
    ["check-in", { timestamp: now(), msg_id: "ok-1" }],
    ["check-in", { timestamp: now(), msg_id: "ok-2", pin: "4812" }],
  ])("%s %j", (family, payload) => {
    const { verdict, envelope } = validate(family, payload);
    expect(verdict).toEqual({ ok: true });
    expect(envelope.data).toMatchObject(payload);
  });

  test("accepts a timestamp up to 5 minutes in the future (device clocks drift)", () => {
    expect(validate("guard", { lat: 1, lon: 1, timestamp: minutesFromNow(4) }).verdict.ok).toBe(true);
  });
});

describe("validate_payload rejects with a reason naming the field", () => {
  test.each<[string, Family, Record<string, unknown>, string]>([
    ["latitude above 90", "guard", { lat: 90.0001, lon: 0 }, "lat"],
    ["latitude below -90", "guard", { lat: -91, lon: 0 }, "lat"],
    ["longitude above 180", "guard", { lat: 0, lon: 180.5 }, "lon"],
    ["a missing latitude", "guard", { lon: 0 }, "lat"],
    ["a latitude as text", "guard", { lat: "12.97", lon: 77.59 }, "lat"],
    ["a latitude of null", "guard", { lat: null, lon: 77.59 }, "lat"],
    ["a latitude of 'NaN'", "guard", { lat: "NaN", lon: 77.59 }, "lat"],
    ["a negative accuracy", "guard", { lat: 0, lon: 0, accuracy: -1 }, "accuracy"],
    ["a heading above 360", "guard", { lat: 0, lon: 0, heading: 361 }, "heading"],
    ["a GPS battery above 100", "guard", { lat: 0, lon: 0, battery: 101 }, "battery"],
    ["a battery above 100", "device", { battery: 100.5 }, "battery"],
    ["a negative battery", "device", { battery: -1 }, "battery"],
    ["a battery as text", "device", { battery: "87%" }, "battery"],
    ["a signal as a boolean", "device", { signal: true }, "signal"],
    ["a msg_id as a number", "guard", { lat: 0, lon: 0, msg_id: 42 }, "msg_id"],
    ["an empty msg_id", "guard", { lat: 0, lon: 0, msg_id: "" }, "msg_id"],
    ["a negative seq", "guard", { lat: 0, lon: 0, seq: -1 }, "seq"],
    ["a fractional seq", "guard", { lat: 0, lon: 0, seq: 1.5 }, "seq"],
    ["a timestamp 6 minutes in the future", "guard", { lat: 0, lon: 0, timestamp: minutesFromNow(6) }, "timestamp"],
    ["a timestamp a year in the future", "device", { battery: 50, timestamp: minutesFromNow(525_600) }, "timestamp"],
    ["a timestamp that is not ISO 8601", "device", { battery: 50, timestamp: "yesterday" }, "timestamp"],
    ["a timestamp as epoch seconds", "device", { battery: 50, timestamp: 1714550000 }, "timestamp"],
    ["a timestamp without a time zone", "device", { battery: 50, timestamp: "2024-05-01T08:30:00" }, "timestamp"],
    ["an unknown alert severity", "alert", { severity: "apocalyptic" }, "severity"],
    ["an alert location out of range", "alert", { location: { lat: 95, lon: 0 } }, "location.lat"],
    ["a sensor reading with neither value nor state", "sensor", { timestamp: now() }, "value"],
    ["a sensor value as an object", "sensor", { value: { nested: 1 } }, "value"],
    ["a command result without a uuid", "command-result", { command_id: "42", status: "done" }, "command_id"],
    [
      "an unknown command status",
      "command-result",
      { command_id: "0b7e4f5e-9c1a-4c3b-8f57-3c2d9a1e6b10", status: "maybe" },
      "status",
    ],
    ["a config version of 0", "config-applied", { version: 0 }, "version"],
    ["a scan without a code", "checkpoint", { method: "qr" }, "code"],
    ["a scan with an empty code", "checkpoint", { code: " ", method: "qr" }, "code"],
    ["a scan by an unknown method", "checkpoint", { code: "k7Qm2xV9pLw4", method: "bluetooth" }, "method"],
    ["a check-in whose PIN is a number", "check-in", { msg_id: "c-1", pin: 4812 }, "pin"],
    ["a check-in with an empty PIN", "check-in", { msg_id: "c-1", pin: "" }, "pin"],
    ["a check-in with a bad timestamp", "check-in", { msg_id: "c-1", timestamp: "yesterday" }, "timestamp"],
  ])("%s", (_label, family, payload, field) => {
    const { verdict, envelope } = validate(family, payload);
    expect(verdict).toMatchObject({ ok: false, reason: "invalid_schema" });
    expect(verdict.ok === false && verdict.detail).toMatch(new RegExp(`^${field.replace(".", "\\.")}: `));
    expect(envelope.data).toBeUndefined();
  });

  test.each<[Family, string, string]>([
    ["guard", '{"lat":1e999,"lon":0}', "lat"],
    ["guard", '{"lat":0,"lon":0,"speed":1e999}', "speed"],
    ["device", '{"battery":-1e999}', "battery"],
    ["device", '{"signal":1e999}', "signal"],
    ["sensor", '{"value":1e999}', "value"],
    ["system", '{"value":-1e999}', "value"],
    ["guard", '{"lat":0,"lon":0,"seq":1e999}', "seq"],
  ])("%s rejects the overflowing number in %s (JSON.parse makes it Infinity)", (family, text, field) => {
    const verdict = validateText(family, text);
    expect(verdict).toMatchObject({ ok: false, reason: "invalid_schema" });
    expect(verdict.ok === false && verdict.detail).toMatch(new RegExp(`^${field}: `));
  });
});

describe("validate_payload keeps unknown fields", () => {
  test("unknown extra fields are kept in extra, not rejected", () => {
    const { verdict, envelope } = validate("guard", {
      lat: 12.97,
      lon: 77.59,
      msg_id: "m-9",
      timestamp: now(),
      firmware: "2.4.1",
      wifi: { ssid: "site-7", rssi: -60 },
    });
    expect(verdict.ok).toBe(true);
    expect(envelope.extra).toEqual({ firmware: "2.4.1", wifi: { ssid: "site-7", rssi: -60 } });
    expect(envelope.data).toMatchObject({ firmware: "2.4.1", lat: 12.97 });
  });

  test("a payload with only known fields has no extra", () => {
    const { envelope } = validate("device", { battery: 80, signal: -70, temperature: 30, msg_id: "x", seq: 3 });
    expect(envelope.extra).toBeNull();
  });

  test("telemetry extras are kept too", () => {
    const { envelope } = validate("device", { battery: 80, uptime_s: 3600 });
    expect(envelope.extra).toEqual({ uptime_s: 3600 });
  });
});
