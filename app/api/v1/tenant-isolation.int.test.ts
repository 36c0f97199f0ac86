// Cross-tenant isolation matrix (issue 9, item 3): tenant A owns real data made
// through the API and MQTT; every role of tenant B calls EVERY /api/v1 route
// with A's identifiers. Nothing of A's may come back, nothing of A's may change,
// and B's live socket must hear nothing of A's traffic. The route list is read
// from the file system, so a new route without a matrix entry fails this test.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DeviceDto, UserRole } from "@/server/contracts/api";
import type { AlertDetailDto } from "@/server/contracts/alert-api";
import type { ContactDto, EscalationPolicyDto } from "@/server/contracts/notifications";
import type { Page } from "@/server/contracts/pagination";
import { api, logIn, type ApiError } from "@/test/harness/api-client";
import { collect, connectSocket, type LiveSocket } from "@/test/harness/live-socket";
import { connectDevice, endQuietly } from "@/test/harness/mqtt-device";
import { createTenant, createUser, tenantOf, type TestUser } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";
import {
  discoverRoutes,
  LIST_OK,
  MATRIX,
  secretsOf,
  A_RULES,
  B_ROLES,
  CALLS_PER_ROLE,
  ROUTE_HANDLERS,
  type Method,
  type TenantA,
} from "@/test/tenant-isolation/matrix";
import { seedTenantA } from "@/test/tenant-isolation/seed-tenant-a";

let vigil: TestVigil;
let a: TenantA;
let bUsers: { role: UserRole; user: TestUser; token: string }[];
let aSocket: LiveSocket;
let bSockets: LiveSocket[];
const bHeard: { role: UserRole; event: string; payload: unknown }[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
  const tenantA = await tenantOf(vigil.sql, ADMIN_EMAIL);
  const adminA = vigil.adminToken;

  // Tenant B: one user of every role, each logged in, each with a live socket.
  const bAdmin = await createTenant(vigil.sql, { name: "Tenant B" });
  bUsers = await Promise.all(
    B_ROLES.map(async (role) => {
      const user = role === "admin" ? bAdmin : await createUser(vigil.sql, { tenantId: bAdmin.tenantId, role });
      return { role, user, token: await logIn(vigil.url, user) };
    }),
  );
  expect(bAdmin.tenantId).not.toBe(tenantA);
  aSocket = await connectSocket(vigil.url, adminA);
  bSockets = await Promise.all(
    bUsers.map(async ({ role, token }) => {
      const socket = await connectSocket(vigil.url, token);
      socket.onAny((event: string, payload: unknown) => bHeard.push({ role, event, payload }));
      return socket;
    }),
  );
  const aPositions = collect(aSocket, "guard:positions");
  const aAlerts = collect(aSocket, "alerts:changed");
  const aFences = collect(aSocket, "fences:changed");

  // Tenant A's data; A's own socket sees the traffic and the site, B's sockets get time to (wrongly) hear them.
  a = await seedTenantA(vigil, {
    afterTraffic: async ({ guardExternalId, alertId }) => {
      await waitFor(() => aPositions.flat().some((p) => p.externalId === guardExternalId), {
        what: "A's fix on socket",
      });
      await waitFor(() => aAlerts.flat().some((x) => x.id === alertId), { what: "A's panic on socket" });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    },
    afterSite: async (siteId) => {
      await waitFor(() => aFences.some((e) => e.siteId === siteId), { what: "A's fences:changed on socket" });
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
  });
}, 60_000);

afterAll(async () => {
  aSocket?.close();
  bSockets?.forEach((s) => s.close());
  await vigil?.dispose();
});

