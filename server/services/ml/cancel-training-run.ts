// Asks a training run to stop. A queued run is cancelled at once; a running
// one records the request and the job stops after its current epoch, ending
// as cancelled. A run that has already ended gets a 409.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { trainingRuns } from "../../../db/schema";
import type { TrainingRunDto } from "../../contracts/ml";
import { AppError } from "../../observability/app-error";
import { getTrainingRun } from "../../presenters/ml/list-training-runs";
import type { Broadcaster } from "../../realtime/broadcaster";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { announceTrainingRun } from "./announce-training-run";

export async function cancelTrainingRun(
  { db, broadcaster }: { db: Db; broadcaster: Broadcaster },
  actor: Actor,
  runId: string,
): Promise<TrainingRunDto> {
  const wasQueued = sql`${trainingRuns.status} = 'queued'`;
  const changed = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(trainingRuns)
      .set({
        cancelRequestedAt: sql`coalesce(${trainingRuns.cancelRequestedAt}, now())`,
        status: sql`case when ${wasQueued} then 'cancelled'::training_run_status else ${trainingRuns.status} end`,
        finishedAt: sql`case when ${wasQueued} then now() else ${trainingRuns.finishedAt} end`,
        error: sql`case when ${wasQueued} then 'Cancelled before it started.' else ${trainingRuns.error} end`,
      })
      .where(
        and(
          eq(trainingRuns.id, runId),
          eq(trainingRuns.tenantId, actor.tenantId),
          sql`${trainingRuns.status} in ('queued', 'running')`,
        ),
      )
      .returning({ id: trainingRuns.id, requestedBy: trainingRuns.requestedBy, status: trainingRuns.status });
    if (updated) {
      await recordAuditEvent(tx, actor, {
        action: "cancel",
        entityType: "training_run",
        entityId: runId,
        after: { status: updated.status, cancelRequested: true },
      });
    }
    return updated && { id: updated.id, requestedBy: updated.requestedBy };
  });
  const run = await getTrainingRun(db, actor, runId);
  if (!changed) throw new AppError("conflict", `The training run has already ${run.status}.`);
  if (run.status === "cancelled") announceTrainingRun(broadcaster, { tenantId: actor.tenantId, ...changed }, run);
  return run;
}
