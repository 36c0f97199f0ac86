// GET /api/v1/training-runs/:id - one training run: status, progress per epoch, metrics.
import * as op from "@/server/contracts/operations/training";
import { apiRoute } from "@/server/http/api-route";
import { getTrainingRun } from "@/server/presenters/ml/list-training-runs";

export const GET = apiRoute(op.getTrainingRun, ({ actor, params, runtime }) =>
  getTrainingRun(runtime.db, actor, params.id),
);
