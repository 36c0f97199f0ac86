// Web push opt-in: what a browser's PushSubscription.toJSON() sends, the same
// with the signed alert link for a contact without an account, and the VAPID
// public key the browser subscribes with.
import { z } from "zod";
import { isoTime } from "./iso-time";

const base64url = (bytes: string) => z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, `the ${bytes} key in base64url`);

export const pushSubscriptionInput = z.object({
  endpoint: z.url().max(2000),
  keys: z.object({ p256dh: base64url("p256dh").max(200), auth: base64url("auth").max(100) }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInput>;

export const removePushSubscriptionInput = z.object({ endpoint: z.url().max(2000) });

/** The signed link of the mobile alert page (`/m/alerts/{alertId}?t={token}`) authorises a contact. */
const alertLink = z.object({ alertId: z.uuid(), token: z.string().min(1).max(1000) });
export const linkPushSubscriptionInput = pushSubscriptionInput.extend(alertLink.shape);
export const removeLinkPushSubscriptionInput = removePushSubscriptionInput.extend(alertLink.shape);

export const pushSubscriptionDto = z.object({ id: z.uuid(), endpoint: z.string(), createdAt: isoTime });
export type PushSubscriptionDto = z.infer<typeof pushSubscriptionDto>;

export const removedPushSubscriptionDto = z.object({
  removed: z.boolean().describe("false when no such subscription of this owner existed."),
});

export const vapidPublicKeyDto = z.object({
  publicKey: z.string().nullable().describe("null when this server has no VAPID keys (push is not configured)."),
});
export type VapidPublicKeyDto = z.infer<typeof vapidPublicKeyDto>;
