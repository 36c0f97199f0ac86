import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { guards } from "./guards";
import { sites } from "./sites";
import { tenants } from "./tenants";

export const deviceKind = pgEnum("device_kind", ["guard-phone", "sensor", "panic-button", "gateway"]);

export const devices = pgTable(
  "devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    // The MQTT username and topic id, so unique across tenants.
    externalId: text("external_id").notNull(),
    kind: deviceKind("kind").notNull(),
    name: text("name"),
    guardId: uuid("guard_id").references(() => guards.id, { onDelete: "set null" }),
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "set null" }),
    // SHA-256 of a 256-bit random secret: high entropy makes a slow hash unnecessary.
    secretHash: text("secret_hash").notNull(),
    // The same secret in Mosquitto's password-file format (PBKDF2-SHA512), for an external Mosquitto.
    mosquittoHash: text("mosquitto_hash"),
    // SHA-256 of the device's tracking key (160 random bits), its only credential in the OsmAnd protocol
    // (Traccar Client), which has no password: looked up by this hash.
    trackingKeyHash: text("tracking_key_hash"),
    // OwnTracks's own topic for this device (`owntracks/{user}/{device name}`), learned from its messages: its
    // commands go to `{topic}/cmd`. When it posted over HTTP lately (owntracksHttpAt), they wait for its next post.
    ownTracksTopic: text("owntracks_topic"),
    ownTracksHttpAt: timestamp("owntracks_http_at", { withTimezone: true }),
    // A sensor behind a gateway (Zigbee2MQTT): the gateway that reports for it, and its name there (the
    // friendly name), which is where Vigil's commands for it go. Created by ingest on its first message.
    gatewayId: uuid("gateway_id").references((): AnyPgColumn => devices.id, { onDelete: "cascade" }),
    gatewayAddress: text("gateway_address"),
    // A gateway sensor's button actions (Zigbee2MQTT's `action`, e.g. `single`, `double`) that an admin made a
    // panic, besides the SOS buttons' own `emergency`/`sos`/`panic`.
    panicActions: text("panic_actions").array().notNull().default([]),
    expectedIntervalS: integer("expected_interval_s"),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    // Set by the liveness check when the device missed its reporting interval too often.
    offlineSince: timestamp("offline_since", { withTimezone: true }),
    // Went offline while its guard was off shift: no alert then; liveness raises it if the guard's next shift
    // begins while it is still offline (server/liveness/offline-on-shift.ts).
    offlineOffShift: boolean("offline_off_shift").notNull().default(false),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // A guard phone waiting to be enrolled from the guard app (/g/enrol): SHA-256 of the one-time enrolment token
    // shown as a QR code on the guard's page, and when it stops working. Cleared when the phone redeems it.
    enrolTokenHash: text("enrol_token_hash"),
    enrolExpiresAt: timestamp("enrol_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("devices_external_id_key").on(t.externalId),
    uniqueIndex("devices_tracking_key_hash_key").on(t.trackingKeyHash),
    uniqueIndex("devices_enrol_token_hash_key").on(t.enrolTokenHash),
    index("devices_tenant_idx").on(t.tenantId),
    index("devices_guard_idx").on(t.guardId),
    uniqueIndex("devices_gateway_address_key").on(t.gatewayId, t.gatewayAddress),
  ],
);
