// POST /api/v1/alerts/:id/acknowledge - NEW -> ACKNOWLEDGED; 409 names who was first.
import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { acknowledgeAlert } from "@/server/services/alerts/acknowledge-alert";

export const POST = apiRoute(
  {
    route: "/api/v1/alerts/:id/acknowledge",
    roles: ["admin", "operator", "supervisor"],
    params: z.object({ id: z.uuid() }),
  },
  ({ actor, params, channel, runtime }) => acknowledgeAlert(runtime, actor, params.id, channel),
);
