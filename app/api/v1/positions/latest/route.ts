// GET /api/v1/positions/latest - every guard's newest position as compact rows (the NOC's first paint and reconnects).
// PostgreSQL writes the JSON, so the answer is a Response of its own; the API tests check it against the schema.
import * as op from "@/server/contracts/operations/guards";
import { apiRoute } from "@/server/http/api-route";
import { latestPositionsJson } from "@/server/presenters/guards/latest-positions-json";

export const GET = apiRoute(
  op.listLatestPositions,
  async ({ actor, runtime }) =>
    new Response(await latestPositionsJson(runtime.db, actor), { headers: { "content-type": "application/json" } }),
);
