// POST /api/v1/alerts/:id/claim - take an open alert; 409 names who already has it.
import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { claimAlert } from "@/server/services/alerts/claim-alert";

export const POST = apiRoute(
  { route: "/api/v1/alerts/:id/claim", roles: ["admin", "operator"], params: z.object({ id: z.uuid() }) },
  ({ actor, params, channel, runtime }) => claimAlert(runtime, actor, params.id, channel),
);
