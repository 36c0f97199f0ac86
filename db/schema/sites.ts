import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Weekly windows when the site is armed (door and motion raise alerts), in the site's time zone. */
export type ArmedWindow = { days: number[]; from: string; to: string };
import { tenants } from "./tenants";

export const sites = pgTable(
  "sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    timezone: text("timezone").notNull().default("UTC"),
    armedSchedule: jsonb("armed_schedule").$type<ArmedWindow[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sites_tenant_idx").on(t.tenantId)],
);
