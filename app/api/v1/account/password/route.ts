// POST /api/v1/account/password {currentPassword, newPassword} - change one's own password; other sessions end.
import * as op from "@/server/contracts/operations/account";
import { apiRoute } from "@/server/http/api-route";
import { changeOwnPassword } from "@/server/services/accounts/change-own-password";

export const POST = apiRoute(op.changePassword, ({ actor, token, body, runtime }) =>
  changeOwnPassword(runtime.db, actor, token, body),
);
