// The topic table's readers agree, family by family: what a device may
// publish is exactly what the ingest whitelist accepts under its own ids,
// every accepted topic is one the ingestor subscribes to, no downlink topic
// is taken for uplink, and the Mosquitto export allows at least the same.
import { describe, expect, test } from "vitest";
import {
  ANSWER_LEAVES,
  DOWNLINK_LEAVES,
  OWNTRACKS_COMMAND_LEAF,
  OWNTRACKS_UPLINK_LEAVES,
  parseUplinkTopic,
  TOPIC_FAMILIES,
  UPLINK_FAMILIES,
  uplinkSubscriptions,
} from "../contracts/mqtt-topics";
import { mayPublish, maySubscribe, mosquittoAclLines, type DeviceIdentity } from "../auth/device-acl";

const phone: DeviceIdentity = { externalId: "phone-1", guardExternalId: "G-1" };
const sensor: DeviceIdentity = { externalId: "smoke-9", guardExternalId: null };
const ids = ["phone-1", "G-1", "smoke-9", "other-7"];
const leaves = [
  ...new Set([
    ...UPLINK_FAMILIES.map((f) => TOPIC_FAMILIES[f].leaf).filter((l) => l !== "+"),
    ...UPLINK_FAMILIES.flatMap((f) => TOPIC_FAMILIES[f].events),
    ...DOWNLINK_LEAVES,
    ...Object.keys(ANSWER_LEAVES),
    "smoke",
    "panic",
    "cpu",
  ]),
];
/** Every three-level topic over the families, ids and leaves, both ways round. */
const candidates = [...UPLINK_FAMILIES, "admin"].flatMap((family) =>
  ids.flatMap((id) => leaves.flatMap((leaf) => [`${family}/${id}/${leaf}`, `${family}/${leaf}/${id}`])),
);

