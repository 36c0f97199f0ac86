// Sends one queued delivery through its channel. Idempotent: a delivery
// already sent or skipped is left alone, so a re-run sends nothing twice
// (a crash between the provider's answer and the commit can still repeat it
// once; Resend also gets the delivery id as its Idempotency-Key). A failed
// attempt is counted on the row with its error, and the delivery is queued
// again after its own backoff (delivery-retry.ts) in the same statement; a
// sent row keeps the error of its last failed attempt. While the provider's
// circuit breaker is open nothing is sent and no attempt is counted: the
// delivery waits for the breaker to let calls through again. An SMS takes its
// slot under the tenant's hourly cap before the provider is called
// (sms-rules.ts): it keeps it through failed attempts, and gives it back when
// it ends failed or when the breaker stopped the call. A delivery held by
// quiet hours is released when its job runs at their end (skipped if the
// alert was acknowledged meanwhile). A delivery of an escalation tier that
// ends failed or skipped asks for the tier's fallback for its contact at once
// (fallback_notification decides whether there is one), in the same statement.
import type { Task } from "graphile-worker";
import { alertEmail, alertPush, alertSms } from "../../server/notifications/alert-message";
import { BreakerOpenError } from "../../server/lib/circuit-breaker";
import { signAlertLink } from "../../server/services/alerts/alert-link";
import { jobSql, parseJobPayload } from "../../server/contracts/jobs";
import { metrics } from "../../server/observability/metrics";
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from "../delivery-retry";
import { pushToContact } from "../push-delivery";
import type { TaskDeps } from "../task-deps";
import { reserveSms } from "../sms-rules";

type Row = {
  id: string;
  tenant_id: string;
  status: string;
  attempts: number;
  channel: "sms" | "email" | "push";
  recipient: string | null;
  contact_id: string | null;
  round: number;
  tier: number;
  fallback: boolean;
  alert_id: string;
  alert_status: string;
  test: boolean;
  type: string;
  severity: string;
  message: string;
  lat: number | null;
  lon: number | null;
  source_name: string;
  source_external_id: string;
};

const requeued = jobSql("deliver_notification");
const fallback = jobSql("fallback_notification");

