import { describe, expect, test } from "vitest";
import { inboundFor, runStage } from "../../../test/harness/pipeline-messages";
import { routeTopic } from "./route-topic";

function route(topic: string) {
  const { verdict, output: envelope } = runStage(routeTopic, inboundFor(topic));
  return { verdict, envelope };
}

describe("route_topic", () => {
  test.each([
    ["device/D-1/telemetry", "device", "D-1", "telemetry"],
    ["guard/G-1/gps", "guard", "G-1", "gps"],
    ["sensor/S-1/smoke", "sensor", "S-1", "smoke"],
    ["sensor/S-1/door", "sensor", "S-1", "door"],
    ["system/gateway-1/cpu", "system", "gateway-1", "cpu"],
  ])("accepts the uplink topic %s and names its family, id and kind", (topic, family, topicId, kind) => {
    const { verdict, envelope } = route(topic);
    expect(verdict).toEqual({ ok: true });
    expect(envelope).toMatchObject({ family, topicId, kind });
  });

  test("takes an alert's source id from the third level and its type from the second", () => {
    const { verdict, envelope } = route("alert/panic/G-7");
    expect(verdict.ok).toBe(true);
    expect(envelope).toMatchObject({ family: "alert", topicId: "G-7", kind: "panic" });
  });

  test.each([
    ["device/D-1/command-results", "command-result", "D-1"],
    ["sensor/S-1/command-results", "command-result", "S-1"],
    ["system/gw-1/config-applied", "config-applied", "gw-1"],
  ])("routes the downlink answer %s to its own family", (topic, family, topicId) => {
    const { verdict, envelope } = route(topic);
    expect(verdict).toEqual({ ok: true });
    expect(envelope).toMatchObject({ family, topicId });
  });

  test.each([
    "unknown/x/y",
    "devices/D-1/telemetry",
    "device/D-1",
    "device/D-1/telemetry/extra",
    "device//telemetry",
    "/device/D-1/telemetry",
    "device/D-1/telemetry/",
    "",
    "$SYS/broker/load",
    "__proto__/x/y",
    "constructor/x/y",
    "toString/x/y",
  ])("rejects %j as outside the uplink families", (topic) => {
    const { verdict, envelope } = route(topic);
    expect(verdict).toMatchObject({ ok: false, reason: "topic_not_allowed" });
    expect(envelope.family).toBeUndefined();
  });

  test.each(["device/D-1/gps", "device/D-1/commands", "guard/G-1/telemetry", "guard/G-1/receipts"])(
    "rejects %s, which has the wrong leaf for its family",
    (topic) => {
      expect(route(topic).verdict).toMatchObject({ ok: false, reason: "topic_not_allowed" });
    },
  );

  test.each(["device/+/telemetry", "guard/#/gps", "guard/G 1/gps", "guard/G\u00001/gps", "guard/Gé/gps"])(
    "rejects the topic %j whose id holds characters outside the id alphabet",
    (topic) => {
      expect(route(topic).verdict).toMatchObject({ ok: false, reason: "topic_not_allowed" });
    },
  );

  test("rejects ids longer than 128 characters", () => {
    expect(route(`guard/${"g".repeat(128)}/gps`).verdict.ok).toBe(true);
    expect(route(`guard/${"g".repeat(129)}/gps`).verdict).toMatchObject({ ok: false, reason: "topic_not_allowed" });
  });
});
