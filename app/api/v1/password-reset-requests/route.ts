// POST /api/v1/password-reset-requests {email} - forgot password: the same 202 whether or not the email has an account.
import * as op from "@/server/contracts/operations/account";
import { clientIp, publicApiRoute } from "@/server/http/api-route";
import { requestPasswordReset } from "@/server/services/accounts/request-password-reset";

export const POST = publicApiRoute(op.requestPasswordReset, ({ body, request, runtime }) =>
  requestPasswordReset(runtime.db, { email: body.email, ip: clientIp(request) }),
);
