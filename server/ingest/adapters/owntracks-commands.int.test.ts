// Commands to an OwnTracks phone (owntracks.org/booklet/tech/json, `_type:
// cmd`): the NOC's "report location" reaches the app as `reportLocation` on
// the phone's own `owntracks/{user}/{device}/cmd` in MQTT mode, and in the
// answer to its next post in HTTP mode (booklet, tech/http: the app reads a
// JSON array of messages back), once.
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, createGuardWithPhone, type DeviceResponse } from "../../../test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor } from "../../../test/harness/wait-for";
import { postOwnTracks } from "../../../test/harness/owntracks-http";

let vigil: TestVigil;
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

const location = (lat: number) => ({ _type: "location", lat, lon: 2.29513, tst: Math.floor(Date.now() / 1000) });

async function sendCommand(device: DeviceResponse, type: string): Promise<string> {
  const { status, body } = await api<{ id: string }>(vigil.url, `/api/v1/devices/${device.externalId}/commands`, {
    method: "POST",
    token: vigil.adminToken,
    body: { type },
  });
  expect(status).toBe(201);
  return body.id;
}

async function commandStatus(id: string): Promise<string> {
  const [row] = await vigil.sql<{ status: string }[]>`select status::text from device_commands where id = ${id}`;
  return row!.status;
}

describe("commands to OwnTracks", () => {
  test("MQTT mode: report location reaches the app as reportLocation on its own cmd topic", async () => {
    const { device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const phone = await connectDevice(vigil.mqttUrl, device.mqtt);
    clients.push(phone);
    const received: unknown[] = [];
    phone.on("message", (topic, payload) => received.push({ topic, json: JSON.parse(payload.toString()) }));
    await phone.subscribeAsync(`owntracks/${device.externalId}/iPhone/cmd`, { qos: 1 });
    await publishJson(phone, `owntracks/${device.externalId}/iPhone`, location(48.1));
    // Vigil learns the app's device name from its messages.
    await waitFor(async () => {
      const [row] = await vigil.sql<{ topic: string | null }[]>`
        select owntracks_topic as topic from devices where external_id = ${device.externalId}`;
      return row?.topic === `owntracks/${device.externalId}/iPhone`;
    });

    const id = await sendCommand(device, "report-location");
    await waitFor(() => received.length > 0);
    expect(received).toEqual([
      { topic: `owntracks/${device.externalId}/iPhone/cmd`, json: { _type: "cmd", action: "reportLocation" } },
    ]);
    await waitFor(async () => (await commandStatus(id)) === "sent");
  });

  test("HTTP mode: the command waits for the app's next post and comes back in its answer, once", async () => {
    const { device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const post = async (lat: number) => {
      const response = await postOwnTracks(vigil.url, device.mqtt, location(lat));
      expect(response.status).toBe(200);
      return response.json();
    };
    expect(await post(48.2)).toEqual([]);
    await waitFor(async () => {
      const [row] = await vigil.sql<{ topic: string | null }[]>`
        select owntracks_topic as topic from devices where external_id = ${device.externalId}`;
      return row?.topic === `owntracks/${device.externalId}/pixel`;
    });

    const id = await sendCommand(device, "report-location");
    // Its publish job has run (a job that succeeds is removed), and left it queued.
    await waitFor(async () => {
      const [row] = await vigil.sql<{ n: number }[]>`
        select count(*)::int as n from graphile_worker.jobs where task_identifier = 'publish_device_command'`;
      return row!.n === 0;
    });
    expect(await commandStatus(id)).toBe("queued");

    expect(await post(48.3)).toEqual([{ _type: "cmd", action: "reportLocation" }]);
    expect(await commandStatus(id)).toBe("sent");
    expect(await post(48.4)).toEqual([]);

    // Queued by any other writer (the workers insert their commands themselves): the next post takes it too.
    await vigil.sql`
      insert into device_commands (tenant_id, device_id, type, params, expires_at)
      select tenant_id, id, 'report-location', '{}'::jsonb, now() + interval '10 minutes'
      from devices where external_id = ${device.externalId}`;
    await waitFor(async () => {
      const answer = (await post(48.5)) as unknown[];
      return answer.length === 1 && answer;
    });
  });
});
