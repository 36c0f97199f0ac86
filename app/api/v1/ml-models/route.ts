// GET /api/v1/ml-models - the tenant's false-alarm model versions with their test metrics.
import { mlRoles } from "@/server/contracts/ml";
import { apiRoute } from "@/server/http/api-route";
import { listMlModels } from "@/server/presenters/ml/list-ml-models";

export const GET = apiRoute({ route: "/api/v1/ml-models", roles: mlRoles }, ({ actor, runtime }) =>
  listMlModels(runtime.db, actor),
);
