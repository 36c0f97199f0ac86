import { pgTable, text, timestamp, uniqueIndex, uuid, index } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

export const guards = pgTable(
  "guards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    // Used as the MQTT topic id (guard/{externalId}/gps), so unique across tenants.
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // A deactivated guard keeps its history but is off duty: no shifts count, so no geofence or man-down alerts.
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    // The PINs the guard app asks for (scrypt hashes, server/auth/password.ts; never returned): the normal one
    // checks in, the duress one looks the same on the phone but raises a silent duress alert.
    pinHash: text("pin_hash"),
    duressPinHash: text("duress_pin_hash"),
  },
  (t) => [uniqueIndex("guards_external_id_key").on(t.externalId), index("guards_tenant_idx").on(t.tenantId)],
);
