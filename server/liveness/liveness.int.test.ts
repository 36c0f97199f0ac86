// Liveness against a real Vigil: a device silent for three intervals goes
// offline with one alert and comes back online (alert resolved) when it
// reports; a guard on shift who stays within a few metres for ten minutes
// raises a critical man-down alert, one who walks does not.
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AlertDetailDto } from "../contracts/api";
import type { SiteDto } from "../contracts/sites";
import type { AlertDto } from "../contracts/socket-events";
import type { Broadcaster } from "../realtime/broadcaster";
import { api, createDevice, createGuardWithPhone } from "../../test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";
import { checkLiveness } from "./check-liveness";

let vigil: TestVigil;
let site: SiteDto;
const clients: MqttClient[] = [];
const broadcasts: AlertDto[] = [];
const recorder: Broadcaster = {
  toTenant: (_tenantId, _event, ...args) => broadcasts.push(...(args[0] as AlertDto[])),
} as Broadcaster;

beforeAll(async () => {
  vigil = await startTestVigil();
  site = (
    await api<SiteDto>(vigil.url, "/api/v1/sites", {
      token: vigil.adminToken,
      method: "POST",
      body: { name: "Patrol site" },
    })
  ).body;
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

const alertsOf = (source: string, type: string) =>
  vigil.sql<{ id: string; status: string; count: number; severity: string; message: string }[]>`
    select a.id, a.status, a.count, a.severity, a.message from alerts a
    where a.source_key = ${source} and a.type = ${type} order by a.created_at`;

describe("offline and back online", () => {
  test("a device silent for 3 intervals goes offline once, and its alert resolves when it reports", async () => {
    const sensor = await createDevice(vigil.url, vigil.adminToken, { kind: "sensor" });
    const id = await idOf(sensor.externalId);
    // A sensor is expected every 300 s: last heard 901 s ago.
    await vigil.sql`update devices set last_seen_at = now() - interval '901 seconds' where id = ${id}`;
    const other = await createDevice(vigil.url, vigil.adminToken, { kind: "sensor" });
    await vigil.sql`update devices set last_seen_at = now() - interval '800 seconds'
                    where external_id = ${other.externalId}`;

    const first = await checkLiveness(vigil.sql, recorder);
    expect(first.offline).toBe(1);
    const [alert] = await alertsOf(`device:${id}`, "offline");
    expect(alert).toMatchObject({ status: "NEW", severity: "high", count: 1 });
    expect(alert!.message).toMatch(/has not reported for 90\d s \(expected every 300 s\)/);
    expect(broadcasts.map((b) => b.id)).toContain(alert!.id);
    expect(await alertsOf(`device:${await idOf(other.externalId)}`, "offline")).toEqual([]);

    // Still silent: nothing new.
    expect((await checkLiveness(vigil.sql, recorder)).offline).toBe(0);
    expect(await alertsOf(`device:${id}`, "offline")).toHaveLength(1);

    // It reports again: back online, the alert resolved with the reason.
    const client = await connectDevice(vigil.mqttUrl, sensor.mqtt);
    clients.push(client);
    await publishJson(client, `device/${sensor.externalId}/telemetry`, {
      battery: 80,
      timestamp: new Date().toISOString(),
    });
    await waitFor(async () => {
      const [row] = await vigil.sql<{ fresh: boolean }[]>`
        select last_seen_at > offline_since as fresh from devices where id = ${id}`;
      return row!.fresh;
    });
    expect((await checkLiveness(vigil.sql, recorder)).online).toBe(1);
    const detail = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert!.id}`, { token: vigil.adminToken });
    expect(detail.body.status).toBe("RESOLVED");
    expect(detail.body.events.at(-1)).toMatchObject({ action: "resolved", channel: "system" });
    expect(broadcasts.filter((b) => b.id === alert!.id).at(-1)?.status).toBe("RESOLVED");
  });
});

async function idOf(externalId: string): Promise<string> {
  const [row] = await vigil.sql<{ id: string }[]>`select id from devices where external_id = ${externalId}`;
  return row!.id;
}

describe("man-down", () => {
  async function guardOnShift() {
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    await api(vigil.url, `/api/v1/guards/${guard.externalId}/assignments`, {
      token: vigil.adminToken,
      method: "POST",
      body: { siteId: site.id },
    });
    const phone = await connectDevice(vigil.mqttUrl, device.mqtt);
    clients.push(phone);
    return { guard, phone };
  }

  /** 21 fixes over the last 10 minutes, each `stepM` metres north of the last. */
  async function walk(phone: MqttClient, externalId: string, stepM: number) {
    const end = Date.now() - 1000;
    for (let i = 0; i <= 20; i += 1) {
      await publishJson(phone, `guard/${externalId}/gps`, {
        lat: 12.95 + (i * stepM) / 111_320,
        lon: 77.6,
        accuracy: 5,
        timestamp: new Date(end - (20 - i) * 30_000).toISOString(),
      });
    }
    await waitFor(async () => {
      const [row] = await vigil.sql<{ n: number }[]>`
        select count(*)::int as n from guard_locations l join guards g on g.id = l.guard_id
        where g.external_id = ${externalId}`;
      return row!.n === 21;
    });
  }

  test("a guard on shift who has not moved 15 m in 10 min raises a critical alert; a walking guard does not", async () => {
    const still = await guardOnShift();
    const walking = await guardOnShift();
    await walk(still.phone, still.guard.externalId, 0.5);
    await walk(walking.phone, walking.guard.externalId, 5);

    const summary = await checkLiveness(vigil.sql, recorder);
    expect(summary.manDown).toBe(1);
    const [alert] = await alertsOf(`guard:${still.guard.id}`, "man-down");
    expect(alert).toMatchObject({ status: "NEW", severity: "critical" });
    expect(alert!.message).toMatch(/has not moved more than 15 m in 10 min/);
    expect(await alertsOf(`guard:${walking.guard.id}`, "man-down")).toEqual([]);
  });
});
