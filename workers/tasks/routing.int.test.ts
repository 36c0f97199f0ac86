// Escalation routing end to end through the real worker, the twilio and resend
// SDKs and a fake of their APIs: an alert notifies through the first policy it
// matches only; quiet hours hold non-critical deliveries in the ledger until
// they end (critical ones never wait); a tier falls back to another channel
// when unacknowledged or undelivered, never once acknowledged; the country
// allow-list and the per-number SMS limit hold; "test this policy" sends a
// marked test. Time is moved by rescheduling the queue's jobs, the way a
// worker finds them after a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDetailDto, AlertListItemDto } from "../../server/contracts/alert-api";
import type { ContactDto, EscalationPolicyDto, PolicyTestDto } from "../../server/contracts/notifications";
import { api, createGuardWithPhone, type ApiError } from "../../test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "../../test/harness/fake-providers";
import { connectDevice, endQuietly, publishJson } from "../../test/harness/mqtt-device";
import { raisePanic } from "../../test/harness/panic";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

let vigil: TestVigil;
let fake: FakeProviders;
const people: Record<"pat" | "bea" | "dee" | "yan" | "rae", ContactDto> = {} as never;
const policies: Record<string, EscalationPolicyDto> = {};
/** Quiet hours around now (UTC): from an hour ago to an hour from now, and when they end. */
const hhmm = (d: Date) => d.toISOString().slice(11, 16);
const now = new Date();
const quiet = {
  from: hhmm(new Date(now.getTime() - 3600_000)),
  to: hhmm(new Date(now.getTime() + 3600_000)),
  timezone: "UTC",
};
const quietEnd = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 3600_000);

const post = <T>(route: string, body?: unknown) =>
  api<T>(vigil.url, route, { method: "POST", token: vigil.adminToken, body });
const sms = (phone: string) => fake.requests.filter((r) => r.provider === "twilio" && r.body.To === phone);
const emails = (to: string) =>
  fake.requests.filter((r) => r.provider === "resend" && JSON.stringify(r.body).includes(to));
