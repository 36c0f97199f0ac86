// One escalation step for an alert still NEW: route the alert to its policy
// (workers/route-policy.ts), queue a delivery per contact and channel of the
// current tier (held until the policy's quiet hours end, unless the alert is
// critical), schedule the tier's fallback check, then the next tier under the
// job key escalate:<alert id>, which acknowledging the alert removes. A tier
// held by quiet hours starts its clock when they end.
import type { Task } from "graphile-worker";
import { jobSql, parseJobPayload } from "../../server/contracts/jobs";
import { quietHoursEnd } from "../../server/lib/quiet-hours";
import { metrics } from "../../server/observability/metrics";
import { jobPriority } from "../../server/services/alerts/notification-priority";
import { queueDeliveries, type DeliveryContact } from "../queue-deliveries";
import { routeNewAlert } from "../route-policy";

const DEFAULT_REPEAT_DELAY_S = 120;

export const notify_alert: Task = async (raw, helpers) => {
  const { alertId, round, tier } = parseJobPayload("notify_alert", raw);
  const escalate = jobSql("notify_alert");
  const fallback = jobSql("fallback_notification");
  await helpers.withPgClient(async (client) => {
    await client.query("begin");
    try {
      const routed = await routeNewAlert(client, alertId);
      if (!routed) return void (await client.query("commit"));
      const { alert, policy } = routed;
      const step = policy?.tiers[tier];
      if (!policy || !step) {
        helpers.logger.warn(`alert ${alertId}: no escalation policy tier ${tier}; nobody notified`);
        return void (await client.query("commit"));
      }
      const { rows: contacts } = await client.query<DeliveryContact>(
        // A removed contact is skipped even if a policy still names it.
        "select id, phone, email from contacts where tenant_id = $1 and id = any($2::uuid[]) and deleted_at is null" +
          // Site limits (server/auth/site-scope.ts): a contact whose user is limited to other sites is not told.
          " and user_sees_alert(user_id, $3)",
        [alert.tenant_id, step.contactIds, alertId],
      );
      // Critical alerts never wait for quiet hours.
      const holdUntil =
        alert.severity !== "critical" && policy.quiet_hours ? quietHoursEnd(policy.quiet_hours, new Date()) : null;
      const deliveries = await queueDeliveries(client, {
        alert: { ...alert, id: alertId },
        round,
        tier,
        contacts,
        channels: step.channels,
        fallback: false,
        holdUntil,
      });
      const startAt = holdUntil ?? new Date();
      if (step.fallback) {
        await client.query(
          `select graphile_worker.add_job($5::text, json_build_object('alertId', $1::text, 'round', $2::int, 'tier', $3::int),
             run_at => $4::timestamptz + make_interval(secs => $6), priority => $7, max_attempts => $8::int,
             job_key => $9::text || $1 || ':' || $2 || ':' || $3, job_key_mode => 'preserve_run_at')`,
          [
            alertId,
            round,
            tier,
            startAt,
            fallback.name,
            step.fallback.afterSeconds,
            jobPriority(alert.severity),
            fallback.maxAttempts,
            fallback.keyPrefix,
          ],
        );
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
             run_at => $9::timestamptz + make_interval(secs => $4), priority => $5, max_attempts => $7::int,
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
            startAt,
          ],
        );
      }
      await client.query("commit");
      metrics.jobsQueued.inc({ task: "deliver_notification" }, deliveries);
      if (next) metrics.jobsQueued.inc({ task: escalate.name });
    } catch (error) {
      await client.query("rollback");
      throw error;
    }
  });
};
