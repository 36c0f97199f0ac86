// POST /api/v1/users/:id/password-reset - an admin emails a user a one-time reset link; the user's sessions end.
import * as op from "@/server/contracts/operations/account";
import { apiRoute } from "@/server/http/api-route";
import { sendUserPasswordReset } from "@/server/services/accounts/send-user-password-reset";

export const POST = apiRoute(op.sendUserPasswordReset, ({ actor, params, runtime }) =>
  sendUserPasswordReset(runtime.db, actor, params.id),
);
