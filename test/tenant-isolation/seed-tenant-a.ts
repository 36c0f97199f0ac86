// Tenant A's data for the cross-tenant tests, made through the API and MQTT as
// a user would: a guard with a phone, a sensor with a command and a config,
// alert rules, a contact and an escalation policy, a GPS fix, a panic,
// telemetry and a quarantined message, a finished training run and its model,
// a site with a fence and the guard assigned to it, a patrol checkpoint, a
// tour and a run of it. The hooks let a test
// watch its sockets at the moments the traffic and the site go out.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { DeviceDto } from "@/server/contracts/api";
import type { AlertListItemDto } from "@/server/contracts/alert-api";
import type { ContactDto, EscalationPolicyDto } from "@/server/contracts/notifications";
import type { GuardPositionDto } from "@/server/contracts/socket-events";
import { api, createGuardWithPhone, uniqueId, type DeviceResponse } from "@/test/harness/api-client";
import { connectDevice, endQuietly, gpsFix, publishJson } from "@/test/harness/mqtt-device";
import { tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, type TestVigil } from "@/test/harness/vigil";
import { waitFor, waitForRow } from "@/test/harness/wait-for";
import { A_RULES, type TenantA } from "./matrix";

type Hooks = {
  /** After A's fix, panic and telemetry are stored (the panic's alert id given). */
  afterTraffic?: (seen: { guardExternalId: string; alertId: string }) => Promise<void>;
  /** After A's site is created. */
  afterSite?: (siteId: string) => Promise<void>;
};

