// GET /api/v1/ml-models - the tenant's false-alarm model versions with their test metrics.
import * as op from "@/server/contracts/operations/training";
import { apiRoute } from "@/server/http/api-route";
import { listMlModels } from "@/server/presenters/ml/list-ml-models";

export const GET = apiRoute(op.listMlModels, ({ actor, runtime }) => listMlModels(runtime.db, actor));
