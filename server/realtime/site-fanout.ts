// Live events for users limited to sites (server/auth/site-scope.ts). Their
// sockets join one room per site instead of the tenant's room; after each
// event goes to the tenant room, this sends each site room the items of the
// event that belong to that site, by the same SQL rule the API reads with
// (guard_in_sites, device_in_sites, alert_in_sites). Items are grouped by
// their set of sites, so a socket in two rooms gets an item once. Events not
// listed below (ML training) are tenant-wide and reach no site room.
// Nothing is done for a tenant without a site-limited user (checked at most
// every few seconds), so the hot path pays nothing for the feature it does not use.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { socketEvents, type ServerToClientEvents } from "../contracts/socket-events";
import type { Logger } from "../observability/logger";

const LIMITED_SITES_TTL_MS = 2_000;

export function siteRoom(tenantId: string, siteId: string): string {
  return `tenant:${tenantId}:site:${siteId}`;
}

type Emit = (rooms: string[], payload: unknown) => void;
type Item = Record<string, unknown>;
/** For an event's items, the SQL that answers (item key, its sites among `limited`) rows. */
type Resolver = { key: string; sites: (tenantId: string, keys: string[], limited: SQL) => SQL };

const ids = (keys: string[]) =>
  sql`array[${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}]`;

const byGuard: Resolver = {
  key: "guardId",
  sites: (tenantId, keys, limited) => sql`
    select g.id::text as key, array(select s from unnest(${limited}) s where guard_in_sites(g.id, array[s]))::text[] as sites
    from guards g where g.tenant_id = ${tenantId} and g.id = any(${ids(keys)}::uuid[])`,
};
const deviceSites = (limited: SQL) =>
  sql`array(select s from unnest(${limited}) s where device_in_sites(d.site_id, d.guard_id, array[s]))::text[]`;
const byDevice: Resolver = {
  key: "deviceId",
  sites: (tenantId, keys, limited) => sql`
    select d.id::text as key, ${deviceSites(limited)} as sites
    from devices d where d.tenant_id = ${tenantId} and d.id = any(${ids(keys)}::uuid[])`,
};
const byDeviceExternalId: Resolver = {
  key: "deviceExternalId",
  sites: (tenantId, keys, limited) => sql`
    select d.external_id as key, ${deviceSites(limited)} as sites
    from devices d where d.tenant_id = ${tenantId} and d.external_id = any(${ids(keys)}::text[])`,
};
const byAlert: Resolver = {
  key: "id",
  sites: (tenantId, keys, limited) => sql`
    select a.id::text as key,
           array(select s from unnest(${limited}) s
                 where coalesce(alert_in_sites(a.site_id, a.guard_id, a.device_id, array[s]), false))::text[] as sites
    from alerts a where a.tenant_id = ${tenantId} and a.id = any(${ids(keys)}::uuid[])`,
};
/** Items that name their site themselves. */
const bySiteId = "siteId";

const RESOLVERS: Partial<Record<keyof ServerToClientEvents, Resolver | typeof bySiteId>> = {
  [socketEvents.guardPositions]: byGuard,
  [socketEvents.deviceTelemetry]: byDevice,
  [socketEvents.alertsChanged]: byAlert,
  [socketEvents.commandsChanged]: byDeviceExternalId,
  [socketEvents.tourRunsChanged]: bySiteId,
  [socketEvents.fencesChanged]: bySiteId,
};

/** Sends `items` grouped by their sites: one emit per distinct set of site rooms. */
function emitGrouped(tenantId: string, items: Item[], sitesOf: (item: Item) => string[], emit: Emit, single: boolean) {
  const groups = new Map<string, { rooms: string[]; items: Item[] }>();
  for (const item of items) {
    const sites = [...new Set(sitesOf(item))].sort();
    if (sites.length === 0) continue;
    const key = sites.join(",");
    const group = groups.get(key) ?? { rooms: sites.map((s) => siteRoom(tenantId, s)), items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  for (const { rooms, items: grouped } of groups.values()) {
    if (single) for (const item of grouped) emit(rooms, item);
    else emit(rooms, grouped);
  }
}

export type SiteFanout = (tenantId: string, event: keyof ServerToClientEvents, payload: unknown, emit: Emit) => void;

export function createSiteFanout({ db, logger }: { db: Db; logger: Logger }): SiteFanout {
  const limitedSites = new Map<string, { at: number; sites: Promise<string[]>; known?: string[] }>();
  // One chain per tenant, so a site room gets a tenant's events in the order they were sent.
  const chains = new Map<string, Promise<void>>();

  function sitesInUse(tenantId: string): Promise<string[]> {
    const cached = limitedSites.get(tenantId);
    if (cached && Date.now() - cached.at < LIMITED_SITES_TTL_MS) return cached.sites;
    const at = Date.now();
    const sites: Promise<string[]> = db
      .execute<{ site: string }>(
        sql`select distinct unnest(site_ids)::text as site from users
            where tenant_id = ${tenantId} and role in ('operator', 'supervisor')
              and deleted_at is null and disabled_at is null`,
      )
      .then((rows) => {
        const known = [...rows].map((r) => r.site);
        if (limitedSites.get(tenantId)?.sites === sites) limitedSites.set(tenantId, { at, sites, known });
        return known;
      });
    limitedSites.set(tenantId, { at, sites });
    sites.catch(() => limitedSites.delete(tenantId));
    return sites;
  }

  /** The tenant surely has no site-limited user (fresh and known): nothing to do, not even a promise. */
  function surelyNone(tenantId: string): boolean {
    const cached = limitedSites.get(tenantId);
    return cached?.known?.length === 0 && Date.now() - cached.at < LIMITED_SITES_TTL_MS;
  }

  async function fanout(tenantId: string, event: keyof ServerToClientEvents, payload: unknown, emit: Emit) {
    const resolver = RESOLVERS[event];
    if (!resolver) return;
    const limited = await sitesInUse(tenantId);
    if (limited.length === 0) return;
    const single = !Array.isArray(payload);
    const items = (single ? [payload] : payload) as Item[];
    if (resolver === bySiteId) {
      return emitGrouped(tenantId, items, (item) => [String(item.siteId)], emit, single);
    }
    const keys = [...new Set(items.map((item) => String(item[resolver.key])))];
    if (keys.length === 0) return;
    const rows = await db.execute<{ key: string; sites: string[] }>(
      resolver.sites(tenantId, keys, sql`${ids(limited)}::uuid[]`),
    );
    const sitesByKey = new Map([...rows].map((r) => [r.key, r.sites]));
    emitGrouped(tenantId, items, (item) => sitesByKey.get(String(item[resolver.key])) ?? [], emit, single);
  }

  return (tenantId, event, payload, emit) => {
    if (!RESOLVERS[event] || surelyNone(tenantId)) return;
    const previous = chains.get(tenantId) ?? Promise.resolve();
    const next = previous
      .then(() => fanout(tenantId, event, payload, emit))
      .catch((error: unknown) => logger.warn({ err: error, event }, "site fan-out failed; site rooms missed an event"));
    chains.set(tenantId, next);
    void next.finally(() => {
      if (chains.get(tenantId) === next) chains.delete(tenantId);
    });
  };
}
