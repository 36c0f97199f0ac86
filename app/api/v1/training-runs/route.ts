// GET /api/v1/training-runs - the tenant's recent false-alarm model training runs. POST {epochs?} - queue a run (202).
import * as op from "@/server/contracts/operations/training";
import { apiRoute } from "@/server/http/api-route";
import { listTrainingRuns } from "@/server/presenters/ml/list-training-runs";
import { startTrainingRun } from "@/server/services/ml/start-training-run";

export const GET = apiRoute(op.listTrainingRuns, ({ actor, runtime }) => listTrainingRuns(runtime.db, actor));

export const POST = apiRoute(op.startTrainingRun, ({ actor, body, runtime }) =>
  startTrainingRun(runtime.db, actor, body, { defaultEpochs: runtime.env.ML_TRAINING_EPOCHS }),
);
