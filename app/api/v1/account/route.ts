// GET /api/v1/account - the caller's account, with whether two-factor sign-in is on and required.
import * as op from "@/server/contracts/operations/account";
import { apiRoute } from "@/server/http/api-route";
import { getAccount } from "@/server/presenters/users/get-account";

export const GET = apiRoute(op.getAccount, ({ actor, runtime }) => getAccount(runtime.db, actor));
