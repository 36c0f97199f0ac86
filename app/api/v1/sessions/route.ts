// POST /api/v1/sessions - sign in with email and password; returns an API token (Bearer).
import * as op from "@/server/contracts/operations/sessions";
import { clientIp, publicApiRoute } from "@/server/http/api-route";
import { logIn } from "@/server/auth/log-in";

export const POST = publicApiRoute(op.signIn, async ({ body, request, runtime }) => {
  const { token, expiresAt } = await logIn(runtime.db, { ...body, ip: clientIp(request), kind: "api" });
  return { token, expiresAt: expiresAt.toISOString() };
});
