// Stores a browser's push subscription for a user (signed in) or a contact
// (through the signed alert link). The endpoint is unique: the same browser
// subscribing again, or as someone else, takes the row over.
import type { Db } from "../../../db/client";
import { pushSubscriptions } from "../../../db/schema";
import type { PushSubscriptionDto, PushSubscriptionInput } from "../../contracts/push";
import { isAllowedPushEndpoint } from "../../notifications/push-channel";
import { AppError } from "../../observability/app-error";

export type PushOwner = { tenantId: string } & (
  { userId: string; contactId?: never } | { contactId: string; userId?: never }
);

export async function savePushSubscription(
  db: Db,
  owner: PushOwner,
  input: PushSubscriptionInput,
  { allowHttp, userAgent }: { allowHttp: boolean; userAgent: string | null },
): Promise<PushSubscriptionDto> {
  if (!isAllowedPushEndpoint(input.endpoint, allowHttp)) {
    throw new AppError("invalid_input", "Invalid endpoint: a push endpoint must be https.", {
      issues: [{ path: "endpoint", message: "a push endpoint must be https" }],
    });
  }
  const values = {
    tenantId: owner.tenantId,
    userId: owner.userId ?? null,
    contactId: owner.contactId ?? null,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: userAgent?.slice(0, 300) ?? null,
  };
  const [row] = await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { ...values, createdAt: new Date() } })
    .returning();
  return { id: row!.id, endpoint: row!.endpoint, createdAt: row!.createdAt.toISOString() };
}
