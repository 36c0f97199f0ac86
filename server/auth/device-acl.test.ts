import { describe, expect, test } from "vitest";
import { isValidClientId, mayPublish, maySubscribe, type DeviceIdentity } from "./device-acl";

const phone: DeviceIdentity = { externalId: "phone-1", guardExternalId: "G-1" };
const sensor: DeviceIdentity = { externalId: "smoke-9", guardExternalId: null };

describe("mayPublish", () => {
  test.each([
    "device/phone-1/telemetry",
    "guard/G-1/gps",
    "sensor/phone-1/motion",
    "system/phone-1/cpu",
    "alert/panic/phone-1",
    "alert/panic/G-1",
    "device/phone-1/command-results",
    "sensor/phone-1/config-applied",
  ])("a guard phone may publish its own uplink %s", (topic) => {
    expect(mayPublish(phone, topic)).toBe(true);
  });

  test.each([
    ["another device's telemetry", "device/phone-2/telemetry"],
    ["another guard's GPS", "guard/G-2/gps"],
    ["an alert under another source", "alert/panic/G-2"],
    ["its own downlink commands", "device/phone-1/commands"],
    ["its own config", "guard/G-1/config"],
    ["its own receipts", "device/phone-1/receipts"],
    ["a sensor downlink", "sensor/phone-1/commands"],
    ["an answer under its guard id (guards receive no commands)", "guard/G-1/config-applied"],
    ["GPS under its device id", "guard/phone-1/gps"],
    ["telemetry under its guard id", "device/G-1/telemetry"],
    ["the wrong leaf for its family", "device/phone-1/gps"],
    ["a family outside the contract", "admin/phone-1/telemetry"],
    ["a wildcard id", "guard/+/gps"],
    ["a multi-level wildcard", "guard/G-1/#"],
    ["a wildcard alert source", "alert/panic/+"],
    ["too few levels", "guard/G-1"],
    ["too many levels", "guard/G-1/gps/extra"],
    ["an empty level", "guard//gps"],
    ["a $SYS topic", "$SYS/broker/clients"],
  ])("a guard phone may not publish %s", (_label, topic) => {
    expect(mayPublish(phone, topic)).toBe(false);
  });

  test("a device without a guard may not publish any guard's GPS", () => {
    expect(mayPublish(sensor, "guard/smoke-9/gps")).toBe(false);
    expect(mayPublish(sensor, "guard/G-1/gps")).toBe(false);
    expect(mayPublish(sensor, "sensor/smoke-9/smoke")).toBe(true);
    expect(mayPublish(sensor, "alert/fire/smoke-9")).toBe(true);
  });
});

describe("maySubscribe", () => {
  test.each(["device/phone-1/commands", "device/phone-1/config", "device/phone-1/receipts", "guard/G-1/receipts"])(
    "a device may subscribe to its own downlink %s",
    (topic) => {
      expect(maySubscribe(phone, topic)).toBe(true);
    },
  );

  test.each([
    ["another device's commands", "device/phone-2/commands"],
    ["another guard's receipts", "guard/G-2/receipts"],
    ["a wildcard over devices", "device/+/commands"],
    ["a wildcard over its own topics", "device/phone-1/#"],
    ["everything", "#"],
    ["its own uplink", "device/phone-1/telemetry"],
    ["GPS of its guard", "guard/G-1/gps"],
    ["a shared subscription", "$share/x/device/phone-1/commands"],
  ])("a device may not subscribe to %s", (_label, topic) => {
    expect(maySubscribe(phone, topic)).toBe(false);
  });

  test("a device without a guard may not subscribe to guard topics", () => {
    expect(maySubscribe(sensor, "guard/smoke-9/receipts")).toBe(false);
    expect(maySubscribe(sensor, "device/smoke-9/commands")).toBe(true);
    // Vigil publishes nothing under sensor/: commands and config reach every device under device/.
    expect(maySubscribe(sensor, "sensor/smoke-9/commands")).toBe(false);
  });
});

describe("isValidClientId", () => {
  test("accepts ordinary ids up to 128 characters", () => {
    expect(isValidClientId("phone-1")).toBe(true);
    expect(isValidClientId("x".repeat(128))).toBe(true);
  });

  test.each([
    ["empty", ""],
    ["longer than 128", "x".repeat(129)],
    ["with a + wildcard", "phone+1"],
    ["with a # wildcard", "phone#1"],
    ["with a slash", "phone/1"],
    ["with NUL", "phone\u00001"],
    ["with a newline", "phone\n1"],
    ["decoded from invalid UTF-8", Buffer.from([0x70, 0xc3, 0x28]).toString("utf8")],
    ["starting with $", "$SYS"],
  ])("refuses a client id %s", (_label, clientId) => {
    expect(isValidClientId(clientId)).toBe(false);
  });
});
