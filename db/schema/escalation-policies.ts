import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

export type NotificationChannel = "sms" | "email" | "push";
/** After `afterSeconds` with the alert still unacknowledged, or as soon as the tier's deliveries to a contact all failed. */
export type TierFallback = { channel: NotificationChannel; afterSeconds: number };
export type EscalationTier = {
  contactIds: string[];
  channels: NotificationChannel[];
  delaySeconds: number;
  fallback?: TierFallback | null;
};
/** Which alerts a policy takes; a field left out takes any value, and an empty match makes the tenant's default. */
export type PolicyMatch = { types?: string[]; severities?: string[]; siteIds?: string[] };
/** Daily "HH:MM" to "HH:MM" (may run past midnight) in an IANA time zone. */
export type QuietHours = { from: string; to: string; timezone: string };

// Who is notified, how, and after how long nobody acknowledging. An alert goes
// through the first policy whose match it fits, by priority (lowest first),
// the tenant's default (empty match, at most one) last (workers/policy-routing.ts).
export const escalationPolicies = pgTable(
  "escalation_policies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    match: jsonb("match").$type<PolicyMatch>().notNull().default({}),
    priority: integer("priority").notNull().default(100),
    quietHours: jsonb("quiet_hours").$type<QuietHours>(),
    tiers: jsonb("tiers").$type<EscalationTier[]>().notNull(),
    repeats: integer("repeats").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("escalation_policies_default_key")
      .on(t.tenantId)
      .where(sql`match = '{}'::jsonb`),
  ],
);
