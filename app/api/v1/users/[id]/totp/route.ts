// DELETE /api/v1/users/:id/totp - an admin turns a user's two-factor sign-in off (lost phone); their sessions end.
import * as op from "@/server/contracts/operations/account";
import { apiRoute } from "@/server/http/api-route";
import { resetUserTotp } from "@/server/services/accounts/reset-user-totp";

export const DELETE = apiRoute(op.resetUserTotp, ({ actor, params, runtime }) =>
  resetUserTotp(runtime.db, actor, params.id),
);
