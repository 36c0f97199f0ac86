// The matrix's calls on guards and the guard app: guards, their locations,
// violations, assignments, PINs and phone enrolments, and the guard app's
// device-authenticated routes (matrix.ts).
import { DENIED, deviceIds, list, pushBody, type Call, type TenantA } from "./matrix-calls";

export const GUARD_CALLS: Record<string, (a: TenantA) => Call[]> = {
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
  // Changing the check-ins of A's guard's assignment, or setting A's guard's PINs: refused.
  "guards/[externalId]/assignments/[siteId] PATCH": (a) => [
    {
      path: `/api/v1/guards/${a.guard.externalId}/assignments/${a.site.id}`,
      body: { checkInMinutes: 60, graceSeconds: 300 },
      ok: DENIED,
      idRoute: true,
    },
  ],
  "guards/[externalId]/pins PUT": (a) => [
    {
      path: `/api/v1/guards/${a.guard.externalId}/pins`,
      body: { pin: "1111", duressPin: "2222" },
      ok: DENIED,
      idRoute: true,
    },
  ],
  // Enrolling a phone for A's guard: refused, and no device of A's guard is made.
  "guards/[externalId]/phone-enrolments POST": (a) => [
    { path: `/api/v1/guards/${a.guard.externalId}/phone-enrolments`, ok: DENIED, idRoute: true },
  ],
  // The guard app's calls as a device: B's session is no device login (401); a made-up token redeems nothing.
  "phone-enrolments POST": () => [
    { path: "/api/v1/phone-enrolments", body: { token: "forged-token-forged-token" }, ok: DENIED, idRoute: true },
  ],
  "device/me GET": () => [{ path: "/api/v1/device/me", ok: DENIED, idRoute: true }],
  "device/push-subscriptions POST": () => [
    { path: "/api/v1/device/push-subscriptions", body: pushBody(), ok: DENIED, idRoute: true },
  ],
};