/** MQTT topic filter matching (+ and #). */
function matches(filter: string, topic: string): boolean {
  const f = filter.split("/");
  const t = topic.split("/");
  for (let i = 0; i < f.length; i++) {
    if (f[i] === "#") return true;
    if (f[i] !== "+" && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

function ownsTopicId(device: DeviceIdentity, topic: string): boolean {
  const parsed = parseUplinkTopic(topic);
  if ("refused" in parsed) return false;
  const { owner } = TOPIC_FAMILIES[parsed.topicFamily];
  const own =
    owner === "device"
      ? [device.externalId]
      : owner === "guard"
        ? [device.guardExternalId]
        : [device.externalId, device.guardExternalId];
  return own.includes(parsed.topicId);
}

describe.each([
  ["a guard phone", phone],
  ["a sensor", sensor],
])("%s", (_label, device) => {
  test("may publish exactly the whitelisted uplink topics under its own ids", () => {
    const disagreements = candidates.filter((topic) => mayPublish(device, topic) !== ownsTopicId(device, topic));
    expect(disagreements).toEqual([]);
    expect(candidates.filter((topic) => mayPublish(device, topic)).length).toBeGreaterThan(5);
  });

  test("the Mosquitto export allows every topic the embedded broker does", () => {
    const lines = mosquittoAclLines(device);
    const filters = (access: "write" | "read") =>
      lines.filter((l) => l.startsWith(`topic ${access} `)).map((l) => l.slice(`topic ${access} `.length));
    const unwritable = candidates.filter((t) => mayPublish(device, t) && !filters("write").some((f) => matches(f, t)));
    const unreadable = candidates.filter((t) => maySubscribe(device, t) && !filters("read").some((f) => matches(f, t)));
    expect({ unwritable, unreadable }).toEqual({ unwritable: [], unreadable: [] });
    // And reads nothing the embedded broker would refuse.
    expect(filters("read").filter((f) => !maySubscribe(device, f))).toEqual([]);
  });
});

test("every topic the whitelist accepts is one the ingestor subscribes to", () => {
  const accepted = candidates.filter((topic) => !("refused" in parseUplinkTopic(topic)));
  expect(accepted.length).toBeGreaterThan(20);
  expect(accepted.filter((topic) => !uplinkSubscriptions().some((f) => matches(f, topic)))).toEqual([]);
});

test("a guard's phones publish checkpoint scans under the guard's id, routed to a family of their own", () => {
  expect(parseUplinkTopic("guard/G-1/checkpoint")).toEqual({
    family: "checkpoint",
    topicFamily: "guard",
    topicId: "G-1",
    kind: "checkpoint",
  });
  expect(mayPublish(phone, "guard/G-1/checkpoint")).toBe(true);
  expect(mayPublish(phone, "guard/phone-1/checkpoint")).toBe(false);
  expect(mayPublish(phone, "guard/other-7/checkpoint")).toBe(false);
  expect(mayPublish(sensor, "guard/G-1/checkpoint")).toBe(false);
  expect("refused" in parseUplinkTopic("device/phone-1/checkpoint")).toBe(true);
  expect(mosquittoAclLines(phone)).toContain("topic write guard/G-1/checkpoint");
});

test("a guard's phones publish check-ins under the guard's id, receipted on the guard's receipts topic", () => {
  expect(parseUplinkTopic("guard/G-1/check-in")).toEqual({
    family: "check-in",
    topicFamily: "guard",
    topicId: "G-1",
    kind: "check-in",
  });
  expect(uplinkSubscriptions()).toContain("guard/+/check-in");
  expect(mayPublish(phone, "guard/G-1/check-in")).toBe(true);
  expect(mayPublish(phone, "guard/other-7/check-in")).toBe(false);
  expect(mayPublish(sensor, "guard/G-1/check-in")).toBe(false);
  expect("refused" in parseUplinkTopic("device/phone-1/check-in")).toBe(true);
  expect(mosquittoAclLines(phone)).toContain("topic write guard/G-1/check-in");
  expect(maySubscribe(phone, "guard/G-1/receipts")).toBe(true);
});

test("no downlink topic Vigil publishes is taken for uplink", () => {
  const downlink = UPLINK_FAMILIES.flatMap((family) =>
    TOPIC_FAMILIES[family].downlink.flatMap((leaf) => ids.map((id) => `${family}/${id}/${leaf}`)),
  );
  expect(downlink.length).toBeGreaterThan(0);
  expect(downlink.filter((topic) => !("refused" in parseUplinkTopic(topic)))).toEqual([]);
});

describe("OwnTracks topics (owntracks.org/booklet/tech/json, Topics)", () => {
  const names = ["iPhone", "pixel-7"];
  const ownTracksLeaves = [...OWNTRACKS_UPLINK_LEAVES, OWNTRACKS_COMMAND_LEAF, "gps", "telemetry"];
  const ownTracksCandidates = ids.flatMap((user) =>
    names.flatMap((name) => [
      `owntracks/${user}/${name}`,
      ...ownTracksLeaves.map((leaf) => `owntracks/${user}/${name}/${leaf}`),
    ]),
  );

  test("a device publishes the app's uplink topics under its own user only, never its commands", () => {
    const allowed = ownTracksCandidates.filter((topic) => mayPublish(phone, topic));
    expect(allowed).toEqual(
      names.flatMap((name) => [
        `owntracks/phone-1/${name}`,
        ...OWNTRACKS_UPLINK_LEAVES.map((leaf) => `owntracks/phone-1/${name}/${leaf}`),
      ]),
    );
    // A guard phone's guard id is not an OwnTracks user: the user is the broker login.
    expect(mayPublish(phone, "owntracks/G-1/iPhone")).toBe(false);
  });

  test("a device subscribes to its own command topic only", () => {
    expect(maySubscribe(phone, "owntracks/phone-1/iPhone/cmd")).toBe(true);
    expect(maySubscribe(phone, "owntracks/phone-1/+/cmd")).toBe(true);
    for (const refused of ["owntracks/+/+", "owntracks/other-7/iPhone/cmd", "owntracks/phone-1/#", "owntracks/#"]) {
      expect(maySubscribe(phone, refused)).toBe(false);
    }
  });

  test("the ingestor subscribes to every topic a device may publish, and the Mosquitto export agrees", () => {
    const published = ownTracksCandidates.filter((topic) => mayPublish(phone, topic));
    expect(published.filter((topic) => !uplinkSubscriptions().some((f) => matches(f, topic)))).toEqual([]);
    expect(uplinkSubscriptions().filter((f) => matches(f, "owntracks/phone-1/iPhone/cmd"))).toEqual([]);
    const lines = mosquittoAclLines(phone);
    const writes = lines.filter((l) => l.startsWith("topic write ")).map((l) => l.slice("topic write ".length));
    const reads = lines.filter((l) => l.startsWith("topic read ")).map((l) => l.slice("topic read ".length));
    expect(ownTracksCandidates.filter((t) => mayPublish(phone, t) !== writes.some((f) => matches(f, t)))).toEqual([]);
    expect(ownTracksCandidates.filter((t) => maySubscribe(phone, t) && !reads.some((f) => matches(f, t)))).toEqual([]);
    expect(reads.filter((f) => !maySubscribe(phone, f))).toEqual([]);
  });
});

describe("Zigbee2MQTT topics (zigbee2mqtt.io, guide/usage/mqtt_topics_and_messages)", () => {
  const gateway: DeviceIdentity = { externalId: "gw-1", guardExternalId: null };
  const levels = [
    "bridge/state",
    "bridge/devices",
    "bridge/request/permit_join",
    "0x00158d0001a9ec71",
    "Door Sensor",
    "kitchen/smoke",
    "kitchen/smoke/availability",
    "my_bulb/set",
    "my_bulb/set/state",
  ];
  const zigbeeCandidates = [...ids, "gw-1"].flatMap((id) => levels.map((rest) => `zigbee2mqtt/${id}/${rest}`));
  const zigbeeAcl = mosquittoAclLines(gateway);
  const readWrite = zigbeeAcl
    .filter((l) => l.startsWith("topic readwrite zigbee2mqtt/"))
    .map((l) => l.slice("topic readwrite ".length));

  test("a gateway publishes under its own base only, and the ingestor subscribes to all of it", () => {
    const allowed = zigbeeCandidates.filter((topic) => mayPublish(gateway, topic));
    expect(allowed).toEqual(levels.map((rest) => `zigbee2mqtt/gw-1/${rest}`));
    expect(allowed.filter((topic) => !uplinkSubscriptions().some((f) => matches(f, topic)))).toEqual([]);
    // Under another gateway's base, or above its own, never.
    for (const refused of ["zigbee2mqtt/gw-1", "zigbee2mqtt/other-7/bridge/state", "zigbee2mqtt/bridge/state"]) {
      expect(mayPublish(gateway, refused)).toBe(false);
    }
  });

  test("a gateway reads its whole base, as Zigbee2MQTT subscribes to it, and nothing beside it", () => {
    for (const own of ["zigbee2mqtt/gw-1/#", "zigbee2mqtt/gw-1/+/set", "zigbee2mqtt/gw-1/bridge/request/#"]) {
      expect(maySubscribe(gateway, own)).toBe(true);
    }
    for (const refused of ["zigbee2mqtt/#", "zigbee2mqtt/+/#", "zigbee2mqtt/other-7/#", "zigbee2mqtt/gw-1/#/x"]) {
      expect(maySubscribe(gateway, refused)).toBe(false);
    }
  });

  test("the Mosquitto export allows the same base, read and write, and no more", () => {
    expect(readWrite).toEqual(["zigbee2mqtt/gw-1/#"]);
    expect(zigbeeCandidates.filter((t) => mayPublish(gateway, t) !== readWrite.some((f) => matches(f, t)))).toEqual([]);
    expect(readWrite.filter((f) => !maySubscribe(gateway, f))).toEqual([]);
  });
});
