// The Zigbee2MQTT adapter's translation and topics, on the payloads of
// Zigbee2MQTT's documents (zigbee2mqtt.io: guide/usage/mqtt_topics_and_messages,
// guide/configuration/device-availability, and the exposes of its device pages).
import { describe, expect, test } from "vitest";
import { gatewaySensorId } from "../../contracts/mqtt-identity";
import { parseUplinkTopic, parseZigbee2MqttTopic } from "../../contracts/mqtt-topics";
import { jsonObjectOf } from "./adapted-message";
import { fromZigbee2MqttState, parseAvailability } from "./zigbee2mqtt";

const adapt = (state: Record<string, unknown>) =>
  fromZigbee2MqttState(state, "gw-1::sensor").map(({ topic, payload }) => ({
    topic,
    payload: JSON.parse(payload.toString()) as Record<string, unknown>,
  }));

describe("a device's state to native uplinks", () => {
  test("smoke is a smoke reading (the fire rule's), the rest the sensor's telemetry", () => {
    // Exposes of a smoke detector (HEIMAN HS1SA): smoke, battery_low, tamper, battery, linkquality.
    expect(adapt({ smoke: true, battery_low: false, tamper: false, battery: 100, linkquality: 120 })).toEqual([
      { topic: "sensor/gw-1::sensor/smoke", payload: { value: true } },
      { topic: "sensor/gw-1::sensor/battery_low", payload: { value: false } },
      { topic: "sensor/gw-1::sensor/tamper", payload: { value: false } },
      { topic: "device/gw-1::sensor/telemetry", payload: { battery: 100, linkquality: 120 } },
    ]);
  });

  test("contact false is an open door, true a closed one", () => {
    // "Indicates if the contact is closed (= true) or open (= false)" (MCCGQ11LM).
    expect(adapt({ contact: false })).toEqual([{ topic: "sensor/gw-1::sensor/door", payload: { state: "open" } }]);
    expect(adapt({ contact: true })).toEqual([{ topic: "sensor/gw-1::sensor/door", payload: { state: "closed" } }]);
  });

  test("the documents' examples: occupancy is motion, temperature and humidity telemetry, a button's action", () => {
    expect(adapt({ occupancy: true })).toEqual([{ topic: "sensor/gw-1::sensor/motion", payload: { value: true } }]);
    expect(adapt({ temperature: 27.34, humidity: 44.72 })).toEqual([
      { topic: "device/gw-1::sensor/telemetry", payload: { temperature: 27.34, humidity: 44.72 } },
    ]);
    expect(adapt({ action: "single" })).toEqual([
      { topic: "sensor/gw-1::sensor/action", payload: { state: "single" } },
    ]);
    expect(adapt({ action: "" })).toEqual([]);
    // An SOS button's action is also the panic alarm a native panic button sends.
    expect(adapt({ action: "emergency" })).toEqual([
      { topic: "sensor/gw-1::sensor/action", payload: { state: "emergency" } },
      {
        topic: "alert/panic/gw-1::sensor",
        payload: { severity: "critical", message: "Panic: the button's emergency action (Zigbee2MQTT)" },
      },
    ]);
  });

  test("an action the admin mapped to a panic is also the panic alarm; the same action on another sensor is not", () => {
    // Aqara WXKG11LM (zigbee2mqtt.io/devices/WXKG11LM.html): action single, double, triple, quadruple, hold, release.
    const mapped = fromZigbee2MqttState({ action: "double" }, "gw-1::sensor", ["double", "hold"]);
    expect(mapped.map((u) => u.topic)).toEqual(["sensor/gw-1::sensor/action", "alert/panic/gw-1::sensor"]);
    expect(JSON.parse(mapped[1]!.payload.toString())).toEqual({
      severity: "critical",
      message: "Panic: the button's double action (Zigbee2MQTT)",
    });
    expect(fromZigbee2MqttState({ action: "single" }, "gw-1::sensor", ["double"]).map((u) => u.topic)).toEqual([
      "sensor/gw-1::sensor/action",
    ]);
    expect(adapt({ action: "double" }).map((u) => u.topic)).toEqual(["sensor/gw-1::sensor/action"]);
  });

  test("last_seen (ISO 8601 or epoch ms) is the time of every uplink, and not an extra", () => {
    const at = "2026-12-06T10:00:00.000Z";
    for (const lastSeen of [at, Date.parse(at)]) {
      expect(adapt({ water_leak: true, battery: 80, last_seen: lastSeen })).toEqual([
        { topic: "sensor/gw-1::sensor/water_leak", payload: { value: true, timestamp: at } },
        { topic: "device/gw-1::sensor/telemetry", payload: { battery: 80, timestamp: at } },
      ]);
    }
  });

  test("every uplink is on a topic the native whitelist accepts", () => {
    const all = adapt({ smoke: true, contact: false, occupancy: true, vibration: true, gas: false, battery: 5 });
    expect(all.filter(({ topic }) => "refused" in parseUplinkTopic(topic))).toEqual([]);
  });

  test("a state is a JSON object within the size limit; anything else is refused", () => {
    expect(jsonObjectOf(Buffer.from('{"occupancy":true}'), 1024)).toEqual({ occupancy: true });
    for (const bad of ["ON", "27.3", "[1]", '"x"', "{", "\xff"]) {
      expect(jsonObjectOf(Buffer.from(bad, "latin1"), 1024)).toBeNull();
    }
    expect(jsonObjectOf(Buffer.from(`{"a":"${"x".repeat(100)}"}`), 64)).toBeNull();
  });
});

