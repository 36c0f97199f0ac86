// The same ingestion with MQTT_URL pointing at a real Mosquitto (MQTT v5,
// persistent session), including a broker restart.
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { LocationDto, TelemetryDto } from "../contracts/api";
import { api, createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../test/harness/api-client";
import { collect, connectSocket, type LiveSocket } from "../../test/harness/live-socket";
import { startMosquitto, type Mosquitto } from "../../test/harness/mosquitto";
import { connectDevice, endQuietly, gpsFix, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

let mosquitto: Mosquitto;
let vigil: TestVigil;
let guard: GuardResponse;
let device: DeviceResponse;
let socket: LiveSocket | undefined;
const clients: MqttClient[] = [];

beforeAll(async () => {
  mosquitto = await startMosquitto();
  vigil = await startTestVigil({ env: { MQTT_URL: mosquitto.url } });
  ({ guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken));
});

afterAll(async () => {
  socket?.disconnect();
  await endQuietly(...clients);
  await vigil?.dispose();
  await mosquitto?.dispose();
});

async function phone(): Promise<MqttClient> {
  const client = await connectDevice(mosquitto.url, device.mqtt);
  clients.push(client);
  return client;
}

const storedMsgIds = async () =>
  (await vigil.sql<{ msg_id: string }[]>`select msg_id from guard_locations where guard_id = ${guard.id}`).map(
    (r) => r.msg_id,
  );

describe("ingestion through Mosquitto", () => {
  test("GPS and telemetry are stored, listed and pushed to the tenant's socket", async () => {
    socket = await connectSocket(vigil.url, vigil.adminToken);
    const positions = collect(socket, "guard:positions");
    const client = await phone();
    const t = Date.now();
    const older = gpsFix({ lat: 10.1, timestamp: new Date(t - 2000).toISOString() });
    const newer = gpsFix({ lat: 10.2, timestamp: new Date(t - 1000).toISOString() });
    await publishJson(client, `guard/${guard.externalId}/gps`, newer);
    await publishJson(client, `guard/${guard.externalId}/gps`, older);
    await publishJson(client, `device/${device.externalId}/telemetry`, { battery: 42, signal: -90 });

    const locations = await waitFor(async () => {
      const { body } = await api<LocationDto[]>(vigil.url, `/api/v1/guards/${guard.externalId}/locations`, {
        token: vigil.adminToken,
      });
      return body.length === 2 && body;
    });
    expect(locations.map((l) => l.lat)).toEqual([10.1, 10.2]);
    const telemetry = await waitFor(async () => {
      const { body } = await api<{ latestTelemetry: TelemetryDto | null }>(
        vigil.url,
        `/api/v1/devices/${device.externalId}`,
        { token: vigil.adminToken },
      );
      return body.latestTelemetry;
    });
    expect(telemetry).toMatchObject({ battery: 42, signalDbm: -90 });
    const pushed = await waitFor(() => positions.flat().find((p) => p.externalId === guard.externalId));
    expect(pushed.lat).toBe(10.2);
  });

  test("the same msg_id published twice gives one row", async () => {
    const client = await phone();
    const fix = gpsFix();
    const barrier = gpsFix();
    await publishJson(client, `guard/${guard.externalId}/gps`, fix);
    await publishJson(client, `guard/${guard.externalId}/gps`, fix);
    await publishJson(client, `guard/${guard.externalId}/gps`, barrier);
    await waitFor(async () => (await storedMsgIds()).includes(barrier.msg_id!));
    expect((await storedMsgIds()).filter((id) => id === fix.msg_id)).toHaveLength(1);
  });

  test("after a broker restart the ingestor reconnects and every fix published around the reconnect is stored", async () => {
    await mosquitto.stop();
    await waitFor(async () => (await api(vigil.url, "/readyz")).status === 503, {
      what: "readyz to see the broker gone",
    });
    await mosquitto.start();
    // Published while the ingestor may still be reconnecting: its persistent session queues them.
    const client = await phone();
    const fixes = Array.from({ length: 20 }, () => gpsFix());
    await Promise.all(fixes.map((fix) => publishJson(client, `guard/${guard.externalId}/gps`, fix)));

    await waitFor(
      async () => {
        const stored = new Set(await storedMsgIds());
        return fixes.every((f) => stored.has(f.msg_id!));
      },
      { timeoutMs: 10_000, what: "the queued fixes" },
    );
    const ready = await api<{ checks: Record<string, { ok: boolean }> }>(vigil.url, "/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body.checks.broker).toEqual({ ok: true });
  });
});
