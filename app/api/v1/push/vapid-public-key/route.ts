// GET /api/v1/push/vapid-public-key - the key browsers subscribe with; null when web push is not configured.
// Public: a contact on the signed alert page has no session.
import * as op from "@/server/contracts/operations/push";
import { publicApiRoute } from "@/server/http/api-route";

export const GET = publicApiRoute(op.getVapidPublicKey, async ({ runtime }) => {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT } = runtime.env;
  return { publicKey: VAPID_PUBLIC_KEY && VAPID_PRIVATE_KEY && VAPID_SUBJECT ? VAPID_PUBLIC_KEY : null };
});
