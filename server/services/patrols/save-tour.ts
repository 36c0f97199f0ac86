// Create, edit and delete a site's tours. Checkpoints must be the site's own
// and the guard (when one is named) the tenant's; a run already due keeps the
// checkpoints it was made with.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { checkpoints, guards, tours } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import type { TourDto, TourInput, TourPatch } from "../../contracts/patrols";
import { AppError } from "../../observability/app-error";
import { getTour } from "../../presenters/patrols/list-tours";
import { requireTenantSite } from "../sites/assert-tenant-site";
import { recordAuditEvent } from "../audit/record-audit-event";
import { enqueueJob } from "../commands/enqueue-job";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The tour as it is, locked until the transaction ends (so "before" is what the change replaced). */
async function lockTour(tx: Tx, actor: Actor, siteId: string, id: string): Promise<TourDto> {
  await tx
    .select({ id: tours.id })
    .from(tours)
    .where(and(eq(tours.tenantId, actor.tenantId), eq(tours.id, id)))
    .for("update");
  return getTour(tx, actor, siteId, id);
}

function invalid(path: string, message: string): AppError {
  return new AppError("invalid_input", `Invalid ${path}: ${message}`, { issues: [{ path, message }] });
}

async function checkCheckpoints(db: Db, actor: Actor, siteId: string, ids: readonly string[]): Promise<void> {
  const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (duplicate >= 0) throw invalid(`checkpointIds.${duplicate}`, "listed twice");
  const found = await db
    .select({ id: checkpoints.id })
    .from(checkpoints)
    .where(
      and(eq(checkpoints.tenantId, actor.tenantId), eq(checkpoints.siteId, siteId), inArray(checkpoints.id, [...ids])),
    );
  const known = new Set(found.map((c) => c.id));
  const unknown = ids.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalid(`checkpointIds.${unknown}`, "not a checkpoint of this site");
}

async function guardIdOf(db: Db, actor: Actor, externalId: string | null | undefined): Promise<string | null> {
  if (!externalId) return null;
  const [guard] = await db
    .select({ id: guards.id })
    .from(guards)
    .where(and(eq(guards.tenantId, actor.tenantId), eq(guards.externalId, externalId)));
  if (!guard) throw invalid("guardExternalId", "no such guard");
  return guard.id;
}

/**
 * A tour due now gets its run at once rather than at the worker's next minute. advanceTourRuns is safe to run
 * beside the cron's: runs are unique per (tour, due_at) and closing one is a conditional update.
 */
async function advanceRunsNow(tx: Tx): Promise<void> {
  await enqueueJob(tx, "advance_tour_runs", {});
}

export async function createTour(db: Db, actor: Actor, siteId: string, input: TourInput): Promise<TourDto> {
  await requireTenantSite(db, actor, siteId);
  await checkCheckpoints(db, actor, siteId, input.checkpointIds);
  const guardId = await guardIdOf(db, actor, input.guardExternalId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tours)
      .values({
        tenantId: actor.tenantId,
        siteId,
        name: input.name,
        checkpointIds: input.checkpointIds,
        ordered: input.ordered,
        startAt: new Date(input.startAt),
        windowMinutes: input.windowMinutes,
        repeatMinutes: input.repeatMinutes ?? null,
        guardId,
      })
      .returning({ id: tours.id });
    const after = await getTour(tx, actor, siteId, row!.id);
    await recordAuditEvent(tx, actor, { action: "create", entityType: "tour", entityId: after.id, after });
    await advanceRunsNow(tx);
    return after;
  });
}

export async function updateTour(db: Db, actor: Actor, siteId: string, id: string, patch: TourPatch): Promise<TourDto> {
  const current = await getTour(db, actor, siteId, id);
  const windowMinutes = patch.windowMinutes ?? current.windowMinutes;
  const repeatMinutes = patch.repeatMinutes === undefined ? current.repeatMinutes : patch.repeatMinutes;
  if (repeatMinutes !== null && windowMinutes > repeatMinutes)
    throw invalid("windowMinutes", "the window cannot be longer than the repeat interval");
  if (patch.checkpointIds) await checkCheckpoints(db, actor, siteId, patch.checkpointIds);
  const guardId = patch.guardExternalId === undefined ? undefined : await guardIdOf(db, actor, patch.guardExternalId);
  return db.transaction(async (tx) => {
    const before = await lockTour(tx, actor, siteId, id);
    await tx
      .update(tours)
      .set({
        name: patch.name,
        checkpointIds: patch.checkpointIds,
        ordered: patch.ordered,
        startAt: patch.startAt ? new Date(patch.startAt) : undefined,
        windowMinutes,
        repeatMinutes,
        guardId,
      })
      .where(and(eq(tours.tenantId, actor.tenantId), eq(tours.id, id), isNull(tours.deletedAt)));
    const after = await getTour(tx, actor, siteId, id);
    await recordAuditEvent(tx, actor, { action: "update", entityType: "tour", entityId: id, before, after });
    await advanceRunsNow(tx);
    return after;
  });
}

/** Ends the tour: no more runs; its past runs stay in the history and the reports. */
export async function deleteTour(db: Db, actor: Actor, siteId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockTour(tx, actor, siteId, id);
    await tx
      .update(tours)
      .set({ deletedAt: new Date() })
      .where(and(eq(tours.tenantId, actor.tenantId), eq(tours.id, id)));
    await recordAuditEvent(tx, actor, { action: "delete", entityType: "tour", entityId: id, before });
  });
}
