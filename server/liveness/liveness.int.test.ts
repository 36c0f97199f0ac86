// Liveness against a real Vigil: a device silent for three intervals goes
// offline with one alert and comes back online (alert resolved) when it
// reports; a guard on shift who stays within a few metres for ten minutes
// raises a critical man-down alert once the "Are you OK?" window (30 s) passed
// unanswered (the window itself: man-down-check.int.test.ts), one who walks
// does not. A guard's phone
// alarms only while its guard is on shift: switched off after the shift it is
// no alert, unless the next shift begins while it is still off.
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AlertDetailDto } from "../contracts/alert-api";
import type { SiteDto } from "../contracts/sites";
import type { AlertDto } from "../contracts/socket-events";
import type { Broadcaster } from "../realtime/broadcaster";
import { api, createDevice, createGuardWithPhone } from "../../test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";
import { markDeviceOffline } from "../services/devices/mark-device-offline";
import { checkLiveness } from "./check-liveness";

let vigil: TestVigil;
let site: SiteDto;
const clients: MqttClient[] = [];
const broadcasts: AlertDto[] = [];
const recorder: Broadcaster = {
  toTenant: (_tenantId, _event, ...args) => void broadcasts.push(...(args[0] as AlertDto[])),
  toUser: () => {},
};

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

  test("a guard on shift who has not moved 15 m in 10 min raises a critical alert; a walking guard does not", async () => {
    const still = await guardOnShift();
    const walking = await guardOnShift();
    await walk(still.phone, still.guard.externalId, 0.5);
    await walk(walking.phone, walking.guard.externalId, 5);

    const now = new Date();
    await checkLiveness(vigil.sql, recorder, now);
    const summary = await checkLiveness(vigil.sql, recorder, new Date(now.getTime() + 31_000));
    expect(summary.manDown).toBe(1);
    const [alert] = await alertsOf(`guard:${still.guard.id}`, "man-down");
    expect(alert).toMatchObject({ status: "NEW", severity: "critical" });
    expect(alert!.message).toMatch(/has not moved more than 15 m in 10 min/);
    expect(await alertsOf(`guard:${walking.guard.id}`, "man-down")).toEqual([]);
  });
});

describe("guard phones follow their guard's shifts", () => {
  // Weekdays 09:00-17:00 in Kolkata (UTC+5:30): 03:30-11:30 UTC. Monday 7 December 2026.
  const dayShift = { days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" };
  const monday = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00Z`);
  const tuesday = (hhmm: string) => new Date(`2026-12-08T${hhmm}:00Z`);

  async function guardPhoneWithShift(lastSeenAt: Date, shifts = [dayShift]) {
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const assigned = await api(vigil.url, `/api/v1/guards/${guard.externalId}/assignments`, {
      token: vigil.adminToken,
      method: "POST",
      body: { siteId: site.id, shifts, timezone: "Asia/Kolkata" },
    });
    expect(assigned.status).toBe(201);
    const id = await idOf(device.externalId);
    await vigil.sql`update devices set last_seen_at = ${lastSeenAt} where id = ${id}`;
    return { guard, device, source: `device:${id}` };
  }

  test("a phone silent after its guard's shift raises no alert; silent during the shift, it does", async () => {
    // Switched off at 11:35 UTC, five minutes after the shift ended; checked an hour later.
    const after = await guardPhoneWithShift(monday("11:35"));
    // Silent since 08:00 UTC, in the middle of the shift.
    const during = await guardPhoneWithShift(monday("08:00"));

    await checkLiveness(vigil.sql, recorder, monday("09:00"));
    const [alert] = await alertsOf(during.source, "offline");
    expect(alert).toMatchObject({ status: "NEW", severity: "high", count: 1 });
    expect(alert!.message).toMatch(/has not reported for 3600 s/);

    await checkLiveness(vigil.sql, recorder, monday("12:35"));
    expect(await alertsOf(after.source, "offline")).toEqual([]);
    const [state] = await vigil.sql<{ offline: boolean }[]>`
      select offline_since is not null as offline from devices where external_id = ${after.device.externalId}`;
    expect(state!.offline).toBe(true);
  });

  test("a phone still off when its guard's next shift begins raises one alert then", async () => {
    const phone = await guardPhoneWithShift(monday("11:40"));
    await checkLiveness(vigil.sql, recorder, monday("12:40"));
    // Overnight and before Tuesday's shift (03:30 UTC): nothing.
    await checkLiveness(vigil.sql, recorder, tuesday("03:29"));
    expect(await alertsOf(phone.source, "offline")).toEqual([]);

    await checkLiveness(vigil.sql, recorder, tuesday("03:30"));
    await checkLiveness(vigil.sql, recorder, tuesday("03:31"));
    const alerts = await alertsOf(phone.source, "offline");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: "NEW", count: 1 });
    expect(alerts[0]!.message).toMatch(/is offline as its guard's shift begins \(last reported \d+ min ago\)/);
  });

  test("a phone whose app leaves (OwnTracks's last will) after the shift raises no alert", async () => {
    const phone = await guardPhoneWithShift(monday("11:45"));
    const offline = await markDeviceOffline(vigil.sql, phone.device.externalId, { now: monday("11:45") });
    expect(offline).toMatchObject({ alert: null });
    expect(await alertsOf(phone.source, "offline")).toEqual([]);
    const inShift = await guardPhoneWithShift(monday("10:00"));
    const alarmed = await markDeviceOffline(vigil.sql, inShift.device.externalId, { now: monday("10:00") });
    expect(alarmed?.alert).toMatchObject({ type: "offline", status: "NEW" });
  });

  test("a guard off shift who lies still raises no man-down alert", async () => {
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const phone = await connectDevice(vigil.mqttUrl, device.mqtt);
    clients.push(phone);
    await walk(phone, guard.externalId, 0.5);
    // Shifts on every day but today (UTC), from the same clock the check reads: off shift now.
    const now = new Date();
    const today = ((now.getUTCDay() + 6) % 7) + 1;
    const shifts = [{ days: [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== today), from: "00:00", to: "23:59" }];
    await api(vigil.url, `/api/v1/guards/${guard.externalId}/assignments`, {
      token: vigil.adminToken,
      method: "POST",
      body: { siteId: site.id, shifts, timezone: "UTC" },
    });
    await checkLiveness(vigil.sql, recorder, now);
    expect(await alertsOf(`guard:${guard.id}`, "man-down")).toEqual([]);
    // The same stillness with the guard on duty (shifts removed: always on) is an alarm.
    await api(vigil.url, `/api/v1/guards/${guard.externalId}/assignments`, {
      token: vigil.adminToken,
      method: "POST",
      body: { siteId: site.id, shifts: [] },
    });
    await checkLiveness(vigil.sql, recorder, now);
    await checkLiveness(vigil.sql, recorder, new Date(now.getTime() + 31_000));
    expect(await alertsOf(`guard:${guard.id}`, "man-down")).toHaveLength(1);
  });
});
