// GET /api/v1/alerts/:id - one alert with its event log and deliveries.
import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { getAlert } from "@/server/presenters/alerts/get-alert";

export const GET = apiRoute(
  { route: "/api/v1/alerts/:id", params: z.object({ id: z.uuid() }) },
  ({ actor, params, runtime }) => getAlert(runtime.db, actor, params.id),
);
