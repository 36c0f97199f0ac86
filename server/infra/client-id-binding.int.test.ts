// Client ids belong to identities on the embedded broker (issue 16, item 2):
// a device connects only as its own external id (or `<id>@<suffix>`), and
// `vigil-*` ids are Vigil's. Without this, any device's credentials could
// connect as the ingestor (`vigil-ingest-<host>-<port>` is predictable) and,
// with a clean start, kick it and wipe its session, stopping ingestion for
// every tenant.
import os from "node:os";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../test/harness/api-client";
import { readMetric } from "../../test/harness/metrics";
import { connectDevice, endQuietly, gpsFix, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitForRow } from "../../test/harness/wait-for";

type Phone = { guard: GuardResponse; device: DeviceResponse };
let vigil: TestVigil;
let mallory: Phone;
let bob: Phone;
let carol: Phone;
let ingestorClientId: string;
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
  mallory = await createGuardWithPhone(vigil.url, vigil.adminToken);
  bob = await createGuardWithPhone(vigil.url, vigil.adminToken);
  carol = await createGuardWithPhone(vigil.url, vigil.adminToken);
  ingestorClientId = `vigil-ingest-${vigil.env.VIGIL_INSTANCE_ID ?? `${os.hostname()}-${vigil.env.PORT}`}`;
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

/** A fix from `phone`, awaited until stored: ingestion is running. */
async function fixStored(phone: Phone, client?: MqttClient): Promise<void> {
  const publisher = client ?? (await connect(vigil.mqttUrl, phone.device.mqtt));
  const fix = gpsFix();
  await publishJson(publisher, `guard/${phone.guard.externalId}/gps`, fix);
  await waitForRow(() => vigil.sql`select 1 from guard_locations where msg_id = ${fix.msg_id!}`, {
    what: `${phone.guard.externalId}'s fix`,
  });
}

const refused = (reason: string) => readMetric(vigil.url, "vigil_mqtt_connections_refused_total", { reason });

describe("client ids bound to identities on the embedded broker", () => {
  test("a device's credentials with the ingestor's client id are refused, and ingestion carries on", async () => {
    const before = await refused("client_id_reserved");
    for (const clientId of [ingestorClientId, `vigil-publisher-${vigil.env.PORT}`, "vigil-anything"]) {
      await expect(connectDevice(vigil.mqttUrl, mallory.device.mqtt, { clientId, clean: true })).rejects.toThrow(
        /Identifier rejected/i,
      );
    }
    expect(await refused("client_id_reserved")).toBe(before + 3);
    // A third phone's fix is still stored: the ingestor's session was never taken over.
    await fixStored(carol);
  });

  test("a device's credentials with another device's client id are refused; that device stays connected", async () => {
    const bobClient = await connect(vigil.mqttUrl, bob.device.mqtt, { clientId: bob.device.externalId });
    const before = await refused("client_id_not_owned");
    for (const clientId of [bob.device.externalId, `${bob.device.externalId}@stolen`]) {
      await expect(connectDevice(vigil.mqttUrl, mallory.device.mqtt, { clientId, clean: true })).rejects.toThrow(
        /Identifier rejected/i,
      );
    }
    expect(await refused("client_id_not_owned")).toBe(before + 2);
    expect(bobClient.connected).toBe(true);
    await fixStored(bob, bobClient);
    await fixStored(carol);
  });

  test("a device connects with its own id, or its own id followed by @ and any suffix", async () => {
    const exact = await connect(vigil.mqttUrl, carol.device.mqtt, { clientId: carol.device.externalId });
    await fixStored(carol, exact);
    const suffixed = await connect(vigil.mqttUrl, carol.device.mqtt, { clientId: `${carol.device.externalId}@tablet` });
    await fixStored(carol, suffixed);
  });

  test("a prefix of another id is not ownership: `<id>-x` is a different id, not a suffix", async () => {
    await expect(
      connectDevice(vigil.mqttUrl, mallory.device.mqtt, { clientId: `${mallory.device.externalId}-x` }),
    ).rejects.toThrow(/Identifier rejected/i);
  });
});
