// GET /api/v1/quarantine?before=&limit= - rejected MQTT messages with their reasons, newest first.
import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { listQuarantine } from "@/server/presenters/quarantine/list-quarantine";

export const GET = apiRoute(
  {
    route: "/api/v1/quarantine",
    roles: ["admin", "operator"],
    query: z.object({
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
  },
  ({ actor, query, runtime }) => listQuarantine(runtime.db, actor, query),
);
