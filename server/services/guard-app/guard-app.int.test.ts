// The guard app's server side against the real broker and PostgreSQL: a phone
// is enrolled with a one-time token from the guard's page and gets a login
// that works over MQTT over WebSocket; the token works once and expires; the
// phone reads its guard's shift as the device and stops when the device is
// revoked; and the pre-alarm command goes to its push subscription too.
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { EnrolledPhoneDto, GuardAppViewDto, PhoneEnrolmentDto } from "../../contracts/guard-app";
import { api, createGuard, type ApiError, type GuardResponse } from "../../../test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "../../../test/harness/fake-providers";
import { endQuietly, gpsFix, publishJson } from "../../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor, waitForRow } from "../../../test/harness/wait-for";

let vigil: TestVigil;
let fake: FakeProviders;
let guard: GuardResponse;
const clients: MqttClient[] = [];

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({ env: fake.vigilEnv });
  guard = await createGuard(vigil.url, vigil.adminToken, { name: "Asha Verma" });
}, 60_000);

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
  await fake?.close();
});

async function enrol(): Promise<{ enrolment: PhoneEnrolmentDto; token: string }> {
  const response = await api<PhoneEnrolmentDto>(vigil.url, `/api/v1/guards/${guard.externalId}/phone-enrolments`, {
    method: "POST",
    token: vigil.adminToken,
  });
  expect(response.status).toBe(201);
  return { enrolment: response.body, token: response.body.enrolPath.split("#")[1]! };
}

const redeem = (token: string) =>
  api<EnrolledPhoneDto & ApiError>(vigil.url, "/api/v1/phone-enrolments", { method: "POST", body: { token } });

const asDevice = (login: { username: string; password: string }) => ({
  authorization: `Basic ${Buffer.from(`${login.username}:${login.password}`).toString("base64")}`,
});

describe("the guard app", () => {
  test("an enrolled phone's login works over MQTT over WebSocket, and its token works only once", async () => {
    const { enrolment, token } = await enrol();
    expect(enrolment.enrolPath).toMatch(/^\/g\/enrol#[\w-]{40,}$/);
    const login = await redeem(token);
    expect(login.status).toBe(201);
    expect(login.body).toMatchObject({
      username: enrolment.deviceExternalId,
      guardExternalId: guard.externalId,
      mqttPath: "/mqtt",
    });

    const client = await mqtt.connectAsync(`${vigil.url.replace(/^http/, "ws")}${login.body.mqttPath}`, {
      username: login.body.username,
      password: login.body.password,
      clientId: `${login.body.username}@app`,
      reconnectPeriod: 0,
    });
    clients.push(client);
    const fix = gpsFix({ lat: 18.52, lon: 73.85 });
    await publishJson(client, `guard/${guard.externalId}/gps`, fix, 0);
    await waitForRow(() => vigil.sql`select 1 from guard_locations where msg_id = ${fix.msg_id!}`);

    const again = await redeem(token);
    expect(again.status).toBe(422);
    expect(again.body.error.issues?.[0]?.path).toBe("token");
  });

  test("an expired token redeems nothing", async () => {
    const { token, enrolment } = await enrol();
    await vigil.sql`update devices set enrol_expires_at = now() - interval '1 second'
      where external_id = ${enrolment.deviceExternalId}`;
    expect((await redeem(token)).status).toBe(422);
  });

  test("the phone reads its guard's sites as the device, until the device is revoked", async () => {
    const site = await api<{ id: string }>(vigil.url, "/api/v1/sites", {
      method: "POST",
      token: vigil.adminToken,
      body: { name: "Riverside depot", timezone: "Asia/Kolkata" },
    });
    expect(site.status).toBe(201);
    const assigned = await api(vigil.url, `/api/v1/guards/${guard.externalId}/assignments`, {
      method: "POST",
      token: vigil.adminToken,
      body: { siteId: site.body.id },
    });
    expect(assigned.status).toBe(201);
    const { body: login } = await redeem((await enrol()).token);

    const view = await api<GuardAppViewDto>(vigil.url, "/api/v1/device/me", { headers: asDevice(login) });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      deviceExternalId: login.username,
      guard: { externalId: guard.externalId, name: "Asha Verma" },
      sites: [{ id: site.body.id, name: "Riverside depot" }],
      run: null,
      cancelWindowSeconds: 5,
    });
    const wrong = await api(vigil.url, "/api/v1/device/me", { headers: asDevice({ ...login, password: "nope" }) });
    expect(wrong.status).toBe(401);

    const revoked = await api(vigil.url, `/api/v1/devices/${login.username}/revoke`, {
      method: "POST",
      token: vigil.adminToken,
    });
    expect(revoked.status).toBeLessThan(300);
    expect((await api(vigil.url, "/api/v1/device/me", { headers: asDevice(login) })).status).toBe(401);
  });

  test("the check-in-due command also pushes 'Check in now' to the phone's push subscription", async () => {
    const { body: login } = await redeem((await enrol()).token);
    const phone = fake.pushSubscription();
    const saved = await api(vigil.url, "/api/v1/device/push-subscriptions", {
      method: "POST",
      headers: asDevice(login),
      body: phone,
    });
    expect(saved.status).toBe(201);
    const [row] = await vigil.sql<{ deviceId: string | null; userId: string | null }[]>`
      select device_id as "deviceId", user_id as "userId" from push_subscriptions where endpoint = ${phone.endpoint}`;
    expect(row).toMatchObject({ userId: null });
    expect(row?.deviceId).not.toBeNull();

    const command = await api(vigil.url, `/api/v1/devices/${login.username}/commands`, {
      method: "POST",
      token: vigil.adminToken,
      body: { type: "check-in-due", params: { dueAt: new Date().toISOString(), graceSeconds: 120 }, ttlSeconds: 300 },
    });
    expect(command.status).toBe(201);
    const push = await waitFor(
      () => fake.requests.find((r) => r.provider === "push" && phone.endpoint.endsWith(r.path)) ?? null,
      { timeoutMs: 10_000, what: "the pre-alarm push" },
    );
    expect(push.body).toMatchObject({ title: "Check in now", url: "/g", severity: "high" });
  });
});
