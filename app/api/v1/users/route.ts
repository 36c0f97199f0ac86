// GET /api/v1/users?limit=&cursor= - the tenant's users (admin). POST {email, name, role, password} - add one (admin).
import * as op from "@/server/contracts/operations/admin";
import { apiRoute } from "@/server/http/api-route";
import { listUsers } from "@/server/presenters/users/list-users";
import { createUser } from "@/server/services/users/create-user";

export const GET = apiRoute(op.listUsers, ({ actor, query, runtime }) => listUsers(runtime.db, actor, query));

export const POST = apiRoute(op.createUser, ({ actor, body, runtime }) => createUser(runtime.db, actor, body));
