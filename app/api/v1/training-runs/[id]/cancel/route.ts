// POST /api/v1/training-runs/:id/cancel - stop a queued or running training run (it stops after its current epoch).
import { z } from "zod";
import { mlRoles } from "@/server/contracts/ml";
import { apiRoute } from "@/server/http/api-route";
import { cancelTrainingRun } from "@/server/services/ml/cancel-training-run";

export const POST = apiRoute(
  { route: "/api/v1/training-runs/:id/cancel", roles: mlRoles, params: z.object({ id: z.uuid() }) },
  ({ actor, params, runtime }) => cancelTrainingRun(runtime, actor, params.id),
);
