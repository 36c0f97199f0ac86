import { bigserial, customType, pgTable, timestamp } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

// Socket.IO packets too large for a NOTIFY payload (8000 bytes), written by
// @socket.io/postgres-adapter (server/realtime/postgres-pubsub.ts), which also
// deletes rows older than its cleanup interval.
export const socketIoAttachments = pgTable("socket_io_attachments", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow(),
  payload: bytea("payload"),
});
