// A configuration saved through the API is published retained on the
// device's config topic (the keyed publish_device_config job), and the
// device's config-applied answer marks that version applied.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ConfigDto } from "@/server/contracts/api";
import { api, createDevice } from "@/test/harness/api-client";
import { connectDevice, publishJson } from "@/test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await vigil?.dispose();
});

test("a saved configuration reaches the device retained, and its config-applied answer marks it applied", async () => {
  const token = vigil.adminToken;
  const device = await createDevice(vigil.url, token, { kind: "gateway" });
  const path = `/api/v1/devices/${device.externalId}/config`;
  const saved = await api<{ version: number }>(vigil.url, path, {
    method: "PUT",
    token,
    body: { config: { intervalS: 30 } },
  });
  expect(saved.status).toBe(201);

  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  try {
    const received: unknown[] = [];
    client.on("message", (_topic, payload) => received.push(JSON.parse(payload.toString())));
    await client.subscribeAsync(`device/${device.externalId}/config`, { qos: 1 });
    await waitFor(() => received.length > 0, { what: "the retained configuration" });
    expect(received[0]).toEqual({ version: saved.body.version, config: { intervalS: 30 } });

    await publishJson(client, `device/${device.externalId}/config-applied`, { version: saved.body.version });
    await waitFor(
      async () =>
        (await api<ConfigDto[]>(vigil.url, path, { token })).body.find((c) => c.version === saved.body.version)
          ?.appliedAt != null,
      { what: "the version marked applied" },
    );
  } finally {
    await client.endAsync();
  }
});
