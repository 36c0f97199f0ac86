// PATCH /api/v1/users/:id {role?, name?, disabled?} - change a user of the tenant (admin; not one's own role or access).
// DELETE /api/v1/users/:id - remove a user (admin; not oneself, not the tenant's last active admin: 409).
import * as op from "@/server/contracts/operations/admin";
import { apiRoute } from "@/server/http/api-route";
import { deleteUser } from "@/server/services/users/delete-user";
import { updateUser } from "@/server/services/users/update-user";

export const PATCH = apiRoute(op.updateUser, ({ actor, params, body, runtime }) =>
  updateUser(runtime.db, actor, params.id, body),
);

export const DELETE = apiRoute(op.deleteUser, ({ actor, params, runtime }) => deleteUser(runtime.db, actor, params.id));
