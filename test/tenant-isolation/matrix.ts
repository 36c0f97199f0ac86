// The cross-tenant matrix: which calls tenant B makes on every /api/v1 route
// handler with tenant A's identifiers, and what answers are acceptable. The
// route list is read from the file system, so a new route without an entry
// here fails app/api/v1/tenant-isolation.int.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ContactDto, EscalationPolicyDto, UserRole } from "@/server/contracts/api";
import { uniqueId, type DeviceResponse, type GuardResponse } from "@/test/harness/api-client";
import { ADMIN_EMAIL, projectDir } from "@/test/harness/vigil";

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

/** Everything tenant A owns that the matrix aims at. */
export type TenantA = {
  guard: GuardResponse;
  site: { id: string; name: string };
  /** A checkpoint of A's site (its code is a secret: a scan of it from B must count for nothing) and a tour of it. */
  checkpoint: { id: string; code: string };
  tour: { id: string; name: string };
  phone: DeviceResponse;
  sensor: DeviceResponse;
  alertId: string;
  commandId: string;
  contact: ContactDto;
  policy: EscalationPolicyDto;
  quarantineId: number;
  /** A's admin (the installation's super-admin) as a row of /api/v1/users. */
  adminUserId: string;
  trainingRunId: string;
  modelId: string;
  lat: string;
  lon: string;
  markers: { command: string; config: string; quarantine: string; telemetry: string; ruleType: string };
};

/** One call of the matrix. `idRoute`: it names one of A's rows, so 2xx is a failure. */
type Call = { path: string; body?: unknown; ok: readonly number[]; idRoute: boolean; freshToken?: boolean };

const DENIED = [401, 403, 404, 409, 422] as const;
export const LIST_OK = [200, 403] as const;

const deviceIds = (a: TenantA) => [a.phone.externalId, a.sensor.externalId];
const onDevices = (a: TenantA, suffix: string, body?: unknown): Call[] =>
  deviceIds(a).map((id) => ({ path: `/api/v1/devices/${id}${suffix}`, body, ok: DENIED, idRoute: true }));
const onAlert = (a: TenantA, suffix: string, body?: unknown): Call[] => [
  { path: `/api/v1/alerts/${a.alertId}${suffix}`, body, ok: DENIED, idRoute: true },
];
export const pushBody = () => ({
  endpoint: `https://push.example.com/${uniqueId("b")}`,
  keys: { p256dh: "BPcMbnWQL5GOYX_5S6SrLAI_FPNyvV8jB3RkzbmL-Slw", auth: "4vQK-SvRAN5eo-8ASlrwA" },
});
const list = (route: string): Call[] => [{ path: route, ok: LIST_OK, idRoute: false }];

