// Makes one model version the tenant's scoring model: the promoted one scores
// new alerts from now on, and the previously promoted version steps down.
import { and, eq, isNotNull, ne } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { mlModels } from "../../../db/schema";
import type { MlModelDto } from "../../contracts/ml";
import { AppError } from "../../observability/app-error";
import { listMlModels } from "../../presenters/ml/list-ml-models";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function promoteMlModel(db: Db, actor: Actor, modelId: string): Promise<MlModelDto> {
  await db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ id: mlModels.id })
      .from(mlModels)
      .where(and(eq(mlModels.tenantId, actor.tenantId), isNotNull(mlModels.promotedAt)))
      .for("update");
    const [model] = await tx
      .update(mlModels)
      .set({ promotedAt: new Date(), promotedBy: actor.userId })
      .where(and(eq(mlModels.id, modelId), eq(mlModels.tenantId, actor.tenantId)))
      .returning({ id: mlModels.id });
    if (!model) throw new AppError("not_found", "No such model.");
    await tx
      .update(mlModels)
      .set({ promotedAt: null, promotedBy: null })
      .where(and(eq(mlModels.tenantId, actor.tenantId), ne(mlModels.id, modelId), isNotNull(mlModels.promotedAt)));
    await recordAuditEvent(tx, actor, {
      action: "promote",
      entityType: "ml_model",
      entityId: modelId,
      before: { promotedModelId: previous?.id ?? null },
      after: { promotedModelId: modelId },
    });
  });
  const models = await listMlModels(db, actor);
  return models.find((m) => m.id === modelId)!;
}
