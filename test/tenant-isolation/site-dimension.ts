// The matrix's site dimension (app/api/v1/site-isolation.int.test.ts): tenant A
// gets a second site, "site 1", with its own guard and phone, and an operator
// and a supervisor limited to it. Seen from them, what seedTenantA makes (its
// site, guard, devices, alert, checkpoint and tour) is another site's: every
// matrix call with A's ids must answer them as it answers another tenant.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { AlertListItemDto } from "@/server/contracts/alert-api";
import type { UserDto } from "@/server/contracts/admin";
import { api, createGuardWithPhone, logIn, type DeviceResponse, type GuardResponse } from "@/test/harness/api-client";
import { connectDevice, endQuietly, gpsFix, panicAlarm, publishJson } from "@/test/harness/mqtt-device";
import { createUser, tenantOf, type TestUser } from "@/test/harness/tenants";
import { ADMIN_EMAIL, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";
import { secretsOf, type TenantA } from "./matrix";

const SITE_ROLES = ["operator", "supervisor"] as const;
type SiteRole = (typeof SITE_ROLES)[number];

/** Site 1 of tenant A and the users limited to it. */
export type SiteOne = {
  site: { id: string; name: string };
  guard: GuardResponse;
  phone: DeviceResponse;
  users: { role: SiteRole; user: TestUser; id: string; token: string }[];
  /** Where site 1's guard reports from (far from A's site, so its numbers are not A's). */
  lat: number;
  lon: number;
};

/** Site 1 with its guard and phone, and an operator and a supervisor limited to it (set by A's admin, PATCH). */
export async function seedSiteOne(vigil: TestVigil): Promise<SiteOne> {
  const adminA = vigil.adminToken;
  const tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
  const hex = randomBytes(4).toString("hex");
  const site = await api<{ id: string; name: string }>(vigil.url, "/api/v1/sites", {
    method: "POST",
    token: adminA,
    body: { name: `Site one ${hex}` },
  });
  expect(site.status).toBe(201);
  const { guard, device: phone } = await createGuardWithPhone(vigil.url, adminA);
  const assigned = await api(vigil.url, `/api/v1/guards/${guard.externalId}/assignments`, {
    method: "POST",
    token: adminA,
    body: { siteId: site.body.id },
  });
  expect(assigned.status).toBe(201);
  const users = await Promise.all(
    SITE_ROLES.map(async (role) => {
      const user = await createUser(vigil.sql, { tenantId, role });
      const [row] = await vigil.sql<{ id: string }[]>`select id from users where email = ${user.email}`;
      const limited = await api<UserDto>(vigil.url, `/api/v1/users/${row!.id}`, {
        method: "PATCH",
        token: adminA,
        body: { siteIds: [site.body.id] },
      });
      expect(limited.status).toBe(200);
      expect(limited.body.siteIds).toEqual([site.body.id]);
      return { role, user, id: row!.id, token: await logIn(vigil.url, user) };
    }),
  );
  return { site: site.body, guard, phone, users, lat: 52.520008, lon: 13.404954 };
}

/** A fix and a panic from site 1's guard; the panic's alert, once stored. */
export async function publishSiteOneTraffic(vigil: TestVigil, one: SiteOne): Promise<AlertListItemDto> {
  const client = await connectDevice(vigil.mqttUrl, one.phone.mqtt);
  try {
    await publishJson(client, `guard/${one.guard.externalId}/gps`, gpsFix({ lat: one.lat, lon: one.lon }));
    await publishJson(client, `alert/panic/${one.guard.externalId}`, {
      ...panicAlarm("Site one panic"),
      location: { lat: one.lat, lon: one.lon },
    });
  } finally {
    await endQuietly(client);
  }
  return waitFor(
    async () => {
      const { body } = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", {
        token: vigil.adminToken,
      });
      return body.find((x) => x.sourceExternalId === one.guard.externalId);
    },
    { what: "site 1's panic alert" },
  );
}

/** A second fix from A's guard, now assigned to A's site (site 2), and a repeat of its panic. */
export async function publishSiteTwoTraffic(vigil: TestVigil, a: TenantA): Promise<void> {
  const client = await connectDevice(vigil.mqttUrl, a.phone.mqtt);
  try {
    await publishJson(client, `guard/${a.guard.externalId}/gps`, gpsFix({ lat: Number(a.lat), lon: Number(a.lon) }));
    await publishJson(client, `alert/panic/${a.guard.externalId}`, {
      ...panicAlarm("Site two panic again"),
      location: { lat: Number(a.lat), lon: Number(a.lon) },
    });
  } finally {
    await endQuietly(client);
  }
}

/** What of A's would give site 2 away to a user limited to site 1: all but the tenant's alert rules, which all read. */
export function siteTwoSecretsOf(a: TenantA): string[] {
  return secretsOf(a).filter((s) => s !== a.markers.ruleType);
}
