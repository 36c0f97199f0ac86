// POST /api/v1/ml-models/:id/promote - make this version the one that scores new alerts.
import { z } from "zod";
import { mlRoles } from "@/server/contracts/ml";
import { apiRoute } from "@/server/http/api-route";
import { promoteMlModel } from "@/server/services/ml/promote-ml-model";

export const POST = apiRoute(
  { route: "/api/v1/ml-models/:id/promote", roles: mlRoles, params: z.object({ id: z.uuid() }) },
  ({ actor, params, runtime }) => promoteMlModel(runtime.db, actor, params.id),
);
