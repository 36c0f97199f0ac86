import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
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
    // An operator or supervisor limited to these sites sees and is notified of only their guards, devices and
    // alerts (server/auth/site-scope.ts); empty: the whole tenant. No foreign key: a removed site's id stays, so
    // the user stays limited (to nothing of it) rather than falling back to the whole tenant.
    siteIds: uuid("site_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Removed users keep their row, so alert events and model promotions still name them; they cannot sign in.
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedBy: uuid("deleted_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
  },
  (t) => [
    // Login is by email alone, so an email names one user across all tenants (a removed user's email is free again).
    uniqueIndex("users_email_key")
      .on(sql`lower(${t.email})`)
      .where(sql`deleted_at is null`),
    index("users_tenant_idx").on(t.tenantId),
  ],
);
