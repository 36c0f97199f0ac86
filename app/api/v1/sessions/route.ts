// POST /api/v1/sessions - sign in with email and password; returns an API token (Bearer).
import { loginInput } from "@/server/contracts/api";
import { clientIp, json, publicApiRoute } from "@/server/http/api-route";
import { logIn } from "@/server/auth/log-in";

export const POST = publicApiRoute(
  { route: "/api/v1/sessions", body: loginInput },
  async ({ body, request, runtime }) => {
    const { token, expiresAt } = await logIn(runtime.db, { ...body, ip: clientIp(request), kind: "api" });
    return json({ token, expiresAt: expiresAt.toISOString() }, 201);
  },
);