export async function seedTenantA(vigil: TestVigil, hooks: Hooks = {}): Promise<TenantA> {
  const tenantA = await tenantOf(vigil.sql, ADMIN_EMAIL);
  const adminA = vigil.adminToken;
  const hex = randomBytes(4).toString("hex");
  const markers = {
    command: `cmd-marker-${hex}`,
    config: `cfg-marker-${hex}`,
    quarantine: `quarantine-marker-${hex}`,
    telemetry: `tele-marker-${hex}`,
    ruleType: `a-rule-${hex}`,
  };
  const { guard, device: phone } = await createGuardWithPhone(vigil.url, adminA);
  const sensorResponse = await api<DeviceResponse>(vigil.url, "/api/v1/devices", {
    method: "POST",
    token: adminA,
    body: { externalId: uniqueId("sensor"), kind: "sensor", name: "A sensor" },
  });
  expect(sensorResponse.status).toBe(201);
  const sensor = sensorResponse.body;
  const command = await api<{ id: string }>(vigil.url, `/api/v1/devices/${sensor.externalId}/commands`, {
    method: "POST",
    token: adminA,
    body: { type: "reboot", params: { marker: markers.command }, ttlSeconds: 3600 },
  });
  expect(command.status).toBe(201);
  const config = await api(vigil.url, `/api/v1/devices/${sensor.externalId}/config`, {
    method: "PUT",
    token: adminA,
    body: { config: { interval: 30, marker: markers.config } },
  });
  expect(config.status).toBeLessThan(300);

  // Alert rules, a contact and an escalation policy.
  const rules = await api(vigil.url, "/api/v1/alert-rules", {
    method: "PUT",
    token: adminA,
    body: A_RULES(markers.ruleType),
  });
  expect(rules.status).toBe(200);
  const contact = await api<ContactDto>(vigil.url, "/api/v1/contacts", {
    method: "POST",
    token: adminA,
    body: { name: `A Contact ${hex}`, phone: `+91${String(parseInt(hex, 16)).padStart(10, "7").slice(0, 10)}` },
  });
  expect(contact.status).toBe(201);
  const policy = await api<EscalationPolicyDto>(vigil.url, "/api/v1/escalation-policies", {
    method: "POST",
    token: adminA,
    body: { name: `A policy ${hex}`, tiers: [{ contactIds: [contact.body.id], channels: ["sms"], delaySeconds: 60 }] },
  });
  expect(policy.status).toBe(201);

  // Over MQTT: a GPS fix and a panic from the phone, telemetry and an invalid payload from the sensor.
  const lat = 48.137154;
  const lon = 11.576124;
  const phoneClient = await connectDevice(vigil.mqttUrl, phone.mqtt);
  const sensorClient = await connectDevice(vigil.mqttUrl, sensor.mqtt);
  try {
    await publishJson(phoneClient, `guard/${guard.externalId}/gps`, gpsFix({ lat, lon }));
    await publishJson(phoneClient, `alert/panic/${guard.externalId}`, {
      alert_type: "panic",
      severity: "critical",
      message: "Emergency assistance needed",
      location: { lat, lon },
      timestamp: new Date().toISOString(),
      msg_id: `panic-${hex}`,
    });
    await publishJson(sensorClient, `device/${sensor.externalId}/telemetry`, {
      battery: 77,
      note: markers.telemetry,
      msg_id: `t-${hex}`,
    });
    await publishJson(sensorClient, `device/${sensor.externalId}/telemetry`, `not json ${markers.quarantine}`);
  } finally {
    await endQuietly(phoneClient, sensorClient);
  }

  const alert = await waitFor(
    async () => {
      const { body } = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", {
        token: adminA,
      });
      return body.find((x) => x.sourceExternalId === guard.externalId);
    },
    { what: "A's panic alert" },
  );
  const quarantine = await waitForRow(
    () => vigil.sql<{ id: number; tenantId: string | null }[]>`
      select id, tenant_id as "tenantId" from mqtt_quarantine where payload like ${`%${markers.quarantine}%`}`,
    { what: "A's quarantine row" },
  );
  // Attributed to A: an unattributed row is (by design) visible to every tenant.
  expect(quarantine.tenantId).toBe(tenantA);
  await waitFor(
    async () => {
      const { body } = await api<GuardPositionDto[]>(vigil.url, "/api/v1/positions", { token: adminA });
      return body.some((p) => p.externalId === guard.externalId);
    },
    { what: "A's position" },
  );
  await waitFor(
    async () => {
      const { body } = await api<DeviceDto>(vigil.url, `/api/v1/devices/${sensor.externalId}`, { token: adminA });
      return body.lastSeenAt !== null;
    },
    { what: "A's telemetry" },
  );
  await hooks.afterTraffic?.({ guardExternalId: guard.externalId, alertId: alert.id });
  // A finished training run and its model (training itself is tested in workers/tasks/ml-training.int.test.ts).
  const [run] = await vigil.sql<{ id: string }[]>`
    insert into training_runs (tenant_id, status, total_epochs, epoch) values (${tenantA}, 'succeeded', 3, 3) returning id`;
  const [model] = await vigil.sql<{ id: string }[]>`
    insert into ml_models (tenant_id, version, training_run_id, metrics, model)
    values (${tenantA}, 1, ${run!.id}, '{}'::jsonb, '{}'::jsonb) returning id`;

  // A site with a fence, A's guard assigned to it.
  const site = await api<{ id: string; name: string }>(vigil.url, "/api/v1/sites", {
    method: "POST",
    token: adminA,
    body: {
      name: `A Site ${hex}`,
      geofences: [{ name: `A Fence ${hex}`, circle: { center: [lon, lat], radiusM: 100 } }],
    },
  });
  expect(site.status).toBe(201);
  await hooks.afterSite?.(site.body.id);
  const assigned = await api(vigil.url, `/api/v1/guards/${guard.externalId}/assignments`, {
    method: "POST",
    token: adminA,
    body: { siteId: site.body.id },
  });
  expect(assigned.status).toBe(201);
  // A checkpoint of the site, a tour of it, and a run of the tour.
  const checkpoint = await api<{ id: string; code: string }>(vigil.url, `/api/v1/sites/${site.body.id}/checkpoints`, {
    method: "POST",
    token: adminA,
    body: { name: `A Gate ${hex}` },
  });
  expect(checkpoint.status).toBe(201);
  const tour = await api<{ id: string; name: string }>(vigil.url, `/api/v1/sites/${site.body.id}/tours`, {
    method: "POST",
    token: adminA,
    body: {
      name: `A Round ${hex}`,
      checkpointIds: [checkpoint.body.id],
      startAt: new Date().toISOString(),
      windowMinutes: 30,
      repeatMinutes: 60,
      guardExternalId: guard.externalId,
    },
  });
  expect(tour.status).toBe(201);
  await vigil.sql`
    insert into tour_runs (tenant_id, tour_id, site_id, checkpoint_ids, ordered, due_at, closes_at)
    values (${tenantA}, ${tour.body.id}, ${site.body.id}, ${[checkpoint.body.id]}, false, now(),
            now() + interval '30 minutes')`;

  return {
    guard,
    phone,
    site: site.body,
    checkpoint: checkpoint.body,
    tour: tour.body,
    sensor,
    alertId: alert.id,
    commandId: command.body.id,
    contact: contact.body,
    policy: policy.body,
    quarantineId: quarantine.id,
    adminUserId: (await vigil.sql<{ id: string }[]>`select id from users where email = ${ADMIN_EMAIL}`)[0]!.id,
    trainingRunId: run!.id,
    modelId: model!.id,
    lat: String(lat),
    lon: String(lon),
    markers,
  };
}
