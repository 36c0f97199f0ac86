// One MQTT id space (issue 16, item 1): the database refuses a guard id equal
// to a device id in any tenant, and an id that collides anyway (data from
// before migration 0012) is quarantined as ambiguous_source: its alarms reach
// neither tenant. The collision is seeded in SQL with the guards trigger
// switched off for one insert, the only way past the constraint.
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AlertListItemDto } from "../contracts/alert-api";
import type { Logger } from "../observability/logger";
import { api, createDevice, createGuard, createGuardWithPhone, logIn, uniqueId } from "../../test/harness/api-client";
import { connectDevice, endQuietly, gpsFix, panicAlarm, publishJson } from "../../test/harness/mqtt-device";
import { createTenant, tenantOf } from "../../test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor, waitForRow } from "../../test/harness/wait-for";
import { reportIdentityCollisions } from "./report-identity-collisions";

let vigil: TestVigil;
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

describe("an id held by both a guard and a device", () => {
  test("the database refuses it: a guard with a device's id (another tenant) is a unique violation", async () => {
    const other = await createTenant(vigil.sql);
    const device = await createDevice(vigil.url, await logIn(vigil.url, other), { kind: "sensor" });
    const tenantA = await tenantOf(vigil.sql, ADMIN_EMAIL);
    await expect(
      vigil.sql`insert into guards (tenant_id, external_id, name) values (${tenantA}, ${device.externalId}, 'Twin')`,
    ).rejects.toMatchObject({ code: "23505", constraint_name: "mqtt_identities_pkey" });
  });

  test("a panic on a colliding id is quarantined as ambiguous_source and raises no alert in either tenant", async () => {
    // Tenant B registers a phone; tenant A gets a guard with the same id, past the constraint.
    const tenantA = await tenantOf(vigil.sql, ADMIN_EMAIL);
    const b = await createTenant(vigil.sql, { name: "Tenant B" });
    const bToken = await logIn(vigil.url, b);
    const id = uniqueId("twin");
    const phoneB = await createDevice(vigil.url, bToken, { externalId: id });
    await vigil.sql.begin(async (tx) => {
      await tx`alter table guards disable trigger guards_mqtt_identity`;
      await tx`insert into guards (tenant_id, external_id, name) values (${tenantA}, ${id}, 'Guard of A')`;
      await tx`alter table guards enable trigger guards_mqtt_identity`;
    });
    const [collision] = await vigil.sql<{ guardTenant: string; deviceTenant: string }[]>`
      select guard_tenant_id as "guardTenant", device_tenant_id as "deviceTenant"
      from mqtt_identity_collisions where external_id = ${id}`;
    expect(collision).toEqual({ guardTenant: tenantA, deviceTenant: b.tenantId });
    // What an ingest process logs at start for the operator.
    const warnings: unknown[] = [];
    const logger = { warn: (fields: unknown) => warnings.push(fields) } as unknown as Logger;
    await reportIdentityCollisions({ sql: vigil.sql, logger });
    expect(warnings).toEqual([expect.objectContaining({ external_ids: expect.arrayContaining([id]) })]);

    // B's phone may publish under its own id (the broker's ACL allows it); the ingestor must not route it.
    const phone = await connectDevice(vigil.mqttUrl, phoneB.mqtt);
    clients.push(phone);
    await publishJson(phone, `alert/panic/${id}`, panicAlarm("whose panic is this?"), 2);
    const quarantined = await waitForRow(
      () => vigil.sql<{ reason: string; tenantId: string | null }[]>`
        select reason, tenant_id as "tenantId" from mqtt_quarantine where topic = ${`alert/panic/${id}`}`,
      { what: "the panic in quarantine" },
    );
    expect(quarantined).toEqual({ reason: "ambiguous_source", tenantId: null });

    // A later fix from an unrelated phone of A, once stored, shows the ingestor has handled the panic.
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const barrier = await connectDevice(vigil.mqttUrl, device.mqtt);
    clients.push(barrier);
    const fix = gpsFix();
    await publishJson(barrier, `guard/${guard.externalId}/gps`, fix);
    await waitForRow(() => vigil.sql`select 1 from guard_locations where msg_id = ${fix.msg_id!}`, { what: "barrier" });

    const [alerts] = await vigil.sql<{ n: number }[]>`
      select count(*)::int as n from alerts where tenant_id in (${tenantA}, ${b.tenantId})
        and source_key in (select 'guard:' || id from guards where external_id = ${id}
                           union all select 'device:' || id from devices where external_id = ${id})`;
    expect(alerts!.n).toBe(0);
    for (const token of [vigil.adminToken, bToken]) {
      const { body } = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", { token });
      expect(body.filter((x) => x.sourceExternalId === id)).toEqual([]);
    }
  });

  test("once the collision is resolved (A's guard renamed), the phone's panic reaches its own tenant", async () => {
    const tenantA = await tenantOf(vigil.sql, ADMIN_EMAIL);
    const b = await createTenant(vigil.sql);
    const bToken = await logIn(vigil.url, b);
    const id = uniqueId("twin");
    const phoneB = await createDevice(vigil.url, bToken, { externalId: id });
    await vigil.sql.begin(async (tx) => {
      await tx`alter table guards disable trigger guards_mqtt_identity`;
      await tx`insert into guards (tenant_id, external_id, name) values (${tenantA}, ${id}, 'Guard of A')`;
      await tx`alter table guards enable trigger guards_mqtt_identity`;
    });
    await vigil.sql`update guards set external_id = ${`${id}-renamed`} where external_id = ${id}`;
    await vigil.sql`select pg_notify('vigil_registry', ${id})`;

    const phone = await connectDevice(vigil.mqttUrl, phoneB.mqtt);
    clients.push(phone);
    await publishJson(phone, `alert/panic/${id}`, panicAlarm("mine"), 2);
    const alert = await waitFor(async () => {
      const { body } = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", {
        token: bToken,
      });
      return body.find((x) => x.sourceExternalId === id);
    });
    expect(alert.type).toBe("panic");
  });
});

describe("an alarm's tenant is the authenticated publisher's", () => {
  test("a device bound by hand to another tenant's guard cannot raise that guard's alarms", async () => {
    const tenantA = await tenantOf(vigil.sql, ADMIN_EMAIL);
    const guardOfA = await createGuard(vigil.url, vigil.adminToken);
    const b = await createTenant(vigil.sql);
    const phoneB = await createDevice(vigil.url, await logIn(vigil.url, b), {});
    // The API refuses this binding (tenant-isolation matrix); a row edited by hand must not open A's alarms either.
    await vigil.sql`update devices set guard_id = ${guardOfA.id} where id = ${phoneB.id}`;

    const phone = await connectDevice(vigil.mqttUrl, phoneB.mqtt);
    clients.push(phone);
    const topic = `alert/panic/${guardOfA.externalId}`;
    phone.publish(topic, JSON.stringify(panicAlarm("not my guard")), { qos: 0 });
    const refused = await waitForRow(
      () => vigil.sql<{ reason: string }[]>`select reason from mqtt_quarantine where topic = ${topic}`,
      { what: "the refused publish in quarantine" },
    );
    expect(refused.reason).toBe("not_authorized");
    const [alerts] = await vigil.sql<{ n: number }[]>`
      select count(*)::int as n from alerts where tenant_id = ${tenantA} and guard_id = ${guardOfA.id}`;
    expect(alerts!.n).toBe(0);
  });
});
