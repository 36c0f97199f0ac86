// Man-down's cancel window against a real Vigil: a guard found lying still is
// first asked "Are you OK?" on their phone (`man-down-check`), and the
// critical man-down alert goes up only when the window (30 s) passed with no
// check-in and no move; the PIN inside the window answers it; a second run
// (a restart, another worker) asks nothing twice; a window of 0 alarms at once.
// The liveness check runs here at chosen times; the worker's own runs may
// come between and must change nothing that is asserted.
import { randomBytes } from "node:crypto";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SiteDto } from "../contracts/sites";
import type { Broadcaster } from "../realtime/broadcaster";
import { api, createGuardWithPhone, type GuardResponse } from "../../test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";
import { checkLiveness } from "./check-liveness";

type Command = { command_id: string; type: string; params: { dueAt: string; cancelSeconds: number } };
type Phone = { guard: GuardResponse; client: MqttClient; commands: Command[]; receipts: Record<string, unknown>[] };

let vigil: TestVigil;
let site: SiteDto;
const clients: MqttClient[] = [];
const quiet: Broadcaster = { toTenant: () => {}, toUser: () => {} };
const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

beforeAll(async () => {
  vigil = await startTestVigil();
  site = (
    await api<SiteDto>(vigil.url, "/api/v1/sites", {
      token: vigil.adminToken,
      method: "POST",
      body: { name: "Warehouse" },
    })
  ).body;
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

/** A guard on shift (no shift windows: always on) with a connected phone that records its commands and receipts. */
async function guardOnShift(): Promise<Phone> {
  const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  await api(vigil.url, `/api/v1/guards/${guard.externalId}/assignments`, {
    token: vigil.adminToken,
    method: "POST",
    body: { siteId: site.id },
  });
  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  clients.push(client);
  const phone: Phone = { guard, client, commands: [], receipts: [] };
  await client.subscribeAsync(`device/${device.externalId}/commands`, { qos: 1 });
  await client.subscribeAsync(`guard/${guard.externalId}/receipts`, { qos: 1 });
  client.on("message", (topic, payload) => {
    const body = JSON.parse(payload.toString()) as Record<string, unknown>;
    if (topic.endsWith("/commands")) phone.commands.push(body as Command);
    else phone.receipts.push(body);
  });
  return phone;
}

/** 21 fixes over the last 10 minutes within half a metre of each other: lying still. */
async function lieStill(phone: Phone) {
  const end = Date.now() - 1000;
  for (let i = 0; i <= 20; i += 1) {
    await publishJson(phone.client, `guard/${phone.guard.externalId}/gps`, {
      lat: 12.95 + (i * 0.02) / 111_320,
      lon: 77.6,
      accuracy: 5,
      timestamp: new Date(end - (20 - i) * 30_000).toISOString(),
    });
  }
  await waitFor(async () => {
    const [row] = await vigil.sql<{ n: number }[]>`
      select count(*)::int as n from guard_locations where guard_id = ${phone.guard.id}`;
    return row!.n === 21;
  });
}

const manDownAlerts = (guard: GuardResponse) =>
  vigil.sql<{ id: string; severity: string; message: string }[]>`
    select id, severity, message from alerts where guard_id = ${guard.id} and type = 'man-down'`;

const questionsAsked = async (guard: GuardResponse) => {
  const [row] = await vigil.sql<{ n: number }[]>`
    select count(*)::int as n from device_commands c join devices d on d.id = c.device_id
    where d.guard_id = ${guard.id} and c.type = 'man-down-check'`;
  return row!.n;
};

async function checkIn(phone: Phone, pin: string) {
  const msgId = randomBytes(6).toString("hex");
  await publishJson(phone.client, `guard/${phone.guard.externalId}/check-in`, {
    timestamp: new Date().toISOString(),
    msg_id: msgId,
    pin,
  });
  return waitFor(() => phone.receipts.find((r) => r.msg_id === msgId), { what: `receipt of ${msgId}` });
}

async function setPins(guard: GuardResponse, pin: string, duressPin: string) {
  const response = await api(vigil.url, `/api/v1/guards/${guard.externalId}/pins`, {
    token: vigil.adminToken,
    method: "PUT",
    body: { pin, duressPin },
  });
  expect(response.status).toBeLessThan(300);
}

describe("man-down asks the guard first", () => {
  test("a still guard's phone is asked 'Are you OK?' with no alert yet; unanswered, one alert after the window", async () => {
    const phone = await guardOnShift();
    await lieStill(phone);
    const asked = new Date();

    await checkLiveness(vigil.sql, quiet, asked);
    const command = await waitFor(() => phone.commands.find((c) => c.type === "man-down-check"), {
      what: "the man-down-check on the phone",
    });
    expect(command.params.cancelSeconds).toBe(30);
    expect(Date.parse(command.params.dueAt)).toBeGreaterThanOrEqual(later(asked, 30).getTime() - 1000);
    expect(await manDownAlerts(phone.guard)).toEqual([]);

    // Inside the window: still no alarm, and the question is not asked again.
    await checkLiveness(vigil.sql, quiet, later(asked, 20));
    expect(await manDownAlerts(phone.guard)).toEqual([]);

    await checkLiveness(vigil.sql, quiet, later(asked, 31));
    const [alert, ...more] = await manDownAlerts(phone.guard);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ severity: "critical" });
    expect(alert!.message).toMatch(/has not moved more than 15 m in 10 min .*no answer to "Are you OK\?" in 30 s/);

    // Later runs keep the one alert and ask nothing more.
    await checkLiveness(vigil.sql, quiet, later(asked, 60));
    expect(await manDownAlerts(phone.guard)).toHaveLength(1);
    expect(await questionsAsked(phone.guard)).toBe(1);
  });

  /** A guard on shift with PINs 2468 (and duress 1357), lying still until the phone is asked "Are you OK?". */
  async function askedWithPins() {
    const phone = await guardOnShift();
    await setPins(phone.guard, "2468", "1357");
    await lieStill(phone);
    const asked = new Date();
    await checkLiveness(vigil.sql, quiet, asked);
    await waitFor(() => phone.commands.find((c) => c.type === "man-down-check"), { what: "the question" });
    return { phone, asked };
  }

  test("the PIN inside the window answers it: no alert, and no new question until the guard lies still again", async () => {
    const { phone, asked } = await askedWithPins();

    expect(await checkIn(phone, "2468")).toMatchObject({ result: "ok" });
    await checkLiveness(vigil.sql, quiet, later(asked, 31));
    await checkLiveness(vigil.sql, quiet, later(asked, 90));
    expect(await manDownAlerts(phone.guard)).toEqual([]);
    expect(await questionsAsked(phone.guard)).toBe(1);
  });

  test("the duress PIN answers the phone the same, raises the silent duress alert and no man-down", async () => {
    const { phone, asked } = await askedWithPins();

    expect(await checkIn(phone, "1357")).toMatchObject({ result: "ok" });
    await checkLiveness(vigil.sql, quiet, later(asked, 31));
    expect(await manDownAlerts(phone.guard)).toEqual([]);
    const duress = await vigil.sql`select id from alerts where guard_id = ${phone.guard.id} and type = 'duress'`;
    expect(duress).toHaveLength(1);
  });

  test("a move inside the window answers it", async () => {
    const phone = await guardOnShift();
    await lieStill(phone);
    const asked = new Date();
    await checkLiveness(vigil.sql, quiet, asked);
    await publishJson(phone.client, `guard/${phone.guard.externalId}/gps`, {
      lat: 12.95 + 50 / 111_320,
      lon: 77.6,
      accuracy: 5,
      timestamp: new Date(asked.getTime() + 1000).toISOString(),
    });
    await waitFor(async () => {
      const [row] = await vigil.sql<{ n: number }[]>`
        select count(*)::int as n from guard_locations where guard_id = ${phone.guard.id}`;
      return row!.n === 22;
    });
    await checkLiveness(vigil.sql, quiet, later(asked, 31));
    expect(await manDownAlerts(phone.guard)).toEqual([]);
  });

  test("a second run at the same time (a restart, another worker) asks once and alarms once", async () => {
    const phone = await guardOnShift();
    await lieStill(phone);
    const asked = new Date();
    await Promise.all([checkLiveness(vigil.sql, quiet, asked), checkLiveness(vigil.sql, quiet, asked)]);
    await checkLiveness(vigil.sql, quiet, later(asked, 5));
    expect(await questionsAsked(phone.guard)).toBe(1);
    await Promise.all([
      checkLiveness(vigil.sql, quiet, later(asked, 31)),
      checkLiveness(vigil.sql, quiet, later(asked, 31)),
    ]);
    expect(await manDownAlerts(phone.guard)).toHaveLength(1);
    const [row] = await vigil.sql<{ alarmedAt: Date | null }[]>`
      select alarmed_at as "alarmedAt" from guard_man_down_checks where guard_id = ${phone.guard.id}`;
    expect(row!.alarmedAt).not.toBeNull();
  });

  // Last: it changes the tenant's rules.
  test("with the window set to 0 the alarm goes up at once, as before, and nothing is asked", async () => {
    const rules = await api(vigil.url, "/api/v1/alert-rules", {
      token: vigil.adminToken,
      method: "PUT",
      body: { liveness: { manDownCancelSeconds: 0 } },
    });
    expect(rules.status).toBe(200);
    const phone = await guardOnShift();
    await lieStill(phone);
    await checkLiveness(vigil.sql, quiet, new Date());
    expect(await manDownAlerts(phone.guard)).toHaveLength(1);
    expect(await questionsAsked(phone.guard)).toBe(0);
  });
});
