// A site's tours.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guards, tours } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { siteInScope } from "../../auth/site-scope";
import type { TourDto } from "../../contracts/patrols";
import { AppError } from "../../observability/app-error";

function select(db: Pick<Db, "select">) {
  return db
    .select({
      id: tours.id,
      siteId: tours.siteId,
      name: tours.name,
      checkpointIds: tours.checkpointIds,
      ordered: tours.ordered,
      startAt: tours.startAt,
      windowMinutes: tours.windowMinutes,
      repeatMinutes: tours.repeatMinutes,
      guardExternalId: guards.externalId,
      createdAt: tours.createdAt,
    })
    .from(tours)
    .leftJoin(guards, eq(guards.id, tours.guardId));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];

function toDto(row: Row): TourDto {
  return { ...row, startAt: row.startAt.toISOString(), createdAt: row.createdAt.toISOString() };
}

export async function listTours(db: Db, actor: Actor, siteId: string): Promise<TourDto[]> {
  const rows = await select(db)
    .where(
      and(
        eq(tours.tenantId, actor.tenantId),
        siteInScope(actor, tours.siteId),
        eq(tours.siteId, siteId),
        isNull(tours.deletedAt),
      ),
    )
    .orderBy(asc(tours.name), asc(tours.createdAt));
  return rows.map(toDto);
}

/** One tour; `db` may be a transaction (the services read the tour before and after a change). */
export async function getTour(db: Pick<Db, "select">, actor: Actor, siteId: string, id: string): Promise<TourDto> {
  const [row] = await select(db).where(
    and(
      eq(tours.tenantId, actor.tenantId),
      siteInScope(actor, tours.siteId),
      eq(tours.siteId, siteId),
      eq(tours.id, id),
      isNull(tours.deletedAt),
    ),
  );
  if (!row) throw new AppError("not_found", "No such tour.");
  return toDto(row);
}
