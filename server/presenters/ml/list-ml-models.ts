// The tenant's trained false-alarm model versions, newest first (without the weights).
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { mlModels, users } from "../../../db/schema";
import type { MlModelDto } from "../../contracts/ml";
import type { Actor } from "../../auth/actor";

export async function listMlModels(db: Db, actor: Pick<Actor, "tenantId">): Promise<MlModelDto[]> {
  const rows = await db
    .select({
      id: mlModels.id,
      version: mlModels.version,
      trainingRunId: mlModels.trainingRunId,
      metrics: mlModels.metrics,
      promotedAt: mlModels.promotedAt,
      promotedBy: users.email,
      createdAt: mlModels.createdAt,
    })
    .from(mlModels)
    .leftJoin(users, eq(users.id, mlModels.promotedBy))
    .where(eq(mlModels.tenantId, actor.tenantId))
    .orderBy(desc(mlModels.version))
    .limit(100);
  return rows.map((m) => ({
    ...m,
    promotedAt: m.promotedAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  }));
}
