// PUT /api/v1/security-settings {requireTotp} - an admin requires two-factor sign-in of the tenant's users.
import * as op from "@/server/contracts/operations/account";
import { apiRoute } from "@/server/http/api-route";
import { setSecuritySettings } from "@/server/services/accounts/set-security-settings";

export const PUT = apiRoute(op.setSecuritySettings, ({ actor, body, runtime }) =>
  setSecuritySettings(runtime.db, actor, body),
);
