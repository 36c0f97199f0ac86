// A device revoked or deleted while connected is disconnected within 5 s
// (issue 16, low item): the embedded broker checks its connected devices
// against the registry every REVOCATION_CHECK_MS (2 s), whichever process
// revoked them.
import { performance } from "node:perf_hooks";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, createDevice, createGuardWithPhone, logIn } from "../../test/harness/api-client";
import { closed, connectDevice, endQuietly } from "../../test/harness/mqtt-device";
import { createTenant } from "../../test/harness/tenants";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";

let vigil: TestVigil;
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

/** Milliseconds from the API call until the device's live connection is closed by the broker. */
async function disconnectedAfter(
  client: MqttClient,
  call: () => Promise<{ status: number }>,
): Promise<{ ms: number; status: number }> {
  const gone = closed(client);
  const start = performance.now();
  const { status } = await call();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("still connected 5 s after the API call")), 5000);
  });
  await Promise.race([gone, deadline]).finally(() => clearTimeout(timer));
  return { ms: performance.now() - start, status };
}

describe("revocation of a live connection", () => {
  test.each([
    ["revoked", "POST", "/revoke"],
    ["deleted", "DELETE", ""],
  ])("a device %s through the API while connected is disconnected within 5 s", async (what, method, suffix) => {
    const { device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const client = await connectDevice(vigil.mqttUrl, device.mqtt);
    clients.push(client);
    expect(client.connected).toBe(true);

    const { ms, status } = await disconnectedAfter(client, () =>
      api(vigil.url, `/api/v1/devices/${device.externalId}${suffix}`, { method, token: vigil.adminToken }),
    );
    expect(status).toBeLessThan(300);
    console.info(`live revocation: ${what} device disconnected ${ms.toFixed(0)} ms after the API call`);
    await expect(connectDevice(vigil.mqttUrl, device.mqtt)).rejects.toThrow(/Bad username or password/i);
  });

  test("a deleted device's live connection is closed even when another tenant registers its id at once", async () => {
    const { device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const client = await connectDevice(vigil.mqttUrl, device.mqtt);
    clients.push(client);
    const otherTenant = await logIn(vigil.url, await createTenant(vigil.sql));

    const { ms } = await disconnectedAfter(client, async () => {
      const deleted = await api(vigil.url, `/api/v1/devices/${device.externalId}`, {
        method: "DELETE",
        token: vigil.adminToken,
      });
      expect(deleted.status).toBeLessThan(300);
      // The freed id, taken by a new device of another tenant: the old connection must not live on as it.
      await createDevice(vigil.url, otherTenant, { externalId: device.externalId });
      return deleted;
    });
    console.info(`live revocation: deleted device (id re-registered elsewhere) disconnected after ${ms.toFixed(0)} ms`);
  });
});
