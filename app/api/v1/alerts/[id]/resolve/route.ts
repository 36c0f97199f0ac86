// POST /api/v1/alerts/:id/resolve {outcome: real|false_alarm|test, note?} - close the alert.
import { z } from "zod";
import { resolveAlertInput } from "@/server/contracts/api";
import { apiRoute } from "@/server/http/api-route";
import { resolveAlert } from "@/server/services/alerts/resolve-alert";

export const POST = apiRoute(
  {
    route: "/api/v1/alerts/:id/resolve",
    roles: ["admin", "operator", "supervisor"],
    params: z.object({ id: z.uuid() }),
    body: resolveAlertInput,
  },
  ({ actor, params, body, channel, runtime }) => resolveAlert(runtime, actor, params.id, body, channel),
);
