// Guards against SMS pumping and floods: only allowed country codes, at most
// N messages an hour per tenant (a compromised admin adding hundreds of new
// numbers cannot run up the bill), and at most N a minute to one number.
//
// Both limits are exact however many jobs run at once, in one worker or many:
// a delivery takes its slot before calling the provider, in a short
// transaction that holds an advisory lock on its tenant (so SMS of different
// tenants never wait for each other) and is committed before the provider is
// called. The slot is `sent_at` set on the still-queued row; it counts against
// the limits while the row is queued or sent, that is for as long as the
// delivery is being tried and then as the SMS it became. A delivery keeps its
// slot through its retries, so a panic's SMS that failed once is not skipped
// later because pumped deliveries took the hour's slots meanwhile; it gives the
// slot back when it ends failed (the provider refused every attempt) or when
// no call was made (breaker open; see deliver_notification).
import type { JobHelpers } from "graphile-worker";
import type { NotificationSettings } from "./task-deps";

export type SmsRefusal = "country" | "tenant_cap" | "rate";

/** The advisory lock a tenant's SMS slots are taken under: `pg_advisory_xact_lock(hashtext(key))`. */
export const smsSlotLockKey = (tenantId: string) => `sms-slots:${tenantId}`;

type Counted = { tenant: number; number: number; reserved: boolean };

/** Takes an SMS slot for the queued delivery, or says why it may not be sent. A delivery already holding one keeps it. */
export async function reserveSms(
  helpers: Pick<JobHelpers, "withPgClient">,
  { deliveryId, tenantId, phone }: { deliveryId: string; tenantId: string; phone: string },
  { smsAllowedCountryCodes, smsPerNumberPerMinute, smsTenantPerHour }: NotificationSettings,
): Promise<SmsRefusal | null> {
  const allowed = smsAllowedCountryCodes.includes("*") || smsAllowedCountryCodes.some((code) => phone.startsWith(code));
  if (!allowed) return "country";
  const counted = await helpers.withPgClient(async (client) => {
    await client.query("begin");
    try {
      await client.query("select pg_advisory_xact_lock(hashtext($1))", [smsSlotLockKey(tenantId)]);
      // A statement of its own after the lock, so that its snapshot sees the slots the previous holder committed.
      const { rows } = await client.query<Counted>(
        `with held as (
           select count(*)::int as tenant,
                  (count(*) filter (where recipient = $2 and sent_at > statement_timestamp() - interval '1 minute'))::int as number
           from notification_deliveries
           where tenant_id = $1 and channel = 'sms' and status in ('queued', 'sent')
             and sent_at > statement_timestamp() - interval '1 hour' and id <> $3),
         mine as (select sent_at is not null as reserved from notification_deliveries where id = $3),
         taken as (
           update notification_deliveries set sent_at = statement_timestamp()
           where id = $3 and status = 'queued' and sent_at is null
             and (select tenant from held) < $4 and (select number from held) < $5
           returning id)
         select held.tenant, held.number, coalesce((select reserved from mine), false) or exists (select 1 from taken) as reserved
         from held`,
        [tenantId, phone, deliveryId, smsTenantPerHour, smsPerNumberPerMinute],
      );
      await client.query("commit");
      return rows[0];
    } catch (error) {
      await client.query("rollback");
      throw error;
    }
  });
  if (counted?.reserved) return null;
  return (counted?.tenant ?? 0) >= smsTenantPerHour ? "tenant_cap" : "rate";
}