const detail = async (alertId: string) =>
  (await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alertId}`, { token: vigil.adminToken })).body;
const jobByKey = (key: string) =>
  vigil.sql<{ id: string; run_at: Date; last_error: string | null }[]>`
    select id, run_at, last_error from graphile_worker._private_jobs where key = ${key}`;
/** The queue's clock moved on: the job runs now, as it would when its time came (or after a restart). */
async function runNow(key: string) {
  const [job] = await waitFor(
    async () => {
      const found = await jobByKey(key);
      return found.length > 0 && found;
    },
    { what: `job ${key}` },
  );
  await vigil.sql`select graphile_worker.reschedule_jobs(array[${job!.id}]::bigint[], run_at => now())`;
}

/** A guard's phone sends an alarm of this type and severity on alert/<type>/<guard>; the open alert. */
async function raise(type: string, severity: string): Promise<AlertListItemDto> {
  const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  await publishJson(client, `alert/${type}/${guard.externalId}`, {
    alert_type: type,
    severity,
    message: `${type} test`,
    location: { lat: 12.9716, lon: 77.5946 },
    timestamp: new Date().toISOString(),
  });
  await endQuietly(client);
  return openAlertFrom(guard.externalId, type);
}

async function openAlertFrom(sourceExternalId: string, type: string): Promise<AlertListItemDto> {
  return waitFor(async () => {
    const { body } = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", {
      token: vigil.adminToken,
    });
    return body.find((a) => a.sourceExternalId === sourceExternalId && a.type === type);
  });
}

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({
    env: { ...fake.vigilEnv, SMS_ALLOWED_COUNTRY_CODES: "+91,+44", SMS_PER_NUMBER_PER_MINUTE: "2" },
  });
  const contact = async (name: string, phone: string) =>
    (await post<ContactDto>("/api/v1/contacts", { name, phone, email: `${name.toLowerCase()}@vigil.test` })).body;
  people.pat = await contact("Pat", "+919811000001");
  people.bea = await contact("Bea", "+919811000002");
  people.dee = await contact("Dee", "+919811000003");
  people.yan = await contact("Yan", "+15550002222");
  people.rae = await contact("Rae", "+447700900004");
  const policy = async (body: Record<string, unknown>) => {
    const created = await post<EscalationPolicyDto>("/api/v1/escalation-policies", body);
    expect(created.status).toBe(201);
    policies[created.body.name] = created.body;
  };
  const tier = (who: ContactDto, extra: Record<string, unknown> = {}) => ({
    contactIds: [who.id],
    channels: ["sms"],
    delaySeconds: 0,
    ...extra,
  });
  await policy({ name: "Everything else", tiers: [tier(people.dee)] });
  await policy({
    name: "Panic",
    match: { types: ["panic", "man-down"] },
    priority: 10,
    quietHours: quiet,
    tiers: [tier(people.pat, { fallback: { channel: "email", afterSeconds: 10 } })],
  });
  await policy({
    name: "Battery",
    match: { types: ["low-battery"], severities: ["low", "medium"] },
    priority: 20,
    quietHours: quiet,
    tiers: [tier(people.bea)],
  });
  await policy({
    name: "Intrusion",
    match: { types: ["intrusion"] },
    priority: 30,
    tiers: [tier(people.yan, { fallback: { channel: "email", afterSeconds: 3600 } })],
  });
  await policy({ name: "Doors", match: { types: ["door-forced"] }, priority: 40, tiers: [tier(people.rae)] });
}, 60_000);

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

describe("routing", () => {
  it("a low-battery alert goes through the battery policy only: neither the panic policy nor the default", async () => {
    const { device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const client = await connectDevice(vigil.mqttUrl, device.mqtt);
    await publishJson(client, `device/${device.externalId}/telemetry`, { battery: 4 });
    await endQuietly(client);
    const alert = await openAlertFrom(device.externalId, "low-battery");
    const { deliveries } = await waitFor(async () => {
      const found = await detail(alert.id);
      return found.deliveries.length > 0 && found;
    });
    expect(deliveries.map((d) => d.contactName)).toEqual(["Bea"]);
  });

  it("a panic goes through the panic policy only, at once though the policy is in its quiet hours", async () => {
    const { alert } = await raisePanic(vigil, "help");
    await waitFor(() => sms(people.pat.phone!).some((r) => r.body.Body?.includes(alert.sourceExternalId)), {
      what: "the panic SMS to Pat",
    });
    const { deliveries } = await detail(alert.id);
    expect(deliveries.map((d) => [d.contactName, d.channel, d.fallback])).toEqual([["Pat", "sms", false]]);
  });

  it("refuses a second default policy, another tenant's site, a bad time zone and a fallback on the tier's own channel", async () => {
    const tiers = [{ contactIds: [people.dee.id], channels: ["sms"] }];
    const second = await post<ApiError>("/api/v1/escalation-policies", { name: "Another default", tiers });
    expect(second.status).toBe(409);
    expect(second.body.error.issues?.map((i) => i.path)).toEqual(["match"]);
    const bad = await post<ApiError>("/api/v1/escalation-policies", {
      name: "Bad",
      match: { siteIds: [crypto.randomUUID()] },
      quietHours: { from: "22:00", to: "07:00", timezone: "Mars/Olympus" },
      tiers: [{ ...tiers[0], fallback: { channel: "sms", afterSeconds: 60 } }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues?.map((i) => i.path).sort()).toEqual([
      "quietHours.timezone",
      "tiers.0.fallback.channel",
    ]);
    const foreignSite = await post<ApiError>("/api/v1/escalation-policies", {
      name: "Foreign site",
      match: { siteIds: [crypto.randomUUID()] },
      tiers,
    });
    expect(foreignSite.status).toBe(422);
    expect(foreignSite.body.error.issues?.map((i) => i.path)).toEqual(["match.siteIds.0"]);
  });
});

describe("quiet hours", () => {
  it("hold a non-critical delivery in the ledger until they end, then send it", async () => {
    const alert = await raise("low-battery", "low");
    const [held] = await waitFor(async () => {
      const { deliveries } = await detail(alert.id);
      return deliveries.length > 0 && deliveries;
    });
    expect(held).toMatchObject({ contactName: "Bea", status: "held_quiet_hours", holdUntil: quietEnd.toISOString() });
    // The job waits in the queue for that time: nothing in memory to lose on a restart.
    const [job] = await jobByKey(`delivery:${held!.id}`);
    expect(job!.run_at.toISOString()).toBe(quietEnd.toISOString());
    expect(sms(people.bea.phone!).filter((r) => r.body.Body?.includes(alert.sourceExternalId))).toEqual([]);

    await runNow(`delivery:${held!.id}`);
    await waitFor(() => sms(people.bea.phone!).some((r) => r.body.Body?.includes(alert.sourceExternalId)), {
      what: "the SMS once quiet hours end",
    });
    const after = await waitFor(async () => {
      const [d] = (await detail(alert.id)).deliveries;
      return d?.status === "sent" && d;
    });
    expect(after.holdUntil).toBeNull();
  });

  it("skip a held delivery whose alert was acknowledged before they ended", async () => {
    const alert = await raise("low-battery", "medium");
    const [held] = await waitFor(async () => {
      const { deliveries } = await detail(alert.id);
      return deliveries.length > 0 && deliveries;
    });
    expect((await post(`/api/v1/alerts/${alert.id}/acknowledge`)).status).toBe(200);
    await runNow(`delivery:${held!.id}`);
    const skipped = await waitFor(async () => {
      const [d] = (await detail(alert.id)).deliveries;
      return d?.status === "skipped" && d;
    });
    expect(skipped.error).toBe("the alert was acknowledged during quiet hours");
    expect(sms(people.bea.phone!).filter((r) => r.body.Body?.includes(alert.sourceExternalId))).toEqual([]);
  });
});

describe("fallback", () => {
  it("sends the tier's fallback channel when the alert is still unacknowledged after its delay", async () => {
    const { alert } = await raisePanic(vigil, "fallback please");
    await waitFor(() => sms(people.pat.phone!).some((r) => r.body.Body?.includes(alert.sourceExternalId)));
    const [job] = await jobByKey(`fallback:${alert.id}:0:0`);
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now());
    await runNow(`fallback:${alert.id}:0:0`);
    const fallback = await waitFor(async () =>
      (await detail(alert.id)).deliveries.find((d) => d.fallback && d.status === "sent"),
    );
    expect(fallback).toMatchObject({ contactName: "Pat", channel: "email", tier: 0 });
    expect(emails(people.pat.email!).some((r) => JSON.stringify(r.body).includes(alert.sourceExternalId))).toBe(true);
  });

  it("never falls back once the alert is acknowledged", async () => {
    const { alert } = await raisePanic(vigil, "acknowledged in time");
    await waitFor(async () => (await detail(alert.id)).deliveries.length > 0, { what: "the panic's delivery" });
    expect((await post(`/api/v1/alerts/${alert.id}/acknowledge`)).status).toBe(200);
    await runNow(`fallback:${alert.id}:0:0`);
    await waitFor(async () => (await jobByKey(`fallback:${alert.id}:0:0`)).length === 0, {
      what: "the fallback job ran",
    });
    expect((await detail(alert.id)).deliveries.filter((d) => d.fallback)).toEqual([]);
  });

  it("falls back at once when the SMS may not go: a number outside the country allow-list gets the email", async () => {
    const alert = await raise("intrusion", "high");
    const deliveries = await waitFor(async () => {
      const found = (await detail(alert.id)).deliveries;
      return found.some((d) => d.fallback && d.status === "sent") && found;
    });
    expect(deliveries.map((d) => [d.channel, d.fallback, d.status, d.error])).toEqual([
      ["sms", false, "skipped", "country code not allowed for SMS"],
      ["email", true, "sent", null],
    ]);
    expect(sms(people.yan.phone!)).toEqual([]);
  });
});

describe("SMS limits", () => {
  it("sends at most SMS_PER_NUMBER_PER_MINUTE to one number; the next waits in the queue", async () => {
    const alerts = [];
    for (let i = 0; i < 3; i += 1) alerts.push(await raise("door-forced", "high"));
    const ids = alerts.map((a) => a.id);
    const rows = await waitFor(
      async () => {
        const found = await vigil.sql<{ id: string; status: string; last_error: string | null }[]>`
        select n.id, n.status::text, j.last_error from notification_deliveries n
        left join graphile_worker._private_jobs j on j.key = 'delivery:' || n.id
        where n.alert_id = any(${ids}::uuid[])`;
        const sent = found.filter((r) => r.status === "sent").length;
        return found.length === 3 && sent === 2 && found.some((r) => r.last_error?.includes("SMS rate limit")) && found;
      },
      { timeoutMs: 30_000, what: "two SMS sent and the third refused by the per-number limit" },
    );
    expect(rows.filter((r) => r.status === "queued")).toHaveLength(1);
    expect(sms(people.rae.phone!)).toHaveLength(2);
  });
});

describe("test this policy", () => {
  it("sends the first tier a notification starting with TEST, on a resolved test alert outside the queue", async () => {
    const before = sms(people.dee.phone!).length;
    const sent = await post<PolicyTestDto>(`/api/v1/escalation-policies/${policies["Everything else"]!.id}/test`);
    expect(sent.status).toBe(202);
    expect(sent.body.deliveries).toBe(1);
    const [message] = await waitFor(() => {
      const found = sms(people.dee.phone!).slice(before);
      return found.length > 0 && found;
    });
    expect(message!.body.Body).toMatch(/^TEST - not a real alert\. /);
    const alert = await detail(sent.body.alertId);
    expect(alert).toMatchObject({ type: "policy-test", status: "RESOLVED", outcome: "test" });
    expect(alert.deliveries.map((d) => [d.contactName, d.channel])).toEqual([["Dee", "sms"]]);
    const open = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", {
      token: vigil.adminToken,
    });
    expect(open.body.map((a) => a.id)).not.toContain(sent.body.alertId);
    const [audit] = await vigil.sql`
      select action from audit_events where entity_id = ${policies["Everything else"]!.id} and action = 'test'`;
    expect(audit).toEqual({ action: "test" });
  });
});
