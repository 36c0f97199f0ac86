// PATCH /api/v1/users/:id {role?, name?, disabled?} - change a user of the tenant (admin; not one's own role or access).
import { z } from "zod";
import { updateUserInput } from "@/server/contracts/admin";
import { apiRoute } from "@/server/http/api-route";
import { updateUser } from "@/server/services/users/update-user";

export const PATCH = apiRoute(
  { route: "/api/v1/users/:id", roles: ["admin"], params: z.object({ id: z.uuid() }), body: updateUserInput },
  ({ actor, params, body, runtime }) => updateUser(runtime.db, actor, params.id, body),
);
