// GET /api/v1/training-runs - the tenant's recent false-alarm model training runs. POST {epochs?} - queue a run (202).
import { mlRoles, startTrainingRunInput } from "@/server/contracts/ml";
import { apiRoute, json } from "@/server/http/api-route";
import { listTrainingRuns } from "@/server/presenters/ml/list-training-runs";
import { startTrainingRun } from "@/server/services/ml/start-training-run";

export const GET = apiRoute({ route: "/api/v1/training-runs", roles: mlRoles }, ({ actor, runtime }) =>
  listTrainingRuns(runtime.db, actor),
);

export const POST = apiRoute(
  { route: "/api/v1/training-runs", roles: mlRoles, body: startTrainingRunInput },
  async ({ actor, body, runtime }) =>
    json(await startTrainingRun(runtime.db, actor, body, { defaultEpochs: runtime.env.ML_TRAINING_EPOCHS }), 202),
);
