// POST /api/v1/training-runs/:id/cancel - stop a queued or running training run (it stops after its current epoch).
import * as op from "@/server/contracts/operations/training";
import { apiRoute } from "@/server/http/api-route";
import { cancelTrainingRun } from "@/server/services/ml/cancel-training-run";

export const POST = apiRoute(op.cancelTrainingRun, ({ actor, params, runtime }) =>
  cancelTrainingRun(runtime, actor, params.id),
);
