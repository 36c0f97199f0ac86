// Sends one queued delivery through its channel. Idempotent: a delivery
// already sent or skipped is left alone, so a re-run sends nothing twice
// (a crash between the provider's answer and the commit can still repeat it
// once; Resend also gets the delivery id as its Idempotency-Key). Failures are
// thrown so graphile-worker retries with backoff; each attempt is counted.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { alertEmail, alertPush, alertSms } from "../../server/notifications/alert-message";
import { signAlertLink } from "../../server/services/alerts/alert-link";
import { metrics } from "../../server/observability/metrics";
import { pushToContact } from "../push-delivery";
import type { TaskDeps } from "../task-deps";
import { smsRefusal } from "../sms-rules";

const payload = z.object({ deliveryId: z.uuid() });

type Row = {
  id: string;
  tenant_id: string;
  status: string;
  channel: "sms" | "email" | "push";
  recipient: string | null;
  contact_id: string | null;
  alert_id: string;
  type: string;
  severity: string;
  message: string;
  lat: number | null;
  lon: number | null;
  source_name: string;
  source_external_id: string;
};

export function deliver_notification(deps: TaskDeps): Task {
  return async (raw, helpers) => {
    const { deliveryId } = payload.parse(raw);
    const { rows } = await helpers.query<Row>(
      `select n.id, n.tenant_id, n.status, n.channel, n.recipient, n.contact_id, a.id as alert_id, a.type, a.severity, a.message,
              a.lat, a.lon, coalesce(d.name, g.name, d.external_id, '') as source_name,
              coalesce(d.external_id, g.external_id, '') as source_external_id
       from notification_deliveries n join alerts a on a.id = n.alert_id
       left join devices d on d.id = a.device_id left join guards g on g.id = a.guard_id
       where n.id = $1`,
      [deliveryId],
    );
    const delivery = rows[0];
    if (!delivery || delivery.status !== "queued" || !delivery.recipient) return;
    const finish = (status: string, fields: { providerId?: string; error?: string }) => {
      metrics.notifications.inc({ channel: delivery.channel, result: status === "queued" ? "retry" : status });
      return helpers.query(
        `update notification_deliveries set status = $2::delivery_status, provider_id = coalesce($3, provider_id),
           error = $4, attempts = attempts + 1, sent_at = case when $2 = 'sent' then now() else sent_at end
         where id = $1`,
        [deliveryId, status, fields.providerId ?? null, fields.error ?? null],
      );
    };

    const { channel } = deps.channels[delivery.channel];
    if (channel.unavailable) return void (await finish("skipped", { error: channel.unavailable }));
    if (delivery.channel === "sms") {
      const refusal = await smsRefusal(
        helpers,
        { tenantId: delivery.tenant_id, phone: delivery.recipient },
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
    const alert = { ...delivery, sourceName: delivery.source_name, sourceExternalId: delivery.source_external_id };
    const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
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
      await finish(lastAttempt ? "failed" : "queued", { error: result.error });
      throw new Error(result.error);
    }
    const { channel: sender, breaker } = deps.channels[delivery.channel];
    const email = alertEmail(alert, link);
    try {
      const timer = metrics.providerLatency.startTimer({ channel: delivery.channel });
      const providerId = await breaker.run(() =>
        sender.send({
          to: delivery.recipient!,
          subject: email.subject,
          text: delivery.channel === "sms" ? alertSms(alert, link) : email.text,
          idempotencyKey: deliveryId,
        }),
      );
      timer();
      await finish("sent", { providerId });
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      await finish(lastAttempt ? "failed" : "queued", { error: message });
      throw error;
    }
  };
}
