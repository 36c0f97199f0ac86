// MQTT over WebSocket on the web port (/mqtt): the embedded broker with the
// same logins and ACL as on TCP, for the browser guard app.
import { randomBytes } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../test/harness/api-client";
import { closed, endQuietly, gpsFix, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitForRow } from "../../test/harness/wait-for";

let vigil: TestVigil;
let guard: GuardResponse;
let device: DeviceResponse;
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
  ({ guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken));
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

const wsUrl = () => `${vigil.url.replace(/^http/, "ws")}/mqtt`;

async function connectOverWebSocket(credentials: { username: string; password: string }): Promise<MqttClient> {
  const client = await mqtt.connectAsync(wsUrl(), {
    clientId: `${credentials.username}@ws-${randomBytes(3).toString("hex")}`,
    reconnectPeriod: 0,
    connectTimeout: 5000,
    ...credentials,
  });
  clients.push(client);
  return client;
}

describe("MQTT over WebSocket at /mqtt", () => {
  test("a phone's fix over a web socket is stored like one over TCP", async () => {
    const client = await connectOverWebSocket(device.mqtt);
    const fix = gpsFix({ lat: 21.5, lon: 79.5 });
    await publishJson(client, `guard/${guard.externalId}/gps`, fix);
    await publishJson(client, `owntracks/${device.externalId}/browser`, {
      _type: "location",
      lat: 21.6,
      lon: 79.6,
      tst: Math.floor(Date.now() / 1000),
    });
    await waitForRow(() => vigil.sql`select 1 from guard_locations where msg_id = ${fix.msg_id!}`);
    await waitForRow(() => vigil.sql`select 1 from guard_locations where lat = 21.6`);
  });

  test("a wrong password is refused", async () => {
    await expect(connectOverWebSocket({ username: device.mqtt.username, password: "wrong" })).rejects.toThrow(
      /Bad username or password|Not authorized/i,
    );
  });

  test("the topic ACL applies: publishing under another guard's id disconnects and stores nothing", async () => {
    const other = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const client = await connectOverWebSocket(device.mqtt);
    const forged = gpsFix({ lat: 22.5, lon: 80.5 });
    client.publish(`guard/${other.guard.externalId}/gps`, JSON.stringify(forged), { qos: 1 });
    await closed(client);
    const row = await waitForRow(
      () =>
        vigil.sql<{ reason: string }[]>`select reason from mqtt_quarantine where payload like ${`%${forged.msg_id}%`}`,
    );
    expect(row.reason).toBe("not_authorized");
    expect(await vigil.sql`select 1 from guard_locations where msg_id = ${forged.msg_id!}`).toHaveLength(0);
  });

  test("a subscription to another device's downlink is refused", async () => {
    const other = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const client = await connectOverWebSocket(device.mqtt);
    const outcome = await client
      .subscribeAsync(`device/${other.device.externalId}/commands`, { qos: 1 })
      .then((granted) => (granted[0]?.qos === 128 ? "refused" : "granted"))
      .catch(() => "refused");
    expect(outcome).toBe("refused");
  });
});
