// GET /api/v1/training-runs/:id - one training run: status, progress per epoch, metrics.
import { z } from "zod";
import { mlRoles } from "@/server/contracts/ml";
import { apiRoute } from "@/server/http/api-route";
import { getTrainingRun } from "@/server/presenters/ml/list-training-runs";

export const GET = apiRoute(
  { route: "/api/v1/training-runs/:id", roles: mlRoles, params: z.object({ id: z.uuid() }) },
  ({ actor, params, runtime }) => getTrainingRun(runtime.db, actor, params.id),
);
