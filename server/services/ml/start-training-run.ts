// Queues a false-alarm model training run for the actor's tenant: the run row
// and its job are written in one transaction. One run at a time per tenant:
// another request while one is queued or running gets a 409.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { trainingRuns } from "../../../db/schema";
import type { StartTrainingRunInput, TrainingRunDto } from "../../contracts/ml";
import { AppError } from "../../observability/app-error";
import { getTrainingRun } from "../../presenters/ml/list-training-runs";
import type { Actor } from "../../auth/actor";
import { enqueueJob } from "../commands/enqueue-job";
import { jobKey } from "../../contracts/jobs";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function startTrainingRun(
  db: Db,
  actor: Actor,
  input: StartTrainingRunInput,
  { defaultEpochs }: { defaultEpochs: number },
): Promise<TrainingRunDto> {
  const runId = await db.transaction(async (tx) => {
    // Serialises concurrent requests of one tenant (released at commit).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`training:${actor.tenantId}`}))`);
    const [active] = await tx
      .select({ id: trainingRuns.id })
      .from(trainingRuns)
      .where(and(eq(trainingRuns.tenantId, actor.tenantId), inArray(trainingRuns.status, ["queued", "running"])))
      .limit(1);
    if (active)
      throw new AppError("conflict", "A training run is already queued or running; wait for it or cancel it.");
    const [run] = await tx
      .insert(trainingRuns)
      .values({
        tenantId: actor.tenantId,
        requestedBy: actor.userId,
        trigger: "manual",
        totalEpochs: input.epochs ?? defaultEpochs,
      })
      .returning({ id: trainingRuns.id });
    await enqueueJob(
      tx,
      "train_false_alarm_model",
      { runId: run!.id },
      { key: jobKey("train_false_alarm_model", run!.id) },
    );
    await recordAuditEvent(tx, actor, {
      action: "start",
      entityType: "training_run",
      entityId: run!.id,
      after: { status: "queued", totalEpochs: input.epochs ?? defaultEpochs },
    });
    return run!.id;
  });
  return getTrainingRun(db, actor, runId);
}
