import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { userRole } from "./users";

// The audit log: every change a user makes to the tenant's configuration and
// alerts, who made it (user id, email and role as they were then: no foreign
// key, so the row outlives the user), the entity's state before and after
// (secrets redacted before they get here), and where the request came from.
// Append-only: triggers of migration 0020 refuse UPDATE, DELETE and TRUNCATE,
// except the cascade of the tenant's own deletion.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    // Null: not a signed-in user (a contact acknowledging through a signed link).
    actorUserId: uuid("actor_user_id"),
    actorEmail: text("actor_email"),
    actorRole: userRole("actor_role"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    // "web" (browser session), "api" (token) or "link" (signed alert link).
    channel: text("channel"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_tenant_at_idx").on(t.tenantId, t.at.desc(), t.id.desc()),
    index("audit_events_entity_idx").on(t.tenantId, t.entityType, t.entityId, t.at.desc()),
    index("audit_events_actor_idx").on(t.tenantId, t.actorUserId, t.at.desc()),
  ],
);
