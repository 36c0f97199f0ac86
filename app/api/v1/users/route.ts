// GET /api/v1/users?limit=&cursor= - the tenant's users (admin). POST {email, name, role, password} - add one (admin).
import { createUserInput } from "@/server/contracts/admin";
import { pageQuery } from "@/server/contracts/pagination";
import { apiRoute, json } from "@/server/http/api-route";
import { listUsers } from "@/server/presenters/users/list-users";
import { createUser } from "@/server/services/users/create-user";

export const GET = apiRoute(
  { route: "/api/v1/users", roles: ["admin"], query: pageQuery },
  ({ actor, query, runtime }) => listUsers(runtime.db, actor, query),
);

export const POST = apiRoute(
  { route: "/api/v1/users", roles: ["admin"], body: createUserInput },
  async ({ actor, body, runtime }) => json(await createUser(runtime.db, actor, body), 201),
);
