// POST /api/v1/push-subscriptions/link {alertId, token, endpoint, keys} - a contact opts in from the signed
// alert link (no account needed), for PUSH_LINK_SUBSCRIPTION_DAYS. DELETE {alertId, token, endpoint} - the
// contact opts out.
import * as op from "@/server/contracts/operations/push";
import { publicApiRoute } from "@/server/http/api-route";
import { linkPushOwner } from "@/server/services/push/link-push-owner";
import { removePushSubscription } from "@/server/services/push/remove-push-subscription";
import { savePushSubscription } from "@/server/services/push/save-push-subscription";

export const POST = publicApiRoute(op.subscribePushByLink, async ({ body, request, runtime }) => {
  const { owner, link } = await linkPushOwner(runtime, body, runtime.linkSecret, {
    days: runtime.env.PUSH_LINK_SUBSCRIPTION_DAYS,
  });
  return savePushSubscription(runtime.db, owner, body, {
    allowHttp: runtime.env.WEB_PUSH_ALLOW_HTTP,
    userAgent: request.headers.get("user-agent"),
    link,
  });
});

export const DELETE = publicApiRoute(op.unsubscribePushByLink, async ({ body, runtime }) => {
  const { owner } = await linkPushOwner(runtime, body, runtime.linkSecret);
  return { removed: await removePushSubscription(runtime.db, owner, body.endpoint) };
});
