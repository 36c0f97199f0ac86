// DELETE /api/v1/sessions/current - sign out: revokes the token or cookie session used for this request.
import { apiRoute } from "@/server/http/api-route";
import { logOut } from "@/server/auth/log-out";

export const DELETE = apiRoute({ route: "/api/v1/sessions/current" }, async ({ token, runtime }) => {
  await logOut(runtime.db, token);
  return new Response(null, { status: 204 });
});
