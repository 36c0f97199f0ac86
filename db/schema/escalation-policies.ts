import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sites } from "./sites";
import { tenants } from "./tenants";

export type EscalationTier = { contactIds: string[]; channels: ("sms" | "email" | "push")[]; delaySeconds: number };

// Who is notified, how, and after how long nobody acknowledging. One policy per
// site at most; the tenant's default (no site) applies where a site has none.
export const escalationPolicies = pgTable(
  "escalation_policies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tiers: jsonb("tiers").$type<EscalationTier[]>().notNull(),
    repeats: integer("repeats").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("escalation_policies_site_key")
      .on(t.tenantId, t.siteId)
      .where(sql`site_id is not null`),
    uniqueIndex("escalation_policies_default_key")
      .on(t.tenantId)
      .where(sql`site_id is null`),
  ],
);
