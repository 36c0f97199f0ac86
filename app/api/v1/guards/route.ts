// GET /api/v1/guards - the tenant's guards. POST - register a guard.
import * as op from "@/server/contracts/operations/guards";
import { apiRoute } from "@/server/http/api-route";
import { listGuards } from "@/server/presenters/guards/list-guards";
import { createGuard } from "@/server/services/guards/create-guard";

export const GET = apiRoute(op.listGuards, ({ actor, runtime }) => listGuards(runtime.db, actor));

export const POST = apiRoute(op.createGuard, ({ actor, body, runtime }) => createGuard(runtime.db, actor, body));
