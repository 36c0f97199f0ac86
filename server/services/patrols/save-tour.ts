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

export async function createTour(db: Db, actor: Actor, siteId: string, input: TourInput): Promise<TourDto> {
  await requireTenantSite(db, actor, siteId);
  await checkCheckpoints(db, actor, siteId, input.checkpointIds);
  const [row] = await db
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
      guardId: await guardIdOf(db, actor, input.guardExternalId),
    })
    .returning({ id: tours.id });
  return getTour(db, actor, siteId, row!.id);
}

export async function updateTour(db: Db, actor: Actor, siteId: string, id: string, patch: TourPatch): Promise<TourDto> {
  const current = await getTour(db, actor, siteId, id);
  const windowMinutes = patch.windowMinutes ?? current.windowMinutes;
  const repeatMinutes = patch.repeatMinutes === undefined ? current.repeatMinutes : patch.repeatMinutes;
  if (repeatMinutes !== null && windowMinutes > repeatMinutes)
    throw invalid("windowMinutes", "the window cannot be longer than the repeat interval");
  if (patch.checkpointIds) await checkCheckpoints(db, actor, siteId, patch.checkpointIds);
  await db
    .update(tours)
    .set({
      name: patch.name,
      checkpointIds: patch.checkpointIds,
      ordered: patch.ordered,
      startAt: patch.startAt ? new Date(patch.startAt) : undefined,
      windowMinutes,
      repeatMinutes,
      guardId: patch.guardExternalId === undefined ? undefined : await guardIdOf(db, actor, patch.guardExternalId),
    })
    .where(and(eq(tours.tenantId, actor.tenantId), eq(tours.id, id), isNull(tours.deletedAt)));
  return getTour(db, actor, siteId, id);
}

/** Ends the tour: no more runs; its past runs stay in the history and the reports. */
export async function deleteTour(db: Db, actor: Actor, siteId: string, id: string): Promise<void> {
  const gone = await db
    .update(tours)
    .set({ deletedAt: new Date() })
    .where(and(eq(tours.tenantId, actor.tenantId), eq(tours.siteId, siteId), eq(tours.id, id), isNull(tours.deletedAt)))
    .returning({ id: tours.id });
  if (gone.length === 0) throw new AppError("not_found", "No such tour.");
}
