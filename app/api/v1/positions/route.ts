// GET /api/v1/positions - every guard's newest position (the NOC reloads it after a reconnect).
import { apiRoute } from "@/server/http/api-route";
import { listLatestPositions } from "@/server/presenters/guards/list-latest-positions";

export const GET = apiRoute({ route: "/api/v1/positions" }, ({ actor, runtime }) =>
  listLatestPositions(runtime.db, actor),
);
