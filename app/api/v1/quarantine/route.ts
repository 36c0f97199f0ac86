// GET /api/v1/quarantine?before=&limit= - rejected MQTT messages with their reasons, newest first.
import * as op from "@/server/contracts/operations/quarantine";
import { apiRoute } from "@/server/http/api-route";
import { listQuarantine } from "@/server/presenters/quarantine/list-quarantine";

export const GET = apiRoute(op.listQuarantine, ({ actor, query, runtime }) => listQuarantine(runtime.db, actor, query));
