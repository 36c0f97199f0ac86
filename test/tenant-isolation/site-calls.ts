// The matrix's calls on sites and patrols: sites, their checkpoints and tours,
// and tour runs (matrix.ts).
import { DENIED, LIST_OK, list, type Call, type TenantA } from "./matrix-calls";

export const SITE_CALLS: Record<string, (a: TenantA) => Call[]> = {
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
};
