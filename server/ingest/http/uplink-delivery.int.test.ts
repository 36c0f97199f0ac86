// A web process without the ingest role (VIGIL_ROLES=web, scaled apart from
// ingestion) answers the HTTP adapters too: what a device posts is published
// on the device's own topics on the broker, for the ingest role of another
// process, and answered once the broker has acknowledged it. (Where the
// ingest role runs in the same process, the answer waits for the commit:
// osmand-http.int.test.ts and owntracks-http.int.test.ts.)
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../../test/harness/api-client";
import { startMosquitto, type Mosquitto } from "../../../test/harness/mosquitto";
import { endQuietly } from "../../../test/harness/mqtt-device";
import { postOwnTracks } from "../../../test/harness/owntracks-http";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor } from "../../../test/harness/wait-for";

let mosquitto: Mosquitto;
let vigil: TestVigil;
let guard: GuardResponse;
let device: DeviceResponse & { trackingKey: string };
let listener: MqttClient;
const heard: { topic: string; json: Record<string, unknown> }[] = [];

beforeAll(async () => {
  mosquitto = await startMosquitto();
  vigil = await startTestVigil({ env: { VIGIL_ROLES: "web", MQTT_URL: mosquitto.url } });
  const created = await createGuardWithPhone(vigil.url, vigil.adminToken);
  guard = created.guard;
  device = created.device as typeof device;
  // Where an ingest process would listen.
  listener = await mqtt.connectAsync(mosquitto.url, { clientId: "ingest-elsewhere" });
  await listener.subscribeAsync(["guard/+/gps", "owntracks/+/+"], { qos: 1 });
  listener.on("message", (topic, payload) =>
    heard.push({ topic, json: JSON.parse(payload.toString()) as Record<string, unknown> }),
  );
}, 60_000);

afterAll(async () => {
  await endQuietly(listener);
  await vigil?.dispose();
  await mosquitto?.dispose();
});

test("a Traccar Client fix is published as the guard's native fix", async () => {
  const at = new Date(Date.now() - 1000).toISOString();
  const response = await fetch(
    `${vigil.url}/api/v1/ingest/osmand?id=${device.trackingKey}&lat=45.4642&lon=9.19&timestamp=${at}&accuracy=7`,
  );
  expect(response.status).toBe(200);
  const fix = await waitFor(() => heard.find((m) => m.topic === `guard/${guard.externalId}/gps`));
  expect(fix.json).toMatchObject({ lat: 45.4642, lon: 9.19, accuracy: 7, timestamp: at });
});

test("an OwnTracks post is published on the phone's own owntracks topic, and answered with the array the app expects", async () => {
  const tst = Math.floor(Date.now() / 1000) - 1;
  const location = { _type: "location", lat: 48.85833, lon: 2.29513, acc: 20, batt: 80, tst };
  const response = await postOwnTracks(vigil.url, device.mqtt, location);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual([]);
  const message = await waitFor(() => heard.find((m) => m.topic === `owntracks/${device.externalId}/pixel`));
  expect(message.json).toMatchObject({ _type: "location", lat: 48.85833, tst });
});
