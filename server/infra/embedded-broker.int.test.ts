// Device authentication and topic authorization on the embedded aedes broker
// (MQTT_ALLOW_ANONYMOUS unset): nothing a refused client sends is stored.
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../test/harness/api-client";
import { closed, connectDevice, endQuietly, gpsFix, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor, waitForRow } from "../../test/harness/wait-for";

let vigil: TestVigil;
let alice: { guard: GuardResponse; device: DeviceResponse };
let bob: { guard: GuardResponse; device: DeviceResponse };
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
  alice = await createGuardWithPhone(vigil.url, vigil.adminToken);
  bob = await createGuardWithPhone(vigil.url, vigil.adminToken);
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

async function connect(...args: Parameters<typeof connectDevice>): Promise<MqttClient> {
  const client = await connectDevice(...args);
  clients.push(client);
  return client;
}

const msgIdsOf = async (guard: GuardResponse) =>
  (await vigil.sql<{ msg_id: string }[]>`select msg_id from guard_locations where guard_id = ${guard.id}`).map(
    (r) => r.msg_id,
  );

/** Bob's own fix, once stored, proves the ingestor has handled everything forwarded before it. */
async function barrierThroughBob(): Promise<void> {
  const client = await connect(vigil.mqttUrl, bob.device.mqtt);
  const fix = gpsFix();
  await publishJson(client, `guard/${bob.guard.externalId}/gps`, fix);
  await waitFor(async () => (await msgIdsOf(bob.guard)).includes(fix.msg_id!), { what: "bob's barrier fix" });
}

describe("broker authentication", () => {
  test("a device with its issued credentials connects", async () => {
    const client = await connect(vigil.mqttUrl, alice.device.mqtt);
    expect(client.connected).toBe(true);
  });

  test("a wrong password is refused", async () => {
    await expect(
      connectDevice(vigil.mqttUrl, { username: alice.device.mqtt.username, password: "not-the-secret" }),
    ).rejects.toThrow(/Bad username or password/i);
  });

  test("another device's password is refused", async () => {
    await expect(
      connectDevice(vigil.mqttUrl, { username: alice.device.mqtt.username, password: bob.device.mqtt.password }),
    ).rejects.toThrow(/Bad username or password/i);
  });

  test("an unknown username is refused", async () => {
    await expect(connectDevice(vigil.mqttUrl, { username: "no-such-device", password: "x" })).rejects.toThrow(
      /Bad username or password/i,
    );
  });

  test("a client without credentials is refused when MQTT_ALLOW_ANONYMOUS is unset", async () => {
    expect(vigil.env.MQTT_ALLOW_ANONYMOUS).toBe(false);
    await expect(connectDevice(vigil.mqttUrl)).rejects.toThrow(/Bad username or password|Not authorized/i);
  });

  test("a client id with MQTT wildcards is refused", async () => {
    await expect(connectDevice(vigil.mqttUrl, alice.device.mqtt, { clientId: "phone/#" })).rejects.toThrow(
      /Identifier rejected/i,
    );
  });

  test("a revoked device can no longer connect", async () => {
    const carol = await createGuardWithPhone(vigil.url, vigil.adminToken);
    await vigil.sql`update devices set revoked_at = now() where id = ${carol.device.id}`;
    await expect(connectDevice(vigil.mqttUrl, carol.device.mqtt)).rejects.toThrow(/Bad username or password/i);
  });
});

describe("broker authorization", () => {
  test("a device publishing under another guard's id is disconnected and nothing is stored", async () => {
    const client = await connect(vigil.mqttUrl, alice.device.mqtt);
    const forged = gpsFix({ lat: 1.5, lon: 1.5 });
    client.publish(`guard/${bob.guard.externalId}/gps`, JSON.stringify(forged), { qos: 1 });
    await closed(client);

    await barrierThroughBob();
    expect(await msgIdsOf(bob.guard)).not.toContain(forged.msg_id);
    const quarantined = await waitForRow(
      () => vigil.sql<{ reason: string; topic: string; tenantId: string | null }[]>`
        select reason, topic, tenant_id as "tenantId" from mqtt_quarantine where payload like ${`%${forged.msg_id}%`}`,
    );
    expect(quarantined).toMatchObject({ reason: "not_authorized", topic: `guard/${bob.guard.externalId}/gps` });
  });

  test("a device publishing telemetry under another device's id is disconnected and nothing is stored", async () => {
    const client = await connect(vigil.mqttUrl, alice.device.mqtt);
    const msgId = "forged-telemetry";
    client.publish(`device/${bob.device.externalId}/telemetry`, JSON.stringify({ battery: 1, msg_id: msgId }), {
      qos: 0,
    });
    await closed(client);

    await barrierThroughBob();
    const rows = await vigil.sql`select 1 from device_telemetry where msg_id = ${msgId}`;
    expect(rows).toHaveLength(0);
  });

  test("a device may not publish retained messages, even on its own topic", async () => {
    const client = await connect(vigil.mqttUrl, alice.device.mqtt);
    const fix = gpsFix();
    client.publish(`guard/${alice.guard.externalId}/gps`, JSON.stringify(fix), { qos: 1, retain: true });
    await closed(client);

    await barrierThroughBob();
    expect(await msgIdsOf(alice.guard)).not.toContain(fix.msg_id);
  });

  test("a device may not subscribe to another device's downlink", async () => {
    const client = await connect(vigil.mqttUrl, alice.device.mqtt);
    const outcome = await client
      .subscribeAsync(`device/${bob.device.externalId}/commands`, { qos: 1 })
      .then((granted) => (granted[0]?.qos === 128 ? "refused" : "granted"))
      .catch(() => "refused");
    expect(outcome).toBe("refused");
  });

  test("a device may subscribe to its own downlink", async () => {
    const client = await connect(vigil.mqttUrl, alice.device.mqtt);
    const granted = await client.subscribeAsync(`device/${alice.device.externalId}/commands`, { qos: 1 });
    expect(granted[0]?.qos).toBe(1);
  });

  test("a device's own fixes are stored", async () => {
    const client = await connect(vigil.mqttUrl, alice.device.mqtt);
    const fix = gpsFix();
    await publishJson(client, `guard/${alice.guard.externalId}/gps`, fix);
    await waitFor(async () => (await msgIdsOf(alice.guard)).includes(fix.msg_id!));
  });
});
