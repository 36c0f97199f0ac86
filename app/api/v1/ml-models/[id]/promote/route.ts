// POST /api/v1/ml-models/:id/promote - make this version the one that scores new alerts.
import * as op from "@/server/contracts/operations/training";
import { apiRoute } from "@/server/http/api-route";
import { promoteMlModel } from "@/server/services/ml/promote-ml-model";

export const POST = apiRoute(op.promoteMlModel, ({ actor, params, runtime }) =>
  promoteMlModel(runtime.db, actor, params.id),
);
