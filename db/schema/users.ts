import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

export const userRole = pgEnum("user_role", ["admin", "manager", "operator", "supervisor"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    // The operator of the whole installation (the first admin): may create tenants.
    isSuperAdmin: boolean("is_super_admin").notNull().default(false),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // The TOTP second factor (server/auth/totp.ts): secrets are encrypted (server/auth/secret-box.ts). A pending
    // secret waits for its first code; the active one is checked at sign-in.
    totpSecret: text("totp_secret"),
    totpPendingSecret: text("totp_pending_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last 30 s time step whose code was accepted: a code is used once. */
    totpLastStep: integer("totp_last_step"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Login is by email alone, so an email names one user across all tenants.
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_tenant_idx").on(t.tenantId),
  ],
);