const reportCalls = (name: string, a: TenantA): Call[] => {
  const today = new Date().toISOString().slice(0, 10);
  const range = `from=${today.slice(0, 4)}-01-01&to=${today}`;
  return [
    { path: `/api/v1/reports/${name}?${range}`, ok: [200, 403], idRoute: false },
    { path: `/api/v1/reports/${name}?${range}&format=csv&guardId=${a.guard.id}`, ok: [200, 403], idRoute: false },
  ];
};

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
  "guards GET": () => list("/api/v1/guards"),
  "guards POST": (a) => [
    { path: "/api/v1/guards", body: { externalId: a.guard.externalId, name: "Twin" }, ok: [403, 422], idRoute: true },
    // A's device ids as guard ids: one namespace, the same 422 as any unusable id.
    ...deviceIds(a).map((externalId) => ({
      path: "/api/v1/guards",
      body: { externalId, name: "Twin of a device" },
      ok: [403, 422] as const,
      idRoute: true,
    })),
  ],
  // Renaming or deactivating A's guard: refused (A's own admin gets 200).
  "guards/[externalId] PATCH": (a) => [
    {
      path: `/api/v1/guards/${a.guard.externalId}`,
      body: { name: "Renamed by B", active: false },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "guards/[externalId]/locations GET": (a) => [
    { path: `/api/v1/guards/${a.guard.externalId}/locations`, ok: DENIED, idRoute: true },
  ],
  "guards/[externalId]/violations GET": (a) => [
    { path: `/api/v1/guards/${a.guard.externalId}/violations`, ok: DENIED, idRoute: true },
  ],
  "guards/[externalId]/assignments GET": (a) => [
    { path: `/api/v1/guards/${a.guard.externalId}/assignments`, ok: DENIED, idRoute: true },
  ],
  "guards/[externalId]/assignments POST": (a) => [
    {
      path: `/api/v1/guards/${a.guard.externalId}/assignments`,
      body: { siteId: a.site.id },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "guards/[externalId]/assignments/[siteId] DELETE": (a) => [
    { path: `/api/v1/guards/${a.guard.externalId}/assignments/${a.site.id}`, ok: DENIED, idRoute: true },
  ],
  "sites GET": () => list("/api/v1/sites"),
  // B's own site, created in B.
  "sites POST": () => [{ path: "/api/v1/sites", body: { name: "B site" }, ok: [201, 403], idRoute: false }],
  "sites/[id] GET": (a) => [{ path: `/api/v1/sites/${a.site.id}`, ok: DENIED, idRoute: true }],
  "sites/[id] PUT": (a) => [
    { path: `/api/v1/sites/${a.site.id}`, body: { name: "Taken by B" }, ok: DENIED, idRoute: true },
  ],
  "sites/[id] DELETE": (a) => [{ path: `/api/v1/sites/${a.site.id}`, ok: DENIED, idRoute: true }],
  "sites/[id]/checkpoints GET": (a) => [{ path: `/api/v1/sites/${a.site.id}/checkpoints`, ok: DENIED, idRoute: true }],
  "sites/[id]/checkpoints POST": (a) => [
    { path: `/api/v1/sites/${a.site.id}/checkpoints`, body: { name: "B's gate" }, ok: DENIED, idRoute: true },
    // A's code, claimed for a checkpoint of no site B can name: refused before it is looked up.
    {
      path: `/api/v1/sites/${a.site.id}/checkpoints`,
      body: { name: "x", code: a.checkpoint.code },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "sites/[id]/checkpoints/[checkpointId] GET": (a) => [
    { path: `/api/v1/sites/${a.site.id}/checkpoints/${a.checkpoint.id}`, ok: DENIED, idRoute: true },
  ],
  "sites/[id]/checkpoints/[checkpointId] PATCH": (a) => [
    {
      path: `/api/v1/sites/${a.site.id}/checkpoints/${a.checkpoint.id}`,
      body: { name: "Taken by B" },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "sites/[id]/checkpoints/[checkpointId] DELETE": (a) => [
    { path: `/api/v1/sites/${a.site.id}/checkpoints/${a.checkpoint.id}`, ok: DENIED, idRoute: true },
  ],
  "sites/[id]/tours GET": (a) => [{ path: `/api/v1/sites/${a.site.id}/tours`, ok: DENIED, idRoute: true }],
  "sites/[id]/tours POST": (a) => [
    {
      path: `/api/v1/sites/${a.site.id}/tours`,
      body: { name: "B", checkpointIds: [a.checkpoint.id], startAt: new Date().toISOString(), windowMinutes: 10 },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "sites/[id]/tours/[tourId] GET": (a) => [
    { path: `/api/v1/sites/${a.site.id}/tours/${a.tour.id}`, ok: DENIED, idRoute: true },
  ],
  "sites/[id]/tours/[tourId] PATCH": (a) => [
    { path: `/api/v1/sites/${a.site.id}/tours/${a.tour.id}`, body: { name: "Taken by B" }, ok: DENIED, idRoute: true },
  ],
  "sites/[id]/tours/[tourId] DELETE": (a) => [
    { path: `/api/v1/sites/${a.site.id}/tours/${a.tour.id}`, ok: DENIED, idRoute: true },
  ],
  "tour-runs GET": (a) => [
    ...list("/api/v1/tour-runs"),
    { path: `/api/v1/tour-runs?siteId=${a.site.id}`, ok: LIST_OK, idRoute: false },
    { path: `/api/v1/tour-runs?guardExternalId=${a.guard.externalId}`, ok: LIST_OK, idRoute: false },
    { path: "/api/v1/tour-runs?status=open", ok: LIST_OK, idRoute: false },
  ],
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
  // B has no super-admin: no role of B lists tenants or creates one.
  "tenants GET": () => [{ path: "/api/v1/tenants", ok: [403], idRoute: false }],
  "tenants POST": () => [
    {
      path: "/api/v1/tenants",
      body: { name: "B's own", adminEmail: `${uniqueId("b-tenant")}@tenant.test`, adminPassword: "long enough" },
      ok: [403],
      idRoute: false,
    },
  ],
  "users GET": () => [...list("/api/v1/users"), ...list("/api/v1/users?limit=1")],
  // B's admin adds a user to B; A's admin's email cannot be used (422, as any unusable email).
  "users POST": () => [
    {
      path: "/api/v1/users",
      body: { email: `${uniqueId("b-user")}@tenant.test`, name: "B user", role: "operator", password: "long enough" },
      ok: [201, 403],
      idRoute: false,
    },
    {
      path: "/api/v1/users",
      body: { email: ADMIN_EMAIL, name: "Twin", role: "admin", password: "long enough" },
      ok: [403, 422],
      idRoute: false,
    },
  ],
  // Demoting and disabling A's admin: refused, and A's admin still works afterwards.
  "users/[id] PATCH": (a) => [
    { path: `/api/v1/users/${a.adminUserId}`, body: { role: "operator", disabled: true }, ok: DENIED, idRoute: true },
  ],
  // A's admin's password and second factor, from B: refused (404 for B's admin, 403 for the other roles).
  "users/[id]/password PUT": (a) => [
    { path: `/api/v1/users/${a.adminUserId}/password`, body: { password: "taken over" }, ok: DENIED, idRoute: true },
  ],
  "users/[id]/password-reset POST": (a) => [
    { path: `/api/v1/users/${a.adminUserId}/password-reset`, ok: DENIED, idRoute: true },
  ],
  "users/[id]/totp DELETE": (a) => [{ path: `/api/v1/users/${a.adminUserId}/totp`, ok: DENIED, idRoute: true }],
  // B's own tenant's rule (left off, so B's users are not sent to enrol mid-matrix).
  "security-settings PUT": () => [
    { path: "/api/v1/security-settings", body: { requireTotp: false }, ok: [200, 403], idRoute: false },
  ],
  // One's own account: B's user's, never A's.
  "account GET": () => [{ path: "/api/v1/account", ok: [200], idRoute: false }],
  "account/password POST": () => [
    {
      path: "/api/v1/account/password",
      body: { currentPassword: "not-the-password", newPassword: "long enough" },
      ok: [422],
      idRoute: false,
    },
  ],
  "account/totp POST": () => [{ path: "/api/v1/account/totp", ok: [201], idRoute: false }],
  "account/totp/confirm POST": () => [
    { path: "/api/v1/account/totp/confirm", body: { code: "000000" }, ok: [409, 422], idRoute: false },
  ],
  // Forgot password for A's admin's email: the same answer as for any email, and nothing of A's in it.
  "password-reset-requests POST": () => [
    { path: "/api/v1/password-reset-requests", body: { email: ADMIN_EMAIL }, ok: [202, 429], idRoute: false },
  ],
  "password-resets POST": () => [
    {
      path: "/api/v1/password-resets",
      body: { token: "not-a-reset-token", password: "long enough" },
      ok: [422],
      idRoute: false,
    },
  ],
  // Removing A's admin: refused (to A's admin too, who cannot remove themself: 409), and A's admin still works.
  "users/[id] DELETE": (a) => [{ path: `/api/v1/users/${a.adminUserId}`, ok: DENIED, idRoute: true }],
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
