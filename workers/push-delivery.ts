// One push delivery reaches every phone the contact opted in on: the
// contact's own subscriptions (from the signed alert link) and those of the
// contact's user account. A subscription the push service says is gone
// (404/410) is deleted. The delivery counts as sent when at least one phone
// got it; it is retried only when none did and some failed, so a retry never
// pushes to a phone twice. A subscription made through a signed alert link
// is pushed to only until it expires and while the contact still has the
// addresses it was made for; otherwise it is deleted, unpushed. Each push
// runs behind its push service host's circuit breaker.
import type { JobHelpers } from "graphile-worker";
import type { KeyedBreakers } from "../server/lib/keyed-breakers";
import type { PushChannel, PushMessage, PushResult } from "../server/notifications/push-channel";
import { contactFingerprint } from "../server/services/push/contact-fingerprint";

export type PushAttempt = PushResult | { outcome: "failed"; error: string };

export type PushSummary =
  { status: "sent" | "skipped"; providerId?: string; error?: string } | { status: "retry"; error: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function summarizePush(attempts: PushAttempt[]): PushSummary {
  if (attempts.length === 0) {
    return { status: "skipped", error: "contact has not turned on push notifications on any phone" };
  }
  const sent = attempts.filter((a) => a.outcome === "sent");
  const gone = attempts.filter((a) => a.outcome === "gone").length;
  const failed = attempts.flatMap((a) => (a.outcome === "failed" ? [a.error] : []));
  const notes = [
    failed.length > 0 ? `${plural(failed.length, "phone")} failed: ${failed[0]}` : null,
    gone > 0 ? `${plural(gone, "expired subscription")} removed` : null,
  ].filter((note) => note !== null);
  if (sent.length > 0) {
    const providerId = sent.find((a) => a.providerId)?.providerId ?? undefined;
    return {
      status: "sent",
      providerId: providerId ?? `${sent.length} of ${plural(attempts.length, "phone")}`,
      ...(notes.length > 0 ? { error: notes.join("; ") } : {}),
    };
  }
  if (failed.length > 0) return { status: "retry", error: notes.join("; ") };
  return { status: "skipped", error: `every push subscription had expired (${gone} removed)` };
}

type Subscription = {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  via_link: boolean;
  expired: boolean;
  contact_fingerprint: string | null;
  email: string | null;
  phone: string | null;
  user_id: string | null;
};

/** A subscription made through a signed link that no longer holds: expired, or the contact has changed. */
const stale = (s: Subscription) =>
  s.via_link &&
  (s.expired || s.contact_fingerprint !== contactFingerprint({ email: s.email, phone: s.phone, userId: s.user_id }));

export async function pushToContact(
  helpers: Pick<JobHelpers, "query">,
  { channel, breakers }: { channel: PushChannel; breakers: KeyedBreakers },
  {
    tenantId,
    contactId,
    message,
    ttlSeconds,
  }: { tenantId: string; contactId: string; message: PushMessage; ttlSeconds: number },
): Promise<PushSummary> {
  const { rows } = await helpers.query<Subscription>(
    `select s.id, s.endpoint, s.p256dh, s.auth, s.contact_id is not null as via_link,
            coalesce(s.expires_at <= now(), false) as expired, s.contact_fingerprint, c.email, c.phone, c.user_id
     from push_subscriptions s join contacts c on c.id = $2 and c.tenant_id = $1
     where s.tenant_id = $1 and (s.contact_id = $2 or s.user_id = c.user_id)`,
    [tenantId, contactId],
  );
  const dropped = rows.filter(stale).map((s) => s.id);
  if (dropped.length > 0) await helpers.query("delete from push_subscriptions where id = any($1::uuid[])", [dropped]);
  const subscriptions = rows.filter((s) => !stale(s));
  const attempts = await Promise.all(
    subscriptions.map(async (subscription): Promise<PushAttempt> => {
      try {
        const breaker = breakers.forKey(new URL(subscription.endpoint).host);
        const result = await breaker.run(() => channel.send(subscription, message, { ttlSeconds }));
        if (result.outcome === "gone") {
          await helpers.query("delete from push_subscriptions where id = $1", [subscription.id]);
        }
        return result;
      } catch (error) {
        return { outcome: "failed", error: (error as Error).message.slice(0, 300) };
      }
    }),
  );
  return summarizePush(attempts);
}
