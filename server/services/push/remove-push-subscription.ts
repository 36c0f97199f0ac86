// Opting out: deletes the subscription of this endpoint, only if it belongs
// to the same user, contact or device (and tenant). Answers whether one was removed.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { pushSubscriptions } from "../../../db/schema";
import { ownedBy, type PushOwner } from "./save-push-subscription";

export async function removePushSubscription(db: Db, owner: PushOwner, endpoint: string): Promise<boolean> {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(ownedBy(owner), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return removed.length > 0;
}
