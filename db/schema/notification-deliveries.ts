import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { alerts } from "./alerts";
import { contacts } from "./contacts";
import { tenants } from "./tenants";

export const notificationChannel = pgEnum("notification_channel", ["sms", "email", "push"]);
export const deliveryStatus = pgEnum("delivery_status", ["queued", "sent", "failed", "skipped", "held_quiet_hours"]);

// One row per (alert, contact, channel, escalation round and tier, fallback or not): the unique
// key is what stops a re-run job from sending the same SMS twice.
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    channel: notificationChannel("channel").notNull(),
    recipient: text("recipient"),
    round: integer("round").notNull().default(0),
    tier: integer("tier").notNull().default(0),
    // Sent through the tier's fallback channel (workers/tasks/fallback_notification.ts).
    fallback: boolean("fallback").notNull().default(false),
    attempts: integer("attempts").notNull().default(0),
    status: deliveryStatus("status").notNull().default("queued"),
    providerId: text("provider_id"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // When it was sent; on a queued SMS, when it took its slot under the tenant's hourly cap (workers/sms-rules.ts).
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // A delivery held by its policy's quiet hours goes at this time (its job's run_at).
    holdUntil: timestamp("hold_until", { withTimezone: true }),
  },
  (t) => [
    unique("notification_deliveries_once_key").on(t.alertId, t.contactId, t.channel, t.round, t.tier, t.fallback),
    index("notification_deliveries_recipient_idx").on(t.recipient, t.sentAt),
    // The tenant's SMS in the last hour, counted under its lock before every SMS (workers/sms-rules.ts).
    index("notification_deliveries_tenant_sms_idx")
      .on(t.tenantId, t.sentAt)
      .where(sql`${t.channel} = 'sms'`),
  ],
);
