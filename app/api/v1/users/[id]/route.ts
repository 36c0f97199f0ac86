// PATCH /api/v1/users/:id {role?, name?, disabled?} - change a user of the tenant (admin; not one's own role or access).
import * as op from "@/server/contracts/operations/admin";
import { apiRoute } from "@/server/http/api-route";
import { updateUser } from "@/server/services/users/update-user";

export const PATCH = apiRoute(op.updateUser, ({ actor, params, body, runtime }) =>
  updateUser(runtime.db, actor, params.id, body),
);
