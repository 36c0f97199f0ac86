import { describe, expect, test } from "vitest";
import { clientIdOwner, deviceOwnsClientId, isReservedMqttName } from "./mqtt-identity";

describe("MQTT names", () => {
  test.each([
    ["phone-1", "phone-1", true],
    ["phone-1", "phone-1@tablet", true],
    ["phone-1", "phone-1@", true],
    ["phone-1", "phone-10", false],
    ["phone-1", "phone-1-x", false],
    ["phone-1", "phone-1:x", false],
    ["phone-1", "phone-2@phone-1", false],
    ["phone-1", "vigil-ingest-host-1883", false],
  ])("device %s owns client id %s: %s", (externalId, clientId, owns) => {
    expect(deviceOwnsClientId(externalId, clientId)).toBe(owns);
  });

  test("the owner of a client id is what comes before the first @", () => {
    expect(clientIdOwner("a@b@c")).toBe("a");
    expect(clientIdOwner("plain")).toBe("plain");
  });

  test.each([
    ["vigil-service", undefined, true],
    ["VIGIL-x", undefined, true],
    ["my-vigil", undefined, false],
    ["noc", "noc", true],
    ["noc-2", "noc", false],
  ])("%s is reserved (MQTT_USERNAME %s): %s", (name, serviceUsername, reserved) => {
    expect(isReservedMqttName(name, serviceUsername)).toBe(reserved);
  });
});
