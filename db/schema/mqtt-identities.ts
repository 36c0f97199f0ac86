import { check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { tenants } from "./tenants";

// One MQTT id space: every guard and device external id (the topic id, and a
// device's username) has one row here, whatever its tenant, so a guard and a
// device can never share an id. Kept by triggers on guards and devices
// (migration 0012), so no code path can forget it; a collision is a unique
// violation of the primary key.
export const mqttIdentities = pgTable(
  "mqtt_identities",
  {
    externalId: text("external_id").primaryKey(),
    kind: text("kind", { enum: ["guard", "device"] }).notNull(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    // The guards.id or devices.id that holds the id.
    ownerId: uuid("owner_id").notNull(),
  },
  (t) => [
    check("mqtt_identities_kind_check", sql`${t.kind} in ('guard', 'device')`),
    index("mqtt_identities_tenant_idx").on(t.tenantId),
  ],
);
