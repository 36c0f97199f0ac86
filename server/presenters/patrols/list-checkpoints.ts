// A site's checkpoints (the site page, the QR sticker sheet, tours' editors).
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { checkpoints } from "../../../db/schema";
import type { CheckpointDto } from "../../contracts/patrols";
import type { Actor } from "../../auth/actor";
import { siteInScope } from "../../auth/site-scope";
import { AppError } from "../../observability/app-error";

type Row = typeof checkpoints.$inferSelect;

export function toCheckpointDto(row: Row): CheckpointDto {
  return {
    id: row.id,
    siteId: row.siteId,
    name: row.name,
    code: row.code,
    lat: row.lat,
    lon: row.lon,
    radiusM: row.radiusM,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listCheckpoints(db: Db, actor: Actor, siteId: string): Promise<CheckpointDto[]> {
  const rows = await db
    .select()
    .from(checkpoints)
    .where(
      and(
        eq(checkpoints.tenantId, actor.tenantId),
        siteInScope(actor, checkpoints.siteId),
        eq(checkpoints.siteId, siteId),
      ),
    )
    .orderBy(asc(checkpoints.name), asc(checkpoints.createdAt));
  return rows.map(toCheckpointDto);
}

export async function getCheckpoint(db: Db, actor: Actor, siteId: string, id: string): Promise<CheckpointDto> {
  const [row] = await db
    .select()
    .from(checkpoints)
    .where(
      and(
        eq(checkpoints.tenantId, actor.tenantId),
        siteInScope(actor, checkpoints.siteId),
        eq(checkpoints.siteId, siteId),
        eq(checkpoints.id, id),
      ),
    );
  if (!row) throw new AppError("not_found", "No such checkpoint.");
  return toCheckpointDto(row);
}
