// GET /api/v1/positions/latest - every guard's newest position as compact rows (the NOC's first paint and reconnects).
import { apiRoute } from "@/server/http/api-route";
import { latestPositionsJson } from "@/server/presenters/guards/latest-positions-json";

export const GET = apiRoute(
  { route: "/api/v1/positions/latest" },
  async ({ actor, runtime }) =>
    new Response(await latestPositionsJson(runtime.db, actor), { headers: { "content-type": "application/json" } }),
);
