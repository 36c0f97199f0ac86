// One escalation step for an alert still NEW: queue a delivery per contact and
// channel of the current tier (the unique delivery key makes a re-run queue
// nothing twice), then schedule the next tier under the job key
// escalate:<alert id>, which acknowledging the alert removes.
import type { Task } from "graphile-worker";
import type { EscalationTier } from "../../db/schema/escalation-policies";
import { jobSql, parseJobPayload } from "../../server/contracts/jobs";
import { metrics } from "../../server/observability/metrics";
import { jobPriority } from "../../server/services/alerts/notification-priority";

type AlertRow = { tenant_id: string; site_id: string | null; status: string; severity: string };
type PolicyRow = { tiers: EscalationTier[]; repeats: number };
type ContactRow = { id: string; phone: string | null; email: string | null };

const DEFAULT_REPEAT_DELAY_S = 120;
const PUSH_RECIPIENT = "opted-in phones";

export const notify_alert: Task = async (raw, helpers) => {
  const { alertId, round, tier } = parseJobPayload("notify_alert", raw);
  const deliver = jobSql("deliver_notification");
  const escalate = jobSql("notify_alert");
  await helpers.withPgClient(async (client) => {
    await client.query("begin");
    try {
      const { rows: alerts } = await client.query<AlertRow>(
        "select tenant_id, site_id, status, severity from alerts where id = $1 for share",
        [alertId],
      );
      const alert = alerts[0];
      if (!alert || alert.status !== "NEW") return void (await client.query("commit"));
      const { rows: policies } = await client.query<PolicyRow>(
        `select tiers, repeats from escalation_policies where tenant_id = $1 and (site_id = $2 or site_id is null)
         order by site_id is null limit 1`,
        [alert.tenant_id, alert.site_id],
      );
      const policy = policies[0];
      const step = policy?.tiers[tier];
      if (!policy || !step) {
        helpers.logger.warn(`alert ${alertId}: no escalation policy tier ${tier}; nobody notified`);
        return void (await client.query("commit"));
      }
      const { rows: contacts } = await client.query<ContactRow>(
        // A removed contact is skipped even if a policy still names it.
        "select id, phone, email from contacts where tenant_id = $1 and id = any($2::uuid[]) and deleted_at is null" +
          // Site limits (server/auth/site-scope.ts): a contact whose user is limited to other sites is not told.
          " and user_sees_alert(user_id, $3)",
        [alert.tenant_id, step.contactIds, alertId],
      );
      let deliveries = 0;
      for (const contact of contacts) {
        for (const channel of step.channels) {
          // Push goes to every phone the contact (or the contact's user) opted in on, found when it is sent.
          const recipient = channel === "sms" ? contact.phone : channel === "email" ? contact.email : PUSH_RECIPIENT;
          const added = await client.query(
            `with queued as (
               insert into notification_deliveries (tenant_id, alert_id, contact_id, channel, recipient, round, tier, status, error)
               values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
               on conflict on constraint notification_deliveries_once_key do nothing returning id, status)
             select graphile_worker.add_job($11::text, json_build_object('deliveryId', id),
                      priority => $10, max_attempts => $12::int, job_key => $13::text || id)
             from queued where status = 'queued'`,
            [
              alert.tenant_id,
              alertId,
              contact.id,
              channel,
              recipient,
              round,
              tier,
              recipient ? "queued" : "skipped",
              recipient ? null : `contact has no ${channel}`,
              jobPriority(alert.severity),
              deliver.name,
              deliver.maxAttempts,
              deliver.keyPrefix,
            ],
          );
          deliveries += added.rowCount ?? 0;
        }
      }
      const next =
        tier + 1 < policy.tiers.length
          ? { round, tier: tier + 1, delay: policy.tiers[tier + 1]!.delaySeconds }
          : round < policy.repeats
            ? { round: round + 1, tier: 0, delay: policy.tiers[0]!.delaySeconds || DEFAULT_REPEAT_DELAY_S }
            : null;
      if (next) {
        await client.query(
          `select graphile_worker.add_job($6::text, json_build_object('alertId', $1::text, 'round', $2::int, 'tier', $3::int),
             run_at => now() + make_interval(secs => $4), priority => $5, max_attempts => $7::int,
             job_key => $8::text || $1, job_key_mode => 'replace')`,
          [
            alertId,
            next.round,
            next.tier,
            next.delay,
            jobPriority(alert.severity),
            escalate.name,
            escalate.maxAttempts,
            escalate.keyPrefix,
          ],
        );
      }
      await client.query("commit");
      metrics.jobsQueued.inc({ task: deliver.name }, deliveries);
      if (next) metrics.jobsQueued.inc({ task: escalate.name });
    } catch (error) {
      await client.query("rollback");
      throw error;
    }
  });
};
