import { describe, expect, test } from "vitest";
import { buildMosquittoAuthFiles, DuplicateMqttUsernameError } from "./mosquitto-auth-files";

const device = (externalId: string) => ({ externalId, guardExternalId: null, mosquittoHash: "$7$hash" });
const service = { username: "noc", passwordHash: "$7$service" };

describe("Mosquitto auth files", () => {
  test("one passwd line per account, Vigil's own first", () => {
    const { passwd, acl } = buildMosquittoAuthFiles({ devices: [device("phone-1"), device("door-2")], service });
    expect(passwd).toEqual(["noc:$7$service", "phone-1:$7$hash", "door-2:$7$hash"]);
    expect(acl[0]).toBe("user noc");
    expect(acl).toContain("user phone-1");
  });

  test.each([
    ["MQTT_USERNAME", "noc"],
    ["the embedded broker's service account", "vigil-service"],
    ["any vigil- name", "Vigil-ingest-host-1883"],
  ])("a device named as %s is refused, naming it, and nothing is built", (_label, externalId) => {
    const build = () => buildMosquittoAuthFiles({ devices: [device("phone-1"), device(externalId)], service });
    expect(build).toThrow(DuplicateMqttUsernameError);
    expect(build).toThrow(externalId);
  });

  test("a username listed twice is refused", () => {
    expect(() => buildMosquittoAuthFiles({ devices: [device("phone-1"), device("phone-1")], service })).toThrow(
      /phone-1.*twice/,
    );
  });

  test("vigil- names are refused even without a service account configured", () => {
    expect(() => buildMosquittoAuthFiles({ devices: [device("vigil-x")] })).toThrow(DuplicateMqttUsernameError);
  });
});
