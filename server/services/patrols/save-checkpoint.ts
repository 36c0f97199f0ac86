// Create, edit and delete a site's checkpoints. A code not given is generated
// (128 random bits): a sticker's code must not be guessable, or a guard could
// "visit" a checkpoint from anywhere. Moving or removing one tells the ingest
// processes, whose GPS targets hold checkpoints' points.
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { checkpoints, tours } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import {
  PATROLS_CHANNEL,
  type CheckpointDto,
  type CheckpointInput,
  type CheckpointPatch,
} from "../../contracts/patrols";
import { AppError } from "../../observability/app-error";
import { getCheckpoint, toCheckpointDto } from "../../presenters/patrols/list-checkpoints";
import { requireTenantSite } from "../sites/assert-tenant-site";
import { recordAuditEvent } from "../audit/record-audit-event";
import { syncOwnTracksWaypoints } from "../sites/sync-owntracks-waypoints";
import { conflictOnDuplicate } from "../unique-violation";

const CODE_TAKEN = "This code is already in use; choose another or leave it out to have one generated.";

function generatedCode(): string {
  return randomBytes(16).toString("base64url");
}

function invalidPoint(): AppError {
  return new AppError("invalid_input", "Invalid lat: give lat and lon together, and radiusM only with them", {
    issues: [{ path: "lat", message: "give lat and lon together, and radiusM only with them" }],
  });
}

export async function createCheckpoint(
  db: Db,
  actor: Actor,
  siteId: string,
  input: CheckpointInput,
): Promise<CheckpointDto> {
  await requireTenantSite(db, actor, siteId);
  return conflictOnDuplicate("code", CODE_TAKEN, () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(checkpoints)
        .values({
          tenantId: actor.tenantId,
          siteId,
          name: input.name,
          code: input.code ?? generatedCode(),
          lat: input.lat ?? null,
          lon: input.lon ?? null,
          radiusM: input.radiusM ?? null,
        })
        .returning();
      const after = toCheckpointDto(row!);
      await recordAuditEvent(tx, actor, { action: "create", entityType: "checkpoint", entityId: after.id, after });
      if (after.radiusM !== null) await syncOwnTracksWaypoints(tx, actor.tenantId);
      return after;
    }),
  );
}

export async function updateCheckpoint(
  db: Db,
  actor: Actor,
  siteId: string,
  id: string,
  patch: CheckpointPatch,
): Promise<CheckpointDto> {
  const current = await getCheckpoint(db, actor, siteId, id);
  const next = { ...current, ...patch };
  if ((next.lat === null) !== (next.lon === null) || (next.radiusM !== null && next.lat === null)) throw invalidPoint();
  return conflictOnDuplicate("code", CODE_TAKEN, () =>
    db.transaction(async (tx) => {
      const scope = and(eq(checkpoints.tenantId, actor.tenantId), eq(checkpoints.id, id));
      const [locked] = await tx.select().from(checkpoints).where(scope).for("update");
      if (!locked) throw new AppError("not_found", "No such checkpoint.");
      const [row] = await tx
        .update(checkpoints)
        .set({ name: next.name, code: next.code, lat: next.lat, lon: next.lon, radiusM: next.radiusM })
        .where(scope)
        .returning();
      const after = toCheckpointDto(row!);
      const before = toCheckpointDto(locked);
      await recordAuditEvent(tx, actor, { action: "update", entityType: "checkpoint", entityId: id, before, after });
      // Delivered at commit: ingest's open-run cache reloads the moved checkpoint.
      await tx.execute(sql`select pg_notify(${PATROLS_CHANNEL}, ${actor.tenantId})`);
      if (after.radiusM !== null) await syncOwnTracksWaypoints(tx, actor.tenantId);
      return after;
    }),
  );
}

/** Removes a checkpoint from the site and from its tours; refused while it is the last checkpoint of a tour. */
export async function deleteCheckpoint(db: Db, actor: Actor, siteId: string, id: string): Promise<void> {
  await getCheckpoint(db, actor, siteId, id);
  await db.transaction(async (tx) => {
    const holding = await tx
      .select({ name: tours.name, count: sql<number>`cardinality(${tours.checkpointIds})` })
      .from(tours)
      .where(
        and(
          eq(tours.tenantId, actor.tenantId),
          isNull(tours.deletedAt),
          sql`${id}::uuid = any(${tours.checkpointIds})`,
        ),
      )
      .for("update");
    const only = holding.find((t) => t.count === 1);
    if (only)
      throw new AppError(
        "conflict",
        `This is the only checkpoint of the tour "${only.name}": edit or delete the tour first.`,
      );
    await tx
      .update(tours)
      .set({ checkpointIds: sql`array_remove(${tours.checkpointIds}, ${id}::uuid)` })
      .where(and(eq(tours.tenantId, actor.tenantId), sql`${id}::uuid = any(${tours.checkpointIds})`));
    const [gone] = await tx
      .delete(checkpoints)
      .where(and(eq(checkpoints.tenantId, actor.tenantId), eq(checkpoints.id, id)))
      .returning();
    if (!gone) throw new AppError("not_found", "No such checkpoint.");
    await recordAuditEvent(tx, actor, {
      action: "delete",
      entityType: "checkpoint",
      entityId: id,
      before: toCheckpointDto(gone),
    });
    await tx.execute(sql`select pg_notify(${PATROLS_CHANNEL}, ${actor.tenantId})`);
  });
}
