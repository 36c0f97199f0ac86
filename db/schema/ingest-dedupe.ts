import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// msg_ids already stored, per source (topic family and id): a redelivered or
// resent message finds its row here and is not stored twice.
export const ingestDedupe = pgTable(
  "ingest_dedupe",
  {
    source: text("source").notNull(),
    msgId: text("msg_id").notNull(),
    // What the message created, when a later resend needs it (the alert id for its receipt).
    ref: text("ref"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.msgId] })],
);
