// DELETE /api/v1/sessions/current - sign out: revokes the token or cookie session used for this request.
import * as op from "@/server/contracts/operations/sessions";
import { apiRoute } from "@/server/http/api-route";
import { logOut } from "@/server/auth/log-out";

export const DELETE = apiRoute(op.signOut, ({ token, runtime }) => logOut(runtime.db, token));
