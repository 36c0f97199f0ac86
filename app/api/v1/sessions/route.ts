// POST /api/v1/sessions - sign in with email, password (and the second-factor code, if set up); returns an API token.
import * as op from "@/server/contracts/operations/sessions";
import { clientIp, publicApiRoute } from "@/server/http/api-route";
import { logIn } from "@/server/auth/log-in";
import { AppError } from "@/server/observability/app-error";

export const POST = publicApiRoute(op.signIn, async ({ body, request, runtime }) => {
  const outcome = await logIn(runtime.db, { ...body, ip: clientIp(request), kind: "api", secret: runtime.linkSecret });
  if (outcome.status === "code-needed") {
    throw new AppError("unauthenticated", "This account has two-factor sign-in: send totpCode too.", {
      issues: [{ path: "totpCode", message: "enter the 6-digit code from your authenticator app" }],
    });
  }
  return { token: outcome.token, expiresAt: outcome.expiresAt.toISOString() };
});
