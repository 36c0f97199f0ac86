// Lone-worker check-ins through the real broker, ingestor, worker and
// PostgreSQL: a guard's phone publishes `guard/{guardId}/check-in` (QoS 1) and
// gets a receipt; a resend gets the first answer and is not judged again; the
// duress PIN is answered exactly like the PIN but raises a critical duress
// alert with the last position on the NOC; a wrong PIN is answered wrong_pin
// and five lock the PINs; when a check-in is due the guard's phones get the
// check-in-due command, and after the grace one check-in-missed alert per
// missed period, never again on later ticks.
import { randomBytes } from "node:crypto";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CHECK_IN_DUE_COMMAND } from "../contracts/mqtt-payloads";
import type { AssignmentDto, SiteDto } from "../contracts/sites";
import type { GuardDto } from "../contracts/api";
import type { Broadcaster } from "../realtime/broadcaster";
import { advanceCheckIns } from "../services/check-ins/advance-check-ins";
import { api, createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../test/harness/api-client";
import { collect, connectSocket, type LiveSocket } from "../../test/harness/live-socket";
import { connectDevice, endQuietly, gpsFix, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

type Phone = {
  guard: GuardResponse;
  device: DeviceResponse;
  client: MqttClient;
  receipts: Buffer[];
  commands: unknown[];
};
type Command = { command_id: string; type: string; params: { dueAt: string; graceSeconds: number } };

let vigil: TestVigil;
let site: SiteDto;
let socket: LiveSocket;
const clients: MqttClient[] = [];
// The schedule is advanced here at chosen times; the worker's own minute runs too and must change nothing.
const quiet: Broadcaster = { toTenant: () => {}, toUser: () => {} };
const msgId = () => randomBytes(6).toString("hex");

beforeAll(async () => {
  vigil = await startTestVigil();
  const made = await api<SiteDto>(vigil.url, "/api/v1/sites", {
    token: vigil.adminToken,
    method: "POST",
    body: { name: "Quarry" },
  });
  site = made.body;
  socket = await connectSocket(vigil.url, vigil.adminToken);
});

afterAll(async () => {
  socket?.close();
  await endQuietly(...clients);
  await vigil?.dispose();
});

async function guardPhone(): Promise<Phone> {
  const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  clients.push(client);
  const phone: Phone = { guard, device, client, receipts: [], commands: [] };
  await client.subscribeAsync(`guard/${guard.externalId}/receipts`, { qos: 1 });
  await client.subscribeAsync(`device/${device.externalId}/commands`, { qos: 1 });
  client.on("message", (topic, payload) => {
    if (topic.endsWith("/receipts")) phone.receipts.push(payload);
    else phone.commands.push(JSON.parse(payload.toString()));
  });
  return phone;
}

async function setPins(guard: GuardResponse, pin: string, duressPin: string) {
  return api(vigil.url, `/api/v1/guards/${guard.externalId}/pins`, {
    token: vigil.adminToken,
    method: "PUT",
    body: { pin, duressPin },
  });
}

/** Checks in and returns the receipt's bytes, parsed and raw. */
async function checkIn(phone: Phone, fields: Record<string, unknown> = {}, id = msgId()) {
  const seen = phone.receipts.length;
  await publishJson(phone.client, `guard/${phone.guard.externalId}/check-in`, {
    timestamp: new Date().toISOString(),
    msg_id: id,
    ...fields,
  });
  const raw = await waitFor(
    () => phone.receipts.slice(seen).find((r) => (JSON.parse(r.toString()) as { msg_id: string }).msg_id === id),
    { what: `receipt of ${id}` },
  );
  return { raw: raw.toString(), receipt: JSON.parse(raw.toString()) as Record<string, unknown> };
}

async function state(guard: GuardResponse) {
  const [row] = await vigil.sql<{ lastCheckInAt: Date | null; wrongPins: number }[]>`
    select last_check_in_at as "lastCheckInAt", wrong_pins as "wrongPins" from guard_check_ins
    where guard_id = ${guard.id}`;
  return row;
}

async function alertsOf(guard: GuardResponse, type: string) {
  return vigil.sql<{ id: string; severity: string; count: number; lat: number | null; lon: number | null }[]>`
    select id, severity, count, lat, lon from alerts where guard_id = ${guard.id} and type = ${type}`;
}

describe("check-ins over MQTT", () => {
  test('an "I\'m OK" is receipted and recorded; a resend gets the first answer and is not judged again', async () => {
    const phone = await guardPhone();
    const id = msgId();
    const first = await checkIn(phone, {}, id);
    expect(first.receipt).toEqual({ msg_id: id, result: "ok" });
    expect((await state(phone.guard))?.lastCheckInAt).toBeInstanceOf(Date);
    // The same msg_id with a PIN that would be wrong: deduplicated, so the stored answer and no wrong PIN counted.
    const again = await checkIn(phone, { pin: "0000" }, id);
    expect(again.raw).toBe(first.raw);
    expect((await state(phone.guard))?.wrongPins).toBe(0);
  });

  test("PINs are set by an admin, must differ, and are never returned", async () => {
    const phone = await guardPhone();
    const same = await setPins(phone.guard, "4812", "4812");
    expect(same.status).toBe(422);
    expect(JSON.stringify(same.body)).toContain("duressPin");
    expect((await setPins(phone.guard, "48", "9911")).status).toBe(422);
    expect((await setPins(phone.guard, "4812", "9911")).status).toBe(204);
    const { body } = await api<GuardDto[]>(vigil.url, "/api/v1/guards", { token: vigil.adminToken });
    const listed = body.find((g) => g.externalId === phone.guard.externalId)!;
    expect(listed.hasPins).toBe(true);
    expect(JSON.stringify(listed)).not.toMatch(/4812|9911|scrypt/);
  });

  test("the duress PIN is answered exactly like the PIN, and raises a silent critical duress alert with the last position", async () => {
    const phone = await guardPhone();
    expect((await setPins(phone.guard, "2468", "1357")).status).toBe(204);
    const fix = gpsFix({ lat: 12.9352, lon: 77.6245, accuracy: 6 });
    await publishJson(phone.client, `guard/${phone.guard.externalId}/gps`, fix);
    await waitFor(
      async () => (await vigil.sql`select 1 from guard_positions where guard_id = ${phone.guard.id}`).length > 0,
      { what: "the fix stored" },
    );
    const alerts = collect(socket, "alerts:changed");

    const normalId = msgId();
    const normal = await checkIn(phone, { pin: "2468" }, normalId);
    const duressId = msgId();
    const duress = await checkIn(phone, { pin: "1357" }, duressId);
    // Byte for byte the same but for the msg_id: nothing on the phone tells the two apart.
    expect(duress.raw).toBe(normal.raw.replace(normalId, duressId));
    expect(duress.receipt).toEqual({ msg_id: duressId, result: "ok" });

    const [alert] = await alertsOf(phone.guard, "duress");
    expect(alert).toMatchObject({ severity: "critical", lat: 12.9352, lon: 77.6245 });
    await waitFor(() => alerts.flat().find((a) => a.id === alert!.id), { what: "the duress alert on the NOC" });
    // The PIN alone raised nothing, and the phone got nothing but its two receipts.
    expect(await alertsOf(phone.guard, "duress")).toHaveLength(1);
    expect(phone.commands).toEqual([]);
    expect(phone.receipts).toHaveLength(2);
    expect((await state(phone.guard))?.lastCheckInAt).toBeInstanceOf(Date);
  });

  test("a wrong PIN is answered wrong_pin and counted; after five even the right PIN is refused", async () => {
    const phone = await guardPhone();
    expect((await setPins(phone.guard, "5555", "7777")).status).toBe(204);
    for (let i = 1; i <= 5; i++) {
      expect((await checkIn(phone, { pin: "1234" })).receipt.result).toBe("wrong_pin");
      expect((await state(phone.guard))?.wrongPins).toBe(i);
    }
    expect((await state(phone.guard))?.lastCheckInAt).toBeNull();
    expect((await checkIn(phone, { pin: "5555" })).receipt.result).toBe("wrong_pin");
    expect(await alertsOf(phone.guard, "duress")).toEqual([]);
    // An admin setting the PINs again lifts the lock.
    expect((await setPins(phone.guard, "5555", "7777")).status).toBe(204);
    expect((await checkIn(phone, { pin: "5555" })).receipt.result).toBe("ok");
  });

  test("an invalid check-in is quarantined with the reason, its PIN blanked", async () => {
    const phone = await guardPhone();
    const topic = `guard/${phone.guard.externalId}/check-in`;
    await publishJson(phone.client, topic, { msg_id: msgId(), pin: 86421357 });
    const [row] = await waitFor(async () => {
      const rows = await vigil.sql<{ reason: string; detail: string; payload: string }[]>`
        select reason, detail, payload from mqtt_quarantine where topic = ${topic}`;
      return rows.length > 0 && rows;
    });
    expect(row).toMatchObject({ reason: "invalid_schema" });
    expect(row!.detail).toMatch(/^pin: /);
    expect(row!.payload).not.toContain("86421357");
  });
});

describe("the check-in schedule", () => {
  test("pre-alarms the guard's phone once when due, raises one missed alert per missed period after the grace", async () => {
    const phone = await guardPhone();
    await api(vigil.url, `/api/v1/guards/${phone.guard.externalId}/assignments`, {
      token: vigil.adminToken,
      method: "POST",
      body: { siteId: site.id },
    });
    const patched = await api<AssignmentDto>(
      vigil.url,
      `/api/v1/guards/${phone.guard.externalId}/assignments/${site.id}`,
      { token: vigil.adminToken, method: "PATCH", body: { checkInMinutes: 5, graceSeconds: 60 } },
    );
    expect(patched.body).toMatchObject({ checkInMinutes: 5, graceSeconds: 60, shifts: [] });
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    const start = new Date();
    await advanceCheckIns(vigil.sql, quiet, start);

    // Not yet due: nothing.
    expect(await advanceCheckIns(vigil.sql, quiet, minutes(4))).toMatchObject({ preAlarms: 0, missed: 0 });
    // Due: the pre-alarm, on the phone's command topic.
    expect(await advanceCheckIns(vigil.sql, quiet, minutes(5.5))).toMatchObject({ preAlarms: 1, missed: 0 });
    const command = (await waitFor(() => phone.commands[0], { what: "the pre-alarm on the phone" })) as Command;
    expect(command.type).toBe("check-in-due");
    expect(command.params.graceSeconds).toBe(60);
    expect(new Date(command.params.dueAt).getTime()).toBeLessThanOrEqual(minutes(5).getTime());
    // Later ticks of the same period, and a restart's, send nothing again.
    expect(await advanceCheckIns(vigil.sql, quiet, minutes(5.8))).toMatchObject({ preAlarms: 0, missed: 0 });
    // Past the grace: one critical check-in-missed alert; never again for this period.
    expect(await advanceCheckIns(vigil.sql, quiet, minutes(6.5))).toMatchObject({ preAlarms: 0, missed: 1 });
    for (const n of [7, 20, 60]) {
      expect(await advanceCheckIns(vigil.sql, quiet, minutes(n))).toMatchObject({ preAlarms: 0, missed: 0 });
    }
    const [missed] = await alertsOf(phone.guard, "check-in-missed");
    expect(missed).toMatchObject({ severity: "critical", count: 1 });
    const [commands] = await vigil.sql<{ n: number }[]>`
      select count(*)::int as n from device_commands where device_id = ${phone.device.id} and type = 'check-in-due'`;
    expect(commands!.n).toBe(1);

    // A check-in ends the period; the next one missed counts once more on the open alert.
    expect((await checkIn(phone)).receipt.result).toBe("ok");
    const checkedIn = (await state(phone.guard))!.lastCheckInAt!;
    const after = (n: number) => new Date(checkedIn.getTime() + n * 60_000);
    expect(await advanceCheckIns(vigil.sql, quiet, after(4))).toMatchObject({ preAlarms: 0, missed: 0 });
    // Found long past due and grace: the pre-alarm first, the missed alert on the next tick.
    expect(await advanceCheckIns(vigil.sql, quiet, after(7))).toMatchObject({ preAlarms: 1, missed: 0 });
    expect(await advanceCheckIns(vigil.sql, quiet, after(8))).toMatchObject({ preAlarms: 0, missed: 1 });
    expect(await advanceCheckIns(vigil.sql, quiet, after(9))).toMatchObject({ preAlarms: 0, missed: 0 });
    expect((await alertsOf(phone.guard, "check-in-missed"))[0]).toMatchObject({ count: 2 });
    await waitFor(() => phone.commands.length === 2, { what: "the second pre-alarm" });
  });

  test("a check-in withdraws the pre-alarm still queued for an offline phone", async () => {
    const phone = await guardPhone();
    const [queued] = await vigil.sql<{ id: string }[]>`
      insert into device_commands (tenant_id, device_id, type, params, expires_at)
      select tenant_id, id, ${CHECK_IN_DUE_COMMAND}, '{}'::jsonb, now() + interval '5 minutes'
      from devices where id = ${phone.device.id}
      returning id`;
    expect((await checkIn(phone)).receipt.result).toBe("ok");
    const [command] = await vigil.sql<
      { status: string }[]
    >`select status from device_commands where id = ${queued!.id}`;
    expect(command!.status).toBe("expired");
  });

  test("asks nothing of a guard off shift", async () => {
    const phone = await guardPhone();
    // Shifts on no day near today in UTC (yesterday, today, tomorrow): off shift now and five minutes on.
    const today = ((new Date().getUTCDay() + 6) % 7) + 1;
    const near = [today, today === 1 ? 7 : today - 1, today === 7 ? 1 : today + 1];
    const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => !near.includes(d));
    await api(vigil.url, `/api/v1/guards/${phone.guard.externalId}/assignments`, {
      token: vigil.adminToken,
      method: "POST",
      body: { siteId: site.id, shifts: [{ days, from: "00:00", to: "23:59" }], timezone: "UTC", checkInMinutes: 1 },
    });
    const now = new Date();
    await advanceCheckIns(vigil.sql, quiet, now);
    await advanceCheckIns(vigil.sql, quiet, new Date(now.getTime() + 5 * 60_000));
    expect(await alertsOf(phone.guard, "check-in-missed")).toEqual([]);
    const [commands] = await vigil.sql<{ n: number }[]>`
      select count(*)::int as n from device_commands where device_id = ${phone.device.id}`;
    expect(commands!.n).toBe(0);
  });
});
