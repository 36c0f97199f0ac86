// The cross-tenant matrix: which calls tenant B makes on every /api/v1 route
// handler with tenant A's identifiers, and what answers are acceptable. The
// route list is read from the file system, so a new route without an entry
// here fails app/api/v1/tenant-isolation.int.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UserRole } from "@/server/contracts/api";
import { uniqueId } from "@/test/harness/api-client";
import { ADMIN_EMAIL, projectDir } from "@/test/harness/vigil";

import {
  DENIED,
  LIST_OK,
  list,
  onAlert,
  onDevices,
  pushBody,
  reportCalls,
  type Call,
  type TenantA,
} from "./matrix-calls";
import { GUARD_CALLS } from "./guard-calls";
import { PEOPLE_CALLS } from "./people-calls";
import { SITE_CALLS } from "./site-calls";

export { LIST_OK, pushBody, type TenantA };

const API_DIR = path.join(projectDir, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

/** "alerts/[id]/acknowledge POST" for every exported handler of every route.ts under app/api/v1. */
export function discoverRoutes(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(API_DIR, { recursive: true, encoding: "utf8" })) {
    if (path.basename(file) !== "route.ts") continue;
    const source = readFileSync(path.join(API_DIR, file), "utf8");
    const dir = path.dirname(file).split(path.sep).join("/");
    for (const method of METHODS) {
      const exported = new RegExp(
        `export\\s+(const\\s+${method}\\b|(async\\s+)?function\\s+${method}\\b|\\{[^}]*\\b${method}\\b[^}]*\\})`,
      );
      if (exported.test(source)) found.push(`${dir} ${method}`);
    }
  }
  return found.sort();
}

