// POST /api/v1/push-subscriptions/link {alertId, token, endpoint, keys} - a contact opts in from the signed
// alert link (no account needed), for PUSH_LINK_SUBSCRIPTION_DAYS. DELETE {alertId, token, endpoint} - the
// contact opts out.
import { linkPushSubscriptionInput, removeLinkPushSubscriptionInput } from "@/server/contracts/push";
import { json, publicApiRoute } from "@/server/http/api-route";
import { linkPushOwner } from "@/server/services/push/link-push-owner";
import { removePushSubscription } from "@/server/services/push/remove-push-subscription";
import { savePushSubscription } from "@/server/services/push/save-push-subscription";

export const POST = publicApiRoute(
  { route: "/api/v1/push-subscriptions/link", body: linkPushSubscriptionInput },
  async ({ body, request, runtime }) => {
    const { owner, link } = await linkPushOwner(runtime, body, runtime.linkSecret, {
      days: runtime.env.PUSH_LINK_SUBSCRIPTION_DAYS,
    });
    const saved = await savePushSubscription(runtime.db, owner, body, {
      allowHttp: runtime.env.WEB_PUSH_ALLOW_HTTP,
      userAgent: request.headers.get("user-agent"),
      link,
    });
    return json(saved, 201);
  },
);

export const DELETE = publicApiRoute(
  { route: "/api/v1/push-subscriptions/link", body: removeLinkPushSubscriptionInput },
  async ({ body, runtime }) => {
    const { owner } = await linkPushOwner(runtime, body, runtime.linkSecret);
    return { removed: await removePushSubscription(runtime.db, owner, body.endpoint) };
  },
);
