// Writes one tier's deliveries for an alert and the job that sends each, in
// the caller's transaction: a row per (contact, channel), unique with the
// round, tier and fallback flag, so a re-run queues nothing twice. A delivery
// held by quiet hours is written `held_quiet_hours` with the time it goes,
// and its job waits for that time in the queue (run_at), so a restart loses
// nothing and nobody needs a timer.
import type { PoolClient } from "pg";
import type { NotificationChannel } from "../db/schema/escalation-policies";
import { jobSql } from "../server/contracts/jobs";
import { jobPriority } from "../server/services/alerts/notification-priority";

export type DeliveryContact = { id: string; phone: string | null; email: string | null };

const PUSH_RECIPIENT = "opted-in phones";
const deliver = jobSql("deliver_notification");

/** The deliveries queued or held (not those skipped for want of a phone or an email). */
export async function queueDeliveries(
  client: Pick<PoolClient, "query">,
  options: {
    alert: { id: string; tenant_id: string; severity: string };
    round: number;
    tier: number;
    contacts: DeliveryContact[];
    channels: NotificationChannel[];
    fallback: boolean;
    holdUntil: Date | null;
  },
): Promise<number> {
  const { alert, round, tier, contacts, channels, fallback, holdUntil } = options;
  let queued = 0;
  for (const contact of contacts) {
    for (const channel of channels) {
      // Push goes to every phone the contact (or the contact's user) opted in on, found when it is sent.
      const recipient = channel === "sms" ? contact.phone : channel === "email" ? contact.email : PUSH_RECIPIENT;
      const status = !recipient ? "skipped" : holdUntil ? "held_quiet_hours" : "queued";
      const added = await client.query(
        `with queued as (
           insert into notification_deliveries
             (tenant_id, alert_id, contact_id, channel, recipient, round, tier, fallback, status, error, hold_until)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           on conflict on constraint notification_deliveries_once_key do nothing returning id, status)
         select graphile_worker.add_job($13::text, json_build_object('deliveryId', id),
                  run_at => coalesce($11::timestamptz, now()), priority => $12, max_attempts => $14::int,
                  job_key => $15::text || id)
         from queued where status in ('queued', 'held_quiet_hours')`,
        [
          alert.tenant_id,
          alert.id,
          contact.id,
          channel,
          recipient,
          round,
          tier,
          fallback,
          status,
          recipient ? null : `contact has no ${channel}`,
          holdUntil,
          jobPriority(alert.severity),
          deliver.name,
          deliver.maxAttempts,
          deliver.keyPrefix,
        ],
      );
      queued += added.rowCount ?? 0;
    }
  }
  return queued;
}
