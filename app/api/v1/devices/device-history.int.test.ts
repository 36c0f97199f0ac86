// A device's telemetry and a sensor's readings over time (issue 20, item 7):
// what the device published over MQTT comes back oldest first, within the
// range asked for, a bounded page at a time with a cursor that walks the rest.
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SensorReadingDto, TelemetryPointDto } from "@/server/contracts/device-history";
import type { Page } from "@/server/contracts/pagination";
import { api, createDevice, type ApiError } from "@/test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "@/test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";

let vigil: TestVigil;
const clients: MqttClient[] = [];
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

async function connected(kind: "gateway" | "sensor") {
  const device = await createDevice(vigil.url, vigil.adminToken, { kind });
  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  clients.push(client);
  return { device, client };
}

const get = <T>(path: string) => api<T>(vigil.url, path, { token: vigil.adminToken });

describe("device history", () => {
  test("telemetry comes back oldest first, in the range, a page at a time", async () => {
    const { device, client } = await connected("gateway");
    // Published newest first: the answer's order is the readings' time, not their arrival.
    for (const [minutes, battery] of [
      [10, 80],
      [40, 83],
      [70, 86],
      [100, 89],
      [60 * 30, 99],
    ] as const) {
      await publishJson(client, `device/${device.externalId}/telemetry`, {
        battery,
        signal: -70,
        timestamp: minutesAgo(minutes),
      });
    }
    const base = `/api/v1/devices/${device.externalId}/telemetry`;
    // The default range is the last day: the reading of 30 hours ago is outside it.
    const all = await waitFor(async () => {
      const { body } = await get<Page<TelemetryPointDto>>(base);
      return body.items.length === 4 && body;
    });
    expect(all.items.map((p) => p.battery)).toEqual([89, 86, 83, 80]);
    expect(all.nextCursor).toBeNull();

    const first = await get<Page<TelemetryPointDto>>(`${base}?limit=3`);
    expect(first.body.items.map((p) => p.battery)).toEqual([89, 86, 83]);
    const rest = await get<Page<TelemetryPointDto>>(`${base}?limit=3&cursor=${first.body.nextCursor}`);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ battery: 80, signalDbm: -70 })], nextCursor: null });

    const ranged = await get<Page<TelemetryPointDto>>(
      `${base}?since=${encodeURIComponent(minutesAgo(60 * 31))}&until=${encodeURIComponent(minutesAgo(50))}`,
    );
    expect(ranged.body.items.map((p) => p.battery)).toEqual([99, 89, 86]);
  });

  test("a sensor's readings of every kind, numbers and states", async () => {
    const { device, client } = await connected("sensor");
    await publishJson(client, `sensor/${device.externalId}/temperature`, { value: 21.5, timestamp: minutesAgo(5) });
    await publishJson(client, `sensor/${device.externalId}/door`, { state: "open", timestamp: minutesAgo(4) });
    const { body } = await waitFor(async () => {
      const answer = await get<Page<SensorReadingDto>>(`/api/v1/devices/${device.externalId}/readings`);
      return answer.body.items.length === 2 && answer;
    });
    expect(body.items).toEqual([
      expect.objectContaining({ kind: "temperature", value: 21.5 }),
      expect.objectContaining({ kind: "door", state: "open", value: null }),
    ]);
  });

  test("a foreign cursor or a reversed range is a 422 naming the field", async () => {
    const { device } = await connected("gateway");
    const base = `/api/v1/devices/${device.externalId}/telemetry`;
    const cursor = Buffer.from(JSON.stringify(["2026-01-01", "not-a-row"])).toString("base64url");
    const badCursor = await get<ApiError>(`${base}?cursor=${cursor}`);
    expect(badCursor.status).toBe(422);
    expect(badCursor.body.error.issues?.[0]?.path).toBe("query.cursor");
    const reversed = await get<ApiError>(
      `${base}?since=${encodeURIComponent(minutesAgo(1))}&until=${encodeURIComponent(minutesAgo(60))}`,
    );
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.issues?.[0]?.path).toBe("query.since");
  });
});
