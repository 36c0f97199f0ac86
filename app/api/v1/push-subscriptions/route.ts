// POST /api/v1/push-subscriptions {endpoint, keys} - this browser gets the signed-in user's alert notifications.
// DELETE /api/v1/push-subscriptions {endpoint} - it stops getting them.
import { pushSubscriptionInput, removePushSubscriptionInput } from "@/server/contracts/push";
import { apiRoute, json } from "@/server/http/api-route";
import { removePushSubscription } from "@/server/services/push/remove-push-subscription";
import { savePushSubscription } from "@/server/services/push/save-push-subscription";

export const POST = apiRoute(
  { route: "/api/v1/push-subscriptions", body: pushSubscriptionInput },
  async ({ actor, body, request, runtime }) =>
    json(
      await savePushSubscription(runtime.db, { tenantId: actor.tenantId, userId: actor.userId }, body, {
        allowHttp: runtime.env.WEB_PUSH_ALLOW_HTTP,
        userAgent: request.headers.get("user-agent"),
      }),
      201,
    ),
);

export const DELETE = apiRoute(
  { route: "/api/v1/push-subscriptions", body: removePushSubscriptionInput },
  async ({ actor, body, runtime }) => ({
    removed: await removePushSubscription(
      runtime.db,
      { tenantId: actor.tenantId, userId: actor.userId },
      body.endpoint,
    ),
  }),
);
