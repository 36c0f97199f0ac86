// Create a site with its fences, or replace one: fences given with their id
// are kept (their violations keep pointing at them), the others are replaced.
// Every ingest process hears of the change through NOTIFY within a second;
// after commit the tenant's consoles are told to redraw the fences. A site's
// new fences reach its guards' OwnTracks phones as regions.
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { geofences, sites } from "../../../db/schema";
import { FENCES_CHANNEL, type GeofenceInput, type SiteDto, type SiteInput } from "../../contracts/sites";
import { socketEvents } from "../../contracts/socket-events";
import { AppError } from "../../observability/app-error";
import { getSite } from "../../presenters/sites/list-sites";
import type { Broadcaster } from "../../realtime/broadcaster";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { syncOwnTracksWaypoints } from "./sync-owntracks-waypoints";

export type SiteDeps = { db: Db; broadcaster: Broadcaster };
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

function fenceColumns(f: GeofenceInput) {
  return {
    name: f.name,
    kind: f.geometry ? ("polygon" as const) : ("circle" as const),
    polygon: f.geometry ?? null,
    centerLon: f.circle?.center[0] ?? null,
    centerLat: f.circle?.center[1] ?? null,
    radiusM: f.circle?.radiusM ?? null,
    bufferM: f.bufferM,
    confirmFixes: f.confirmFixes,
    confirmSeconds: f.confirmSeconds,
  };
}

export async function announceFenceChange(tx: Pick<Tx, "execute">, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${FENCES_CHANNEL}, ${tenantId})`);
}

/** The tenant's site with its fences, locked until the transaction ends (so "before" is what the change replaced). */
async function lockSite(tx: Tx, actor: Actor, siteId: string): Promise<SiteDto> {
  const [site] = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.tenantId, actor.tenantId), eq(sites.id, siteId)))
    .for("update");
  if (!site) throw new AppError("not_found", "No such site.");
  return getSite(tx, actor, siteId);
}

function announceToConsoles(broadcaster: Broadcaster, actor: Actor, siteId: string): void {
  broadcaster.toTenant(actor.tenantId, socketEvents.fencesChanged, { siteId });
}

export async function createSite({ db, broadcaster }: SiteDeps, actor: Actor, input: SiteInput): Promise<SiteDto> {
  const id = await db.transaction(async (tx) => {
    const [site] = await tx
      .insert(sites)
      .values({
        tenantId: actor.tenantId,
        name: input.name,
        timezone: input.timezone,
        armedSchedule: input.armedSchedule,
      })
      .returning({ id: sites.id });
    if (input.geofences.length > 0) {
      await tx
        .insert(geofences)
        .values(input.geofences.map((f) => ({ tenantId: actor.tenantId, siteId: site!.id, ...fenceColumns(f) })));
    }
    await announceFenceChange(tx, actor.tenantId);
    const after = await getSite(tx, actor, site!.id);
    await recordAuditEvent(tx, actor, { action: "create", entityType: "site", entityId: site!.id, after });
    return site!.id;
  });
  announceToConsoles(broadcaster, actor, id);
  return getSite(db, actor, id);
}

export async function replaceSite(
  { db, broadcaster }: SiteDeps,
  actor: Actor,
  siteId: string,
  input: SiteInput,
): Promise<SiteDto> {
  await db.transaction(async (tx) => {
    const before = await lockSite(tx, actor, siteId);
    await tx
      .update(sites)
      .set({ name: input.name, timezone: input.timezone, armedSchedule: input.armedSchedule })
      .where(and(eq(sites.tenantId, actor.tenantId), eq(sites.id, siteId)));
    const existing = new Set(
      (
        await tx
          .select({ id: geofences.id })
          .from(geofences)
          .where(and(eq(geofences.tenantId, actor.tenantId), eq(geofences.siteId, siteId)))
      ).map((f) => f.id),
    );
    for (const [i, f] of input.geofences.entries()) {
      if (f.id && !existing.has(f.id))
        throw new AppError("invalid_input", "Unknown geofence id.", {
          issues: [{ path: `geofences.${i}.id`, message: "not a fence of this site" }],
        });
    }
    const kept = input.geofences.flatMap((f) => (f.id ? [f.id] : []));
    await tx
      .delete(geofences)
      .where(
        and(
          eq(geofences.tenantId, actor.tenantId),
          eq(geofences.siteId, siteId),
          kept.length > 0 ? notInArray(geofences.id, kept) : undefined,
        ),
      );
    for (const f of input.geofences) {
      if (f.id) await tx.update(geofences).set(fenceColumns(f)).where(eq(geofences.id, f.id));
      else await tx.insert(geofences).values({ tenantId: actor.tenantId, siteId, ...fenceColumns(f) });
    }
    await announceFenceChange(tx, actor.tenantId);
    await syncOwnTracksWaypoints(tx, actor.tenantId);
    const after = await getSite(tx, actor, siteId);
    await recordAuditEvent(tx, actor, { action: "update", entityType: "site", entityId: siteId, before, after });
  });
  announceToConsoles(broadcaster, actor, siteId);
  return getSite(db, actor, siteId);
}

export async function deleteSite({ db, broadcaster }: SiteDeps, actor: Actor, siteId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockSite(tx, actor, siteId);
    await tx.delete(sites).where(and(eq(sites.tenantId, actor.tenantId), eq(sites.id, siteId)));
    await announceFenceChange(tx, actor.tenantId);
    await recordAuditEvent(tx, actor, { action: "delete", entityType: "site", entityId: siteId, before });
  });
  announceToConsoles(broadcaster, actor, siteId);
}
