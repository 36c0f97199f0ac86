import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

export const deletedKind = pgEnum("deleted_kind", ["contact", "escalation-policy", "user", "device"]);

// Who removed what, and when, with the row as it was: rows nothing else points
// at (policies, devices) are gone from their tables, so this is their record.
// Contacts and users also keep their own row (deleted_at) because history names them.
export const deletions = pgTable(
  "deletions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    kind: deletedKind("kind").notNull(),
    entityId: uuid("entity_id").notNull(),
    label: text("label").notNull(),
    before: jsonb("before").$type<Record<string, unknown>>().notNull(),
    deletedBy: uuid("deleted_by").references(() => users.id, { onDelete: "set null" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deletions_tenant_idx").on(t.tenantId, t.deletedAt)],
);
