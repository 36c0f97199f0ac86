// PUT /api/v1/users/:id/password {password} - an admin sets a user's password; the user's sessions end.
import * as op from "@/server/contracts/operations/account";
import { apiRoute } from "@/server/http/api-route";
import { setUserPassword } from "@/server/services/accounts/set-user-password";

export const PUT = apiRoute(op.setUserPassword, ({ actor, params, body, runtime }) =>
  setUserPassword(runtime.db, actor, params.id, body),
);
