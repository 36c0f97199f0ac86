// GET /api/v1/quarantine?before=&limit= - rejected MQTT messages with their reasons, newest first.
import { listQuarantineQuery } from "@/server/contracts/quarantine";
import { apiRoute } from "@/server/http/api-route";
import { listQuarantine } from "@/server/presenters/quarantine/list-quarantine";

export const GET = apiRoute(
  {
    route: "/api/v1/quarantine",
    roles: ["admin", "operator"],
    query: listQuarantineQuery,
  },
  ({ actor, query, runtime }) => listQuarantine(runtime.db, actor, query),
);
