// Stores a browser's push subscription for a user (signed in), a contact
// (through the signed alert link) or a guard phone (the guard app). The endpoint must be a public https
// address (push-destination.ts; checked again at every push). The endpoint
// is unique: the same browser subscribing again, or as someone else of the
// same tenant, takes the row over, but another tenant cannot take it (that
// would silence the first tenant's phone). An owner keeps at most
// MAX_PUSH_SUBSCRIPTIONS_PER_OWNER; a new one beyond that replaces the oldest.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { pushSubscriptions } from "../../../db/schema";
import type { PushSubscriptionDto, PushSubscriptionInput } from "../../contracts/push";
import { isAllowedPushEndpoint } from "../../notifications/push-channel";
import {
  PushDestinationError,
  pushHost,
  resolvePushHost,
  type ResolveHost,
} from "../../notifications/push-destination";
import { AppError } from "../../observability/app-error";

const MAX_PUSH_SUBSCRIPTIONS_PER_OWNER = 10;

export type PushOwner = { tenantId: string } & (
  | { userId: string; contactId?: never; deviceId?: never }
  | { contactId: string; userId?: never; deviceId?: never }
  // A guard phone's guard app, for the "Check in now" pre-alarm.
  | { deviceId: string; userId?: never; contactId?: never }
);

/** A subscription made through a signed link lasts until then, for the contact as they were. */
export type LinkTerms = { expiresAt: Date; contactFingerprint: string };

const refuse = (message: string) =>
  new AppError("invalid_input", `Invalid endpoint: ${message}.`, { issues: [{ path: "endpoint", message }] });

async function checkEndpoint(endpoint: string, { allowHttp, resolve }: { allowHttp: boolean; resolve?: ResolveHost }) {
  if (!isAllowedPushEndpoint(endpoint, allowHttp)) throw refuse("a push endpoint must be https");
  try {
    await resolvePushHost(pushHost(endpoint), { allowLoopback: allowHttp, ...(resolve ? { resolve } : {}) });
  } catch (error) {
    // The same answer whatever the address was: naming it would tell a tenant how internal names resolve.
    if (error instanceof PushDestinationError) throw refuse("a push endpoint must be a public https address");
    // A name that does not resolve now is refused at every push if it resolves to a forbidden address later.
  }
}

/** The owner's id column and value. */
function ownerColumn(owner: PushOwner) {
  if (owner.userId) return eq(pushSubscriptions.userId, owner.userId);
  if (owner.deviceId) return eq(pushSubscriptions.deviceId, owner.deviceId);
  return eq(pushSubscriptions.contactId, owner.contactId!);
}

export const ownedBy = (owner: PushOwner) => and(eq(pushSubscriptions.tenantId, owner.tenantId), ownerColumn(owner));

export async function savePushSubscription(
  db: Db,
  owner: PushOwner,
  input: PushSubscriptionInput,
  {
    allowHttp,
    userAgent,
    link,
    resolve,
  }: { allowHttp: boolean; userAgent: string | null; link?: LinkTerms; resolve?: ResolveHost },
): Promise<PushSubscriptionDto> {
  await checkEndpoint(input.endpoint, { allowHttp, ...(resolve ? { resolve } : {}) });
  const values = {
    tenantId: owner.tenantId,
    userId: owner.userId ?? null,
    contactId: owner.contactId ?? null,
    deviceId: owner.deviceId ?? null,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: userAgent?.slice(0, 300) ?? null,
    expiresAt: link?.expiresAt ?? null,
    contactFingerprint: link?.contactFingerprint ?? null,
  };
  return db.transaction(async (tx) => {
    // One owner's subscriptions change one request at a time, so parallel requests cannot pass the cap together.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`push:${owner.userId ?? owner.contactId ?? owner.deviceId}`}))`,
    );
    const [row] = await tx
      .insert(pushSubscriptions)
      .values(values)
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { ...values, createdAt: new Date() },
        setWhere: eq(pushSubscriptions.tenantId, owner.tenantId),
      })
      .returning();
    if (!row) {
      throw new AppError(
        "conflict",
        "This push endpoint is registered elsewhere: turn notifications off and on again in this browser to get a new one.",
      );
    }
    const beyondCap = await tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(ownedBy(owner))
      .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id))
      .offset(MAX_PUSH_SUBSCRIPTIONS_PER_OWNER);
    for (const { id } of beyondCap) await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
    return { id: row.id, endpoint: row.endpoint, createdAt: row.createdAt.toISOString() };
  });
}
