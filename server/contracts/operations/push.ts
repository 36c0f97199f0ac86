// Web push opt-in, by a signed-in user or by a contact through the signed alert link.
import {
  linkPushSubscriptionInput,
  pushSubscriptionDto,
  pushSubscriptionInput,
  removedPushSubscriptionDto,
  removeLinkPushSubscriptionInput,
  removePushSubscriptionInput,
  vapidPublicKeyDto,
} from "../push";
import { defineOperation } from "../operation";

const linkErrors = {
  403: "The alert link is invalid or expired, or not for a contact who can receive notifications.",
  404: "The alert no longer exists.",
};

export const getVapidPublicKey = defineOperation({
  method: "get",
  path: "/api/v1/push/vapid-public-key",
  summary: "The VAPID public key browsers subscribe to web push with; null when web push is not configured.",
  tag: "Push",
  auth: false,
  response: { status: 200, description: "The key.", schema: vapidPublicKeyDto },
});

export const subscribePush = defineOperation({
  method: "post",
  path: "/api/v1/push-subscriptions",
  summary: "This browser gets the signed-in user's alert notifications (a PushSubscription.toJSON()).",
  tag: "Push",
  body: pushSubscriptionInput,
  response: { status: 201, description: "Subscribed.", schema: pushSubscriptionDto },
  errors: [409],
  errorNotes: {
    409: "The endpoint is registered in another tenant.",
    422: "Invalid input, or the endpoint is not a public https address.",
  },
});

export const unsubscribePush = defineOperation({
  method: "delete",
  path: "/api/v1/push-subscriptions",
  summary: "This browser stops getting the signed-in user's alert notifications.",
  tag: "Push",
  body: removePushSubscriptionInput,
  response: { status: 200, description: "Whether a subscription was removed.", schema: removedPushSubscriptionDto },
});

export const subscribePushByLink = defineOperation({
  method: "post",
  path: "/api/v1/push-subscriptions/link",
  summary: "A contact opts in to alert notifications from the signed alert link (no account needed).",
  tag: "Push",
  auth: false,
  body: linkPushSubscriptionInput,
  response: { status: 201, description: "Subscribed.", schema: pushSubscriptionDto },
  errors: [403, 404, 409],
  errorNotes: { ...linkErrors, 409: "The endpoint is registered in another tenant." },
});

export const unsubscribePushByLink = defineOperation({
  method: "delete",
  path: "/api/v1/push-subscriptions/link",
  summary: "A contact opts out of alert notifications through the signed alert link.",
  tag: "Push",
  auth: false,
  body: removeLinkPushSubscriptionInput,
  response: { status: 200, description: "Whether a subscription was removed.", schema: removedPushSubscriptionDto },
  errors: [403, 404],
  errorNotes: linkErrors,
});