describe(`tenant isolation: ${ROUTE_HANDLERS} route handlers × ${B_ROLES.length} tenant-B roles × A's ids = ${CALLS_PER_ROLE * B_ROLES.length} calls`, () => {
  test("every route handler under app/api/v1 has a matrix entry (and no entry is stale)", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(discoverRoutes());
  });

  test("tenant B's sockets heard nothing while A's fix, panic and site were published", () => {
    expect(bHeard).toEqual([]);
  });

  test("the leak detector works: A's own admin does see A's data on the list routes", async () => {
    const secrets = secretsOf(a);
    const seen = new Set<string>();
    for (const route of [
      "/api/v1/guards",
      "/api/v1/devices",
      "/api/v1/alerts",
      "/api/v1/contacts",
      "/api/v1/escalation-policies",
      "/api/v1/positions",
      "/api/v1/positions/latest",
      "/api/v1/quarantine",
      "/api/v1/alert-rules",
      "/api/v1/users",
      "/api/v1/tour-runs",
      "/api/v1/audit-events?limit=200",
    ]) {
      const text = JSON.stringify((await api(vigil.url, route, { token: vigil.adminToken })).body);
      for (const s of secrets) if (text.includes(s)) seen.add(s);
    }
    for (const s of [
      a.guard.externalId,
      a.sensor.externalId,
      a.alertId,
      a.contact.name,
      a.contact.phone!,
      a.lat,
      a.tour.name,
    ]) {
      expect(seen).toContain(s);
    }
    expect(seen).toContain(a.markers.ruleType);
    expect(seen).toContain(a.adminUserId);
    expect(seen).toContain(a.markers.quarantine);
  });

  test("no role of tenant B gets, changes or learns of A's data on any route", async () => {
    const secrets = secretsOf(a);
    const failures: string[] = [];
    let calls = 0;
    for (const { role, user, token } of bUsers) {
      for (const [key, build] of Object.entries(MATRIX)) {
        const method = key.split(" ")[1] as Method;
        for (const call of build(a)) {
          calls++;
          const callToken = call.freshToken ? await logIn(vigil.url, user) : token;
          const response = await api(vigil.url, call.path, { method, token: callToken, body: call.body });
          const where = `${role} ${method} ${call.path}`;
          if (!call.ok.includes(response.status)) {
            failures.push(`${where}: status ${response.status} not in [${call.ok.join(", ")}]`);
          }
          if (call.idRoute && response.status < 300) failures.push(`${where}: 2xx on A's id`);
          // 404s name the id that was asked for ("No device \"x\".") - an echo of the caller's own input, not a leak.
          const asked = `${call.path} ${JSON.stringify(call.body ?? null)}`;
          const text = typeof response.body === "string" ? response.body : JSON.stringify(response.body ?? "");
          const leaked = secrets.filter((s) => !asked.includes(s) && text.includes(s));
          if (leaked.length > 0) failures.push(`${where}: body leaks ${leaked.join(", ")}: ${text.slice(0, 300)}`);
          if (response.status === 409) {
            const message = (response.body as ApiError).error.message;
            if (!/already|in use|exists/i.test(message)) failures.push(`${where}: 409 says "${message}"`);
          }
          if (LIST_OK === call.ok && response.status === 200) {
            const items = Array.isArray(response.body)
              ? response.body
              : ((response.body as { items?: unknown[] }).items ?? null);
            if (!Array.isArray(items)) failures.push(`${where}: list body is not a list: ${text.slice(0, 200)}`);
            else if (
              items.some((item) => (item as { id?: unknown }).id === a.quarantineId && call.path.includes("quarantine"))
            ) {
              failures.push(`${where}: lists A's quarantine row ${a.quarantineId}`);
            }
          }
        }
      }
    }
    console.info(
      `tenant isolation matrix: ${ROUTE_HANDLERS} route handlers × ${bUsers.length} roles = ${calls} calls ` +
        `(${CALLS_PER_ROLE} per role, A's ids included)`,
    );
    expect(calls).toBe(CALLS_PER_ROLE * B_ROLES.length);
    expect(failures).toEqual([]);
    // Sign-ins and new users cost a scrypt hash at N=2^17 each (about 2 s on a busy machine): 22 s measured.
  }, 90_000);

  test("A's data is unchanged after the matrix", async () => {
    const adminA = vigil.adminToken;
    const alert = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${a.alertId}`, { token: adminA });
    expect(alert.status).toBe(200);
    expect(alert.body.status).toBe("NEW");
    expect(alert.body.events.map((e) => e.action)).toEqual(["raised"]);

    for (const device of [a.phone, a.sensor]) {
      const got = await api<DeviceDto>(vigil.url, `/api/v1/devices/${device.externalId}`, { token: adminA });
      expect(got.status).toBe(200);
      expect(got.body.revoked).toBe(false);
      // Its credentials were not rotated: it still connects with the original secret.
      const client = await connectDevice(vigil.mqttUrl, device.mqtt);
      await endQuietly(client);
    }
    const phone = await api<DeviceDto>(vigil.url, `/api/v1/devices/${a.phone.externalId}`, { token: adminA });
    expect(phone.body.guardExternalId).toBe(a.guard.externalId);

    const guards = await api<{ externalId: string; name: string; active: boolean }[]>(vigil.url, "/api/v1/guards", {
      token: adminA,
    });
    const guardA = guards.body.find((g) => g.externalId === a.guard.externalId);
    expect(guardA).toMatchObject({ name: a.guard.name, active: true });

    const commands = await api<{ id: string; params: unknown }[]>(
      vigil.url,
      `/api/v1/devices/${a.sensor.externalId}/commands`,
      { token: adminA },
    );
    expect(commands.body.map((c) => c.id)).toEqual([a.commandId]);
    const configs = await api(vigil.url, `/api/v1/devices/${a.sensor.externalId}/config`, { token: adminA });
    expect(JSON.stringify(configs.body)).toContain(a.markers.config);
    expect(JSON.stringify(configs.body)).not.toContain("tenant-b");

    const policies = await api<Page<EscalationPolicyDto>>(vigil.url, "/api/v1/escalation-policies", { token: adminA });
    expect(policies.body.items.map((p) => p.id)).toEqual([a.policy.id]);
    const contacts = await api<Page<ContactDto>>(vigil.url, "/api/v1/contacts", { token: adminA });
    expect(contacts.body.items.map((c) => ({ id: c.id, name: c.name, email: c.email }))).toEqual([
      { id: a.contact.id, name: a.contact.name, email: a.contact.email },
    ]);
    expect(policies.body.items[0]).toMatchObject({ name: a.policy.name, repeats: a.policy.repeats });
    const users = await api<Page<{ id: string }>>(vigil.url, "/api/v1/users", { token: adminA });
    expect(users.body.items.map((u) => u.id)).toContain(a.adminUserId);
    expect(await vigil.sql`select kind from deletions`).toEqual([]);

    const rules = await api(vigil.url, "/api/v1/alert-rules", { token: adminA });
    expect(rules.body).toMatchObject(A_RULES(a.markers.ruleType));

    const sites = await api<{ id: string }[]>(vigil.url, "/api/v1/sites", { token: adminA });
    expect(sites.body.map((s) => s.id)).toEqual([a.site.id]);
    const assignments = await api<{ siteId: string }[]>(vigil.url, `/api/v1/guards/${a.guard.externalId}/assignments`, {
      token: adminA,
    });
    expect(assignments.body.map((x) => x.siteId)).toEqual([a.site.id]);

    const [entry] = await vigil.sql<{ tenantId: string }[]>`
      select tenant_id as "tenantId" from mqtt_quarantine where id = ${a.quarantineId}`;
    expect(entry?.tenantId).toBe(await tenantOf(vigil.sql, ADMIN_EMAIL));
    // A's admin session survived B's logouts.
    expect((await api(vigil.url, "/api/v1/guards", { token: adminA })).status).toBe(200);
  });
});
