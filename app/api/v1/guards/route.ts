// GET /api/v1/guards - the tenant's guards. POST - register a guard.
import { createGuardInput } from "@/server/contracts/api";
import { apiRoute, json } from "@/server/http/api-route";
import { listGuards } from "@/server/presenters/guards/list-guards";
import { createGuard } from "@/server/services/guards/create-guard";

export const GET = apiRoute({ route: "/api/v1/guards" }, ({ actor, runtime }) => listGuards(runtime.db, actor));

export const POST = apiRoute(
  { route: "/api/v1/guards", roles: ["admin", "manager"], body: createGuardInput },
  async ({ actor, body, runtime }) => json(await createGuard(runtime.db, actor, body), 201),
);
