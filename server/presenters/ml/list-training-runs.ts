// The tenant's training runs, newest first, and one run by id.
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { mlModels, trainingRuns, users } from "../../../db/schema";
import type { TrainingRunDto } from "../../contracts/ml";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { toTrainingRunDto } from "./training-run-dto";

const RECENT_RUNS = 50;

async function selectRuns(db: Db, tenantId: string, where?: SQL): Promise<TrainingRunDto[]> {
  const rows = await db
    .select({ run: trainingRuns, requestedByEmail: users.email, modelVersion: mlModels.version })
    .from(trainingRuns)
    .leftJoin(users, eq(users.id, trainingRuns.requestedBy))
    .leftJoin(mlModels, eq(mlModels.trainingRunId, trainingRuns.id))
    .where(and(eq(trainingRuns.tenantId, tenantId), where))
    .orderBy(desc(trainingRuns.createdAt))
    .limit(RECENT_RUNS);
  return rows.map(({ run, requestedByEmail, modelVersion }) =>
    toTrainingRunDto({ ...run, requestedByEmail, modelVersion }),
  );
}

export function listTrainingRuns(db: Db, actor: Pick<Actor, "tenantId">): Promise<TrainingRunDto[]> {
  return selectRuns(db, actor.tenantId);
}

export async function getTrainingRun(db: Db, actor: Pick<Actor, "tenantId">, runId: string): Promise<TrainingRunDto> {
  const [run] = await selectRuns(db, actor.tenantId, eq(trainingRuns.id, runId));
  if (!run) throw new AppError("not_found", "No such training run.");
  return run;
}
