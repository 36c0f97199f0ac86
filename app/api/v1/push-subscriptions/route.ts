// POST /api/v1/push-subscriptions {endpoint, keys} - this browser gets the signed-in user's alert notifications.
// DELETE /api/v1/push-subscriptions {endpoint} - it stops getting them.
import * as op from "@/server/contracts/operations/push";
import { apiRoute } from "@/server/http/api-route";
import { removePushSubscription } from "@/server/services/push/remove-push-subscription";
import { savePushSubscription } from "@/server/services/push/save-push-subscription";

export const POST = apiRoute(op.subscribePush, ({ actor, body, request, runtime }) =>
  savePushSubscription(runtime.db, { tenantId: actor.tenantId, userId: actor.userId }, body, {
    allowHttp: runtime.env.WEB_PUSH_ALLOW_HTTP,
    userAgent: request.headers.get("user-agent"),
  }),
);

export const DELETE = apiRoute(op.unsubscribePush, async ({ actor, body, runtime }) => ({
  removed: await removePushSubscription(runtime.db, { tenantId: actor.tenantId, userId: actor.userId }, body.endpoint),
}));
