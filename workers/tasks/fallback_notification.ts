// A tier's fallback channel (tier.fallback: {channel, afterSeconds}). Queued by
// notify_alert to run `afterSeconds` after the tier's deliveries started, for
// every contact of the tier; and by deliver_notification, with the contact's
// id, as soon as one of a contact's deliveries of the tier ends failed or
// skipped, for that contact if all of them did. An alert no longer NEW never
// falls back. The fallback deliveries keep the tier's number and are marked
// `fallback`, so running twice queues nothing twice; quiet hours hold them
// like any other.
import type { Task } from "graphile-worker";
import { parseJobPayload } from "../../server/contracts/jobs";
import { quietHoursEnd } from "../../server/lib/quiet-hours";
import { metrics } from "../../server/observability/metrics";
import { queueDeliveries, type DeliveryContact } from "../queue-deliveries";
import { routeNewAlert } from "../route-policy";

export const fallback_notification: Task = async (raw, helpers) => {
  const { alertId, round, tier, contactId } = parseJobPayload("fallback_notification", raw);
  await helpers.withPgClient(async (client) => {
    await client.query("begin");
    try {
      const routed = await routeNewAlert(client, alertId);
      if (!routed) return void (await client.query("commit"));
      const { alert, policy } = routed;
      const step = policy?.tiers[tier];
      if (!policy || !step?.fallback) return void (await client.query("commit"));
      const wanted = contactId ? step.contactIds.filter((id) => id === contactId) : step.contactIds;
      const { rows: contacts } = await client.query<DeliveryContact>(
        `select c.id, c.phone, c.email from contacts c
         where c.tenant_id = $1 and c.id = any($2::uuid[]) and c.deleted_at is null
           and ($3::boolean is false or not exists (
             select 1 from notification_deliveries n
             where n.alert_id = $4 and n.contact_id = c.id and n.round = $5 and n.tier = $6 and not n.fallback
               and n.status not in ('failed', 'skipped')))`,
        [alert.tenant_id, wanted, contactId !== undefined, alertId, round, tier],
      );
      const holdUntil =
        alert.severity !== "critical" && policy.quiet_hours ? quietHoursEnd(policy.quiet_hours, new Date()) : null;
      const queued = await queueDeliveries(client, {
        alert: { ...alert, id: alertId },
        round,
        tier,
        contacts,
        channels: [step.fallback.channel],
        fallback: true,
        holdUntil,
      });
      await client.query("commit");
      if (queued > 0) helpers.logger.info(`alert ${alertId}: ${queued} fallback deliveries (${step.fallback.channel})`);
      metrics.jobsQueued.inc({ task: "deliver_notification" }, queued);
    } catch (error) {
      await client.query("rollback");
      throw error;
    }
  });
};
