import { index, integer, jsonb, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { trainingRuns } from "./training-runs";
import { users } from "./users";

// A trained false-alarm model, versioned per tenant; the promoted one scores new alerts.
export const mlModels = pgTable(
  "ml_models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    trainingRunId: uuid("training_run_id").references(() => trainingRuns.id, { onDelete: "set null" }),
    metrics: jsonb("metrics").$type<Record<string, number>>().notNull(),
    /** The model itself (weights and feature encoding), as the training library serialises it. */
    model: jsonb("model").notNull(),
    promotedAt: timestamp("promoted_at", { withTimezone: true }),
    promotedBy: uuid("promoted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ml_models_tenant_version_key").on(t.tenantId, t.version),
    index("ml_models_tenant_idx").on(t.tenantId),
  ],
);