test("availability and bridge state: the JSON payload and the legacy plain one", () => {
  expect(parseAvailability(Buffer.from('{"state":"online"}'))).toBe("online");
  expect(parseAvailability(Buffer.from('{"state":"offline"}'))).toBe("offline");
  expect(parseAvailability(Buffer.from("online"))).toBe("online");
  expect(parseAvailability(Buffer.from("offline"))).toBe("offline");
  for (const bad of ['{"state":"ON"}', "{", "", "1"]) expect(parseAvailability(Buffer.from(bad))).toBeNull();
});

describe("topics under a gateway's base", () => {
  test("a device's state, its availability, its commands, and the bridge's topics", () => {
    expect(parseZigbee2MqttTopic("zigbee2mqtt/gw-1/0x00158d0001a9ec71")).toEqual({
      gateway: "gw-1",
      kind: "state",
      friendlyName: "0x00158d0001a9ec71",
    });
    // "You can use the / separator in friendly_name"; spaces are allowed too.
    expect(parseZigbee2MqttTopic("zigbee2mqtt/gw-1/kitchen/Door Sensor/availability")).toEqual({
      gateway: "gw-1",
      kind: "availability",
      friendlyName: "kitchen/Door Sensor",
    });
    expect(parseZigbee2MqttTopic("zigbee2mqtt/gw-1/my_bulb/set")).toMatchObject({ kind: "command" });
    expect(parseZigbee2MqttTopic("zigbee2mqtt/gw-1/my_bulb/set/state")).toMatchObject({ kind: "command" });
    expect(parseZigbee2MqttTopic("zigbee2mqtt/gw-1/bridge/state")).toEqual({
      gateway: "gw-1",
      kind: "bridge",
      name: "state",
    });
    for (const refused of ["zigbee2mqtt/gw-1", "zigbee2mqtt/gw 1/x", "zigbee2mqtt/gw-1/a//b", "zigbee2mqtt/gw-1/+"]) {
      expect(parseZigbee2MqttTopic(refused)).toHaveProperty("refused");
    }
  });

  test("a sensor's id is its gateway's and its name as a topic level; two names never share one", () => {
    expect(gatewaySensorId("gw-1", "0x00158d0001a9ec71")).toBe("gw-1::0x00158d0001a9ec71");
    const spaced = gatewaySensorId("gw-1", "hall smoke");
    const underscored = gatewaySensorId("gw-1", "hall_smoke");
    expect(spaced).toMatch(/^gw-1::hall_smoke-[0-9a-f]{8}$/);
    expect(underscored).toBe("gw-1::hall_smoke");
    expect(gatewaySensorId("gw-1", "kitchen/smoke")).not.toBe(gatewaySensorId("gw-1", "kitchen.smoke"));
    expect(gatewaySensorId("gw-1", "x".repeat(300))!.length).toBeLessThanOrEqual(128);
    expect(gatewaySensorId("g".repeat(126), "x")).toBeNull();
    for (const name of ["a b", "kitchen/smoke", "x".repeat(300), "a::b"]) {
      expect(parseUplinkTopic(`sensor/${gatewaySensorId("gw-1", name)}/smoke`)).not.toHaveProperty("refused");
    }
  });
});
