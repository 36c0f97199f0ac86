import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Sign-in throttles, one row per key ("address:<addr>" or "account:<email>|<addr>"), kept in the
// database so they hold across processes. An attempt is counted and checked in one statement
// (server/services/auth/login-throttle.ts), so parallel attempts cannot slip past the count.
export const loginThrottles = pgTable("login_throttles", {
  key: text("key").primaryKey(),
  /** Attempts since the last quiet hour (a sign-in refunds its own). */
  attempts: integer("attempts").notNull(),
  /** No attempt under this key is evaluated before then. */
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
  lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }).notNull().defaultNow(),
});
