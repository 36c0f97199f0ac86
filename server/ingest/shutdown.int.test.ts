// Clean shutdown: what the broker acknowledged before stop() is in the database after it.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGuardWithPhone } from "../../test/harness/api-client";
import { connectDevice, endQuietly, gpsFix } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await vigil?.dispose();
});

test("every QoS 1 fix acknowledged before stop() is in the database after it", async () => {
  const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  const fixes = Array.from({ length: 300 }, (_, i) => gpsFix({ seq: i }));
  const acknowledged: string[] = [];
  await Promise.all(
    fixes.map(async (fix) => {
      await client.publishAsync(`guard/${guard.externalId}/gps`, JSON.stringify(fix), { qos: 1 });
      acknowledged.push(fix.msg_id!);
    }),
  );
  expect(acknowledged).toHaveLength(fixes.length);

  await vigil.stop();
  await endQuietly(client);

  const rows = await vigil.sql<{ msg_id: string }[]>`select msg_id from guard_locations where guard_id = ${guard.id}`;
  const stored = new Set(rows.map((r) => r.msg_id));
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
});
