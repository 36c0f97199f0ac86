import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Sign-in throttles, one leaky bucket per key ("address:<addr>" or "account:<email>|<addr>"), kept in
// the database so they hold across processes. An attempt is counted and checked in one statement
// (server/auth/login-throttle.ts), so parallel attempts cannot slip past the count.
export const loginThrottles = pgTable("login_throttles", {
  key: text("key").primaryKey(),
  /** Attempts in the bucket (a sign-in takes its own back out); one leaks out every rule's leak period. */
  attempts: integer("attempts").notNull(),
  /** The leak is counted in whole periods from here. */
  leakFrom: timestamp("leak_from", { withTimezone: true }).notNull().defaultNow(),
  /** No attempt under this key is evaluated before then. */
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});