export function deliver_notification(deps: TaskDeps): Task {
  return async (raw, helpers) => {
    const { deliveryId } = parseJobPayload("deliver_notification", raw);
    const { rows } = await helpers.query<Row>(
      `select n.id, n.tenant_id, n.status, n.attempts, n.channel, n.recipient, n.contact_id, n.round, n.tier, n.fallback,
              a.id as alert_id, a.status as alert_status, a.outcome is not distinct from 'test' as test, a.type, a.severity, a.message,
              a.lat, a.lon, coalesce(d.name, g.name, d.external_id, '') as source_name,
              coalesce(d.external_id, g.external_id, '') as source_external_id
       from notification_deliveries n join alerts a on a.id = n.alert_id
       left join devices d on d.id = a.device_id left join guards g on g.id = a.guard_id
       where n.id = $1`,
      [deliveryId],
    );
    const delivery = rows[0];
    if (!delivery || !delivery.recipient) return;
    const finish = (status: string, fields: { providerId?: string; error?: string }) => {
      metrics.notifications.inc({ channel: delivery.channel, result: status });
      return helpers.query(
        `with done as (
           update notification_deliveries set status = $2::delivery_status, provider_id = coalesce($3, provider_id),
             error = coalesce($4, error), attempts = attempts + 1,
             sent_at = case when $2 = 'sent' then now() end, hold_until = null
           where id = $1
           returning alert_id, contact_id, round, tier)
         select graphile_worker.add_job($5::text,
                  json_build_object('alertId', alert_id, 'round', round, 'tier', tier, 'contactId', contact_id),
                  priority => $6, max_attempts => $7::int,
                  job_key => $8::text || alert_id || ':' || round || ':' || tier || ':' || contact_id)
         from done where $2 in ('failed', 'skipped') and $9::boolean and contact_id is not null`,
        [
          deliveryId,
          status,
          fields.providerId ?? null,
          fields.error ?? null,
          fallback.name,
          helpers.job.priority,
          fallback.maxAttempts,
          fallback.keyPrefix,
          !delivery.fallback && !delivery.test,
        ],
      );
    };
    if (delivery.status === "held_quiet_hours") {
      if (delivery.alert_status !== "NEW" && !delivery.test) {
        return void (await finish("skipped", { error: "the alert was acknowledged during quiet hours" }));
      }
      await helpers.query(
        "update notification_deliveries set status = 'queued', hold_until = null where id = $1 and status = 'held_quiet_hours'",
        [deliveryId],
      );
    } else if (delivery.status !== "queued") return;
    // This job completes; the delivery row and its next job are written together, so a crash loses neither.
    const requeue = (error: string, { delayMs, attempted }: { delayMs: number; attempted: boolean }) =>
      helpers.query(
        `with retried as (
           update notification_deliveries set attempts = attempts + $4::int, error = $2,
             sent_at = case when $4 = 0 then null else sent_at end
           where id = $1 and status = 'queued'
           returning id)
         select graphile_worker.add_job($7::text, json_build_object('deliveryId', id),
                  run_at => now() + make_interval(secs => $3 / 1000.0), priority => $5, max_attempts => $6,
                  job_key => $8::text || id)
         from retried`,
        [
          deliveryId,
          error,
          delayMs,
          attempted ? 1 : 0,
          helpers.job.priority,
          helpers.job.max_attempts,
          requeued.name,
          requeued.keyPrefix,
        ],
      );
    const retry = async (error: string) => {
      const attempt = delivery.attempts + 1;
      if (attempt >= MAX_DELIVERY_ATTEMPTS) return void (await finish("failed", { error }));
      metrics.notifications.inc({ channel: delivery.channel, result: "retry" });
      await requeue(error, { delayMs: retryDelayMs(attempt, deps.notifications.retry), attempted: true });
    };

    const { channel } = deps.channels[delivery.channel];
    if (channel.unavailable) return void (await finish("skipped", { error: channel.unavailable }));
    if (delivery.channel === "sms") {
      const refusal = await reserveSms(
        helpers,
        { deliveryId, tenantId: delivery.tenant_id, phone: delivery.recipient },
        deps.notifications,
      );
      if (refusal === "country") return void (await finish("skipped", { error: "country code not allowed for SMS" }));
      if (refusal === "tenant_cap") {
        helpers.logger.warn(`tenant ${delivery.tenant_id} reached its SMS limit; delivery ${deliveryId} skipped`);
        const error = `tenant SMS limit reached (${deps.notifications.smsTenantPerHour} an hour)`;
        return void (await finish("skipped", { error }));
      }
      if (refusal === "rate") throw new Error(`SMS rate limit for ${delivery.recipient}: retrying later`);
    }

    const { publicUrl, linkSecret, linkTtlSeconds } = deps.notifications;
    const token = signAlertLink(
      {
        alertId: delivery.alert_id,
        contactId: delivery.contact_id ?? "",
        expiresAt: Date.now() + linkTtlSeconds * 1000,
      },
      linkSecret,
    );
    const link = `${publicUrl}/m/alerts/${delivery.alert_id}?t=${token}`;
    const alert = {
      ...delivery,
      sourceName: delivery.source_name,
      sourceExternalId: delivery.source_external_id,
      test: delivery.test,
    };
    if (delivery.channel === "push") {
      if (!delivery.contact_id) return void (await finish("skipped", { error: "the contact was deleted" }));
      const timer = metrics.providerLatency.startTimer({ channel: "push" });
      const result = await pushToContact(helpers, deps.channels.push, {
        tenantId: delivery.tenant_id,
        contactId: delivery.contact_id,
        message: alertPush({ ...alert, id: delivery.alert_id }, link),
        ttlSeconds: linkTtlSeconds,
      });
      timer();
      if (result.status !== "retry") return void (await finish(result.status, result));
      return retry(result.error);
    }
    const { channel: sender, breaker } = deps.channels[delivery.channel];
    const email = alertEmail(alert, link);
    let providerId: string;
    try {
      const timer = metrics.providerLatency.startTimer({ channel: delivery.channel });
      providerId = await breaker.run(() =>
        sender.send({
          to: delivery.recipient!,
          subject: email.subject,
          text: delivery.channel === "sms" ? alertSms(alert, link) : email.text,
          idempotencyKey: deliveryId,
        }),
      );
      timer();
    } catch (error) {
      if (error instanceof BreakerOpenError) {
        return void (await requeue(error.message, { delayMs: error.retryInMs, attempted: false }));
      }
      return retry((error as Error).message.slice(0, 500));
    }
    await finish("sent", { providerId });
  };
}
