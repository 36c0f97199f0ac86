// GET /api/v1/device/me - the guard app's view (guard, sites, current tour run), as the device (HTTP Basic).
import * as op from "@/server/contracts/operations/guard-app";
import { authenticateDevice } from "@/server/auth/authenticate-device";
import { publicApiRoute } from "@/server/http/api-route";
import { getGuardAppView } from "@/server/presenters/guard-app/get-guard-app-view";

export const GET = publicApiRoute(op.getGuardAppView, async ({ request, runtime }) =>
  getGuardAppView(runtime.sql, await authenticateDevice(runtime.sql, request)),
);
