// "Test this policy": a notification to every contact and channel of the
// policy's first tier, now (quiet hours do not hold a test someone asked for),
// whose text starts with TEST. It rides on a test alert that is resolved from
// the start (outcome `test`, type `policy-test`), so it never enters the
// operators' queue or escalates, while the delivery ledger on its page shows
// what each provider answered like for a real alert.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alertEvents, alerts, contacts, escalationPolicies, notificationDeliveries } from "../../../db/schema";
import { jobSql } from "../../contracts/jobs";
import type { PolicyTestDto } from "../../contracts/notifications";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { jobPriority } from "../alerts/notification-priority";

const POLICY_TEST_TYPE = "policy-test";
const PUSH_RECIPIENT = "opted-in phones";
const deliver = jobSql("deliver_notification");

export async function testEscalationPolicy(db: Db, actor: Actor, policyId: string): Promise<PolicyTestDto> {
  return db.transaction(async (tx) => {
    const [policy] = await tx
      .select()
      .from(escalationPolicies)
      .where(and(eq(escalationPolicies.tenantId, actor.tenantId), eq(escalationPolicies.id, policyId)));
    if (!policy) throw new AppError("not_found", `No escalation policy ${policyId}.`);
    const tier = policy.tiers[0]!;
    const now = new Date();
    const [alert] = await tx
      .insert(alerts)
      .values({
        tenantId: actor.tenantId,
        sourceKey: `policy-test:${policy.id}`,
        type: POLICY_TEST_TYPE,
        severity: "info",
        status: "RESOLVED",
        message: `Test of escalation policy "${policy.name}" by ${actor.email}`,
        firstSeenAt: now,
        lastSeenAt: now,
        resolvedAt: now,
        outcome: "test",
        resolutionNote: 'Sent by "test this policy"; nothing happened.',
      })
      .returning({ id: alerts.id });
    await tx.insert(alertEvents).values({
      tenantId: actor.tenantId,
      alertId: alert!.id,
      action: "resolved",
      channel: "web",
      userId: actor.userId,
      detail: { outcome: "test", policyId: policy.id },
    });
    const people = await tx
      .select({ id: contacts.id, phone: contacts.phone, email: contacts.email })
      .from(contacts)
      .where(
        and(eq(contacts.tenantId, actor.tenantId), inArray(contacts.id, tier.contactIds), isNull(contacts.deletedAt)),
      );
    let queued = 0;
    for (const contact of people) {
      for (const channel of tier.channels) {
        const recipient = channel === "sms" ? contact.phone : channel === "email" ? contact.email : PUSH_RECIPIENT;
        const [row] = await tx
          .insert(notificationDeliveries)
          .values({
            tenantId: actor.tenantId,
            alertId: alert!.id,
            contactId: contact.id,
            channel,
            recipient,
            status: recipient ? "queued" : "skipped",
            error: recipient ? null : `contact has no ${channel}`,
          })
          .returning({ id: notificationDeliveries.id, status: notificationDeliveries.status });
        if (row?.status !== "queued") continue;
        queued += 1;
        await tx.execute(
          sql`select graphile_worker.add_job(${deliver.name}::text, json_build_object('deliveryId', ${row.id}::text),
                priority => ${jobPriority("info")}::int, max_attempts => ${deliver.maxAttempts}::int,
                job_key => ${deliver.keyPrefix}::text || ${row.id}::text)`,
        );
      }
    }
    await recordAuditEvent(tx, actor, {
      action: "test",
      entityType: "escalation_policy",
      entityId: policy.id,
      after: { alertId: alert!.id, deliveries: queued },
    });
    return { alertId: alert!.id, deliveries: queued };
  });
}