/** Keyed like discoverRoutes(): the calls tenant B makes on each handler. */
export const MATRIX: Record<string, (a: TenantA) => Call[]> = {
  // B reads and replaces its own rules (an object, not a list); A's stay as they were.
  "alert-rules GET": () => [{ path: "/api/v1/alert-rules", ok: [200], idRoute: false }],
  "alert-rules PUT": () => [
    {
      path: "/api/v1/alert-rules",
      body: { severities: { motion: "info" }, disabled: ["door"], lowBatteryPercent: 50 },
      ok: [200, 403],
      idRoute: false,
    },
  ],
  "alerts GET": (a) => [
    ...list("/api/v1/alerts"),
    ...list("/api/v1/alerts?status=open&limit=200"),
    // The history and its CSV, filtered by A's guard and site: nothing of A's in the answer.
    ...list(`/api/v1/alerts?order=newest&guard=${a.guard.externalId}&siteId=${a.site.id}`),
    { path: `/api/v1/alerts?order=newest&format=csv&guard=${a.guard.externalId}`, ok: [200], idRoute: false },
    ...list(`/api/v1/alerts?order=newest&q=${a.guard.externalId}`),
  ],
  "alerts/[id] GET": (a) => onAlert(a, ""),
  // B's own audit log (admins and managers), filtered by A's entities and A's admin: none of A's entries.
  "audit-events GET": (a) => [
    ...list("/api/v1/audit-events?limit=200"),
    ...list(`/api/v1/audit-events?entityType=contact&entityId=${a.contact.id}`),
    ...list(`/api/v1/audit-events?entityType=device&entityId=${a.phone.externalId}`),
    ...list(`/api/v1/audit-events?actor=${encodeURIComponent(ADMIN_EMAIL)}`),
    ...list(`/api/v1/audit-events?actor=${a.adminUserId}`),
  ],
  "alerts/[id]/acknowledge POST": (a) => onAlert(a, "/acknowledge"),
  "alerts/[id]/claim POST": (a) => onAlert(a, "/claim"),
  "alerts/[id]/notes POST": (a) => onAlert(a, "/notes", { text: "a note from tenant B" }),
  "alerts/[id]/resolve POST": (a) => onAlert(a, "/resolve", { outcome: "false_alarm", note: "not yours" }),
  "contacts GET": () => list("/api/v1/contacts"),
  // B's own contact: allowed for B's admin, and nothing of A's in the answer.
  "contacts POST": () => [
    { path: "/api/v1/contacts", body: { name: "B contact", email: "b@tenant.test" }, ok: [201, 403], idRoute: false },
  ],
  // Changing or removing A's contact: refused, and it is still A's, named as before, afterwards.
  "contacts/[id] PATCH": (a) => [
    {
      path: `/api/v1/contacts/${a.contact.id}`,
      body: { name: "Renamed by B", email: "b@tenant.test" },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "contacts/[id] DELETE": (a) => [{ path: `/api/v1/contacts/${a.contact.id}`, ok: DENIED, idRoute: true }],
  "devices GET": () => list("/api/v1/devices"),
  "devices POST": (a) => [
    // A's external id: ids are unique across tenants (topic ids), so refused - as an invalid id is (422, not 409).
    {
      path: "/api/v1/devices",
      body: { externalId: a.sensor.externalId, kind: "sensor" },
      ok: [403, 422],
      idRoute: true,
    },
    // A's guard id as a device id: guard and device ids are one MQTT namespace across tenants, so the same 422
    // as any unusable id (were it created, B's device would receive A's guard's panics).
    {
      path: "/api/v1/devices",
      body: { externalId: a.guard.externalId, kind: "guard-phone" },
      ok: [403, 422],
      idRoute: true,
    },
    // A new device bound to A's guard must not be created.
    {
      path: "/api/v1/devices",
      body: { externalId: uniqueId("b-phone"), kind: "guard-phone", guardExternalId: a.guard.externalId },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "devices/[externalId] GET": (a) => onDevices(a, ""),
  "devices/[externalId] PATCH": (a) => [
    ...onDevices(a, "", { name: "Renamed by B", guardExternalId: null }),
    // A's sensor given A's guard: refused before the guard is looked at.
    {
      path: `/api/v1/devices/${a.sensor.externalId}`,
      body: { guardExternalId: a.guard.externalId },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "devices/[externalId] DELETE": (a) => onDevices(a, ""),
  "devices/[externalId]/commands GET": (a) => onDevices(a, "/commands"),
  "devices/[externalId]/commands POST": (a) =>
    onDevices(a, "/commands", { type: "reboot", params: { by: "tenant-b" }, ttlSeconds: 60 }),
  "devices/[externalId]/config GET": (a) => onDevices(a, "/config"),
  "devices/[externalId]/config PUT": (a) => onDevices(a, "/config", { config: { interval: 1, by: "tenant-b" } }),
  "devices/[externalId]/credentials POST": (a) => onDevices(a, "/credentials"),
  "devices/[externalId]/telemetry GET": (a) => onDevices(a, "/telemetry"),
  "devices/[externalId]/readings GET": (a) => onDevices(a, "/readings"),
  "devices/[externalId]/revoke POST": (a) => onDevices(a, "/revoke"),
  "escalation-policies GET": () => list("/api/v1/escalation-policies"),
  // A policy naming A's contact must not be created.
  "escalation-policies POST": (a) => [
    {
      path: "/api/v1/escalation-policies",
      body: { name: "B policy", tiers: [{ contactIds: [a.contact.id], channels: ["sms"], delaySeconds: 0 }] },
      ok: DENIED,
      idRoute: true,
    },
    // Nor one matching A's site (sites are checked before contacts: this is refused for the site).
    {
      path: "/api/v1/escalation-policies",
      body: {
        name: "B policy on A's site",
        match: { siteIds: [a.site.id] },
        tiers: [{ contactIds: [a.contact.id], channels: ["sms"], delaySeconds: 0 }],
      },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "escalation-policies/[id]/test POST": (a) => [
    { path: `/api/v1/escalation-policies/${a.policy.id}/test`, ok: DENIED, idRoute: true },
  ],
  "escalation-policies/[id] PATCH": (a) => [
    {
      path: `/api/v1/escalation-policies/${a.policy.id}`,
      body: { name: "Renamed by B", repeats: 3 },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "escalation-policies/[id] DELETE": (a) => [
    { path: `/api/v1/escalation-policies/${a.policy.id}`, ok: DENIED, idRoute: true },
  ],
  "ml-models GET": () => list("/api/v1/ml-models"),
  "ml-models/[id]/promote POST": (a) => [{ path: `/api/v1/ml-models/${a.modelId}/promote`, ok: DENIED, idRoute: true }],
  ...GUARD_CALLS,
  ...SITE_CALLS,
  // The API's description: the same public document for everyone.
  "openapi.json GET": () => [{ path: "/api/v1/openapi.json", ok: [200], idRoute: false }],
  "positions GET": () => list("/api/v1/positions"),
  "positions/latest GET": () => list("/api/v1/positions/latest"),
  // B's own browser: its subscription is B's; removing an endpoint that is not B's removes nothing.
  "push-subscriptions POST": () => [
    { path: "/api/v1/push-subscriptions", body: pushBody(), ok: [201], idRoute: false },
  ],
  "push-subscriptions DELETE": () => [
    { path: "/api/v1/push-subscriptions", body: { endpoint: pushBody().endpoint }, ok: [200], idRoute: false },
  ],
  // A's alert without its signed link: refused.
  "push-subscriptions/link POST": (a) => [
    {
      path: "/api/v1/push-subscriptions/link",
      body: { ...pushBody(), alertId: a.alertId, token: "forged" },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "push-subscriptions/link DELETE": (a) => [
    {
      path: "/api/v1/push-subscriptions/link",
      body: { endpoint: pushBody().endpoint, alertId: a.alertId, token: "forged" },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "push/vapid-public-key GET": () => [{ path: "/api/v1/push/vapid-public-key", ok: [200], idRoute: false }],
  "quarantine GET": () => [...list("/api/v1/quarantine"), ...list("/api/v1/quarantine?limit=500")],
  "quarantine/[id]/register POST": (a) => [
    { path: `/api/v1/quarantine/${a.quarantineId}/register`, body: { kind: "sensor" }, ok: DENIED, idRoute: true },
  ],
  ...PEOPLE_CALLS,
  "training-runs GET": () => list("/api/v1/training-runs"),
  // B's own run: queued for B's managers and admins (B has no history, so it fails), refused to the others.
  "training-runs POST": () => [
    { path: "/api/v1/training-runs", body: { epochs: 1 }, ok: [202, 403, 409], idRoute: false },
  ],
  "training-runs/[id] GET": (a) => [{ path: `/api/v1/training-runs/${a.trainingRunId}`, ok: DENIED, idRoute: true }],
  "training-runs/[id]/cancel POST": (a) => [
    { path: `/api/v1/training-runs/${a.trainingRunId}/cancel`, ok: DENIED, idRoute: true },
  ],
  // Reports are B's own (an object per range); filtering on A's guard only narrows B's rows.
  "reports/alert-outcomes GET": (a) => reportCalls("alert-outcomes", a),
  "reports/geofence-violations GET": (a) => reportCalls("geofence-violations", a),
  "reports/response-times GET": (a) => reportCalls("response-times", a),
  "reports/patrol-compliance GET": (a) => reportCalls("patrol-compliance", a),
  // Logging in as A's admin with a wrong password: 401 and nothing else.
  "sessions POST": () => [
    {
      path: "/api/v1/sessions",
      body: { email: ADMIN_EMAIL, password: "not-the-password" },
      ok: [401, 429],
      idRoute: false,
    },
  ],
  // Logging out a throwaway session of B's user: works, and says nothing of A.
  "sessions/current DELETE": () => [{ path: "/api/v1/sessions/current", ok: [204], idRoute: false, freshToken: true }],
};

export const A_RULES = (ruleType: string) => ({
  severities: { [ruleType]: "low", smoke: "high" },
  disabled: ["motion"],
  lowBatteryPercent: 37,
});

export const B_ROLES: readonly UserRole[] = ["admin", "manager", "operator", "supervisor"];

/** The matrix size without A's data: the call factories only build paths. */
function countCalls(): number {
  const placeholder = new Proxy({} as TenantA, {
    get: () =>
      new Proxy({}, { get: (_target, key) => (key === Symbol.toPrimitive ? () => "x" : "x") }) as unknown as string,
  });
  return Object.values(MATRIX).reduce((n, calls) => n + calls(placeholder).length, 0);
}
export const CALLS_PER_ROLE = countCalls();
export const ROUTE_HANDLERS = Object.keys(MATRIX).length;

/** Every string that would give away A's data if it appeared in an answer to B. */
export function secretsOf(t: TenantA): string[] {
  return [
    t.guard.externalId,
    t.guard.id,
    t.phone.externalId,
    t.phone.id,
    t.phone.mqtt.password,
    t.sensor.externalId,
    t.sensor.id,
    t.sensor.mqtt.password,
    t.alertId,
    t.commandId,
    t.contact.id,
    t.contact.name,
    t.contact.phone!,
    t.policy.id,
    t.policy.name,
    t.adminUserId,
    t.site.id,
    t.site.name,
    t.checkpoint.id,
    t.checkpoint.code,
    t.tour.id,
    t.tour.name,
    t.trainingRunId,
    t.modelId,
    // (the quarantine id is a small serial number: checked by value on the list below, not as text)
    t.lat,
    t.lon,
    ...Object.values(t.markers),
  ];
}
