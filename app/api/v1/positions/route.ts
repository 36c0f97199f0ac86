// GET /api/v1/positions - every guard's newest position (the NOC reloads it after a reconnect).
import * as op from "@/server/contracts/operations/guards";
import { apiRoute } from "@/server/http/api-route";
import { listLatestPositions } from "@/server/presenters/guards/list-latest-positions";

export const GET = apiRoute(op.listPositions, ({ actor, runtime }) => listLatestPositions(runtime.db, actor));
