// POST /api/v1/password-resets {token, password} - a reset link's new password; the link is used up, sessions end.
import * as op from "@/server/contracts/operations/account";
import { publicApiRoute, requestOrigin } from "@/server/http/api-route";
import { resetPassword } from "@/server/services/accounts/reset-password";

export const POST = publicApiRoute(op.resetPassword, ({ body, request, runtime }) =>
  resetPassword(runtime.db, body, requestOrigin(request.headers, "link")),
);
