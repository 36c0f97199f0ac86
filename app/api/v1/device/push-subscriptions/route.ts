// POST /api/v1/device/push-subscriptions {endpoint, keys} - the guard app's browser gets the pre-alarm push, as
// the device (HTTP Basic).
import * as op from "@/server/contracts/operations/guard-app";
import { authenticateDevice } from "@/server/auth/authenticate-device";
import { publicApiRoute } from "@/server/http/api-route";
import { savePushSubscription } from "@/server/services/push/save-push-subscription";

export const POST = publicApiRoute(op.subscribeDevicePush, async ({ body, request, runtime }) => {
  const { tenantId, deviceId } = await authenticateDevice(runtime.sql, request);
  return savePushSubscription(runtime.db, { tenantId, deviceId }, body, {
    allowHttp: runtime.env.WEB_PUSH_ALLOW_HTTP,
    userAgent: request.headers.get("user-agent"),
  });
});
