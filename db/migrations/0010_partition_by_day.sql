-- Custom migration (drizzle cannot express partitioning): the high-volume
-- tables become PARTITION BY RANGE on their time column, one partition per UTC
-- day named <table>_pYYYYMMDD, plus <table>_default so a row of a day without a
-- partition (a device clock far off) is still stored. The primary keys become
-- (id, time), as PostgreSQL requires the partition column in every unique key;
-- db/schema declares the same keys. Existing rows are copied (the migration
-- holds the tables locked meanwhile: see docs/scaling.md for large tables).
-- The two functions are the partition maintenance run by the worker's cron
-- (workers/tasks/create_day_partitions.ts, drop_expired_partitions.ts).

-- Creates parent's partition for one UTC day if missing, moving rows of that
-- day out of the default partition first (ATTACH refuses while they are
-- there). Returns whether it created one.
CREATE FUNCTION vigil_create_day_partition(parent text, day date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  part text := parent || '_p' || to_char(day, 'YYYYMMDD');
  col text;
  lo timestamptz := day::timestamp AT TIME ZONE 'UTC';
  hi timestamptz := (day + 1)::timestamp AT TIME ZONE 'UTC';
BEGIN
  IF to_regclass(part) IS NOT NULL THEN
    RETURN false;
  END IF;
  SELECT a.attname INTO STRICT col
    FROM pg_partitioned_table p
    JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
   WHERE p.partrelid = parent::regclass;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', part, parent);
  EXECUTE format(
    'WITH moved AS (DELETE FROM %I WHERE %I >= $1 AND %I < $2 RETURNING *) INSERT INTO %I SELECT * FROM moved',
    parent || '_default', col, col, part) USING lo, hi;
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, lo, hi);
  RETURN true;
END
$$;
--> statement-breakpoint
-- Drops parent's day partitions of days before `keep_from` (UTC) and deletes
-- the default partition's rows older than that. Returns the partitions dropped.
CREATE FUNCTION vigil_drop_day_partitions(parent text, keep_from date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  part text;
  col text;
  dropped integer := 0;
BEGIN
  SELECT a.attname INTO STRICT col
    FROM pg_partitioned_table p
    JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
   WHERE p.partrelid = parent::regclass;
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = parent::regclass
       AND c.relname ~ ('^' || parent || '_p[0-9]{8}$')
       AND to_date(right(c.relname, 8), 'YYYYMMDD') < keep_from
     ORDER BY c.relname
  LOOP
    EXECUTE format('DROP TABLE %I', part);
    dropped := dropped + 1;
  END LOOP;
  EXECUTE format('DELETE FROM %I WHERE %I < $1', parent || '_default', col)
    USING keep_from::timestamp AT TIME ZONE 'UTC';
  RETURN dropped;
END
$$;
--> statement-breakpoint
-- guard_locations, by recorded_at
ALTER TABLE "guard_locations" RENAME TO "guard_locations_unpartitioned";
--> statement-breakpoint
DROP INDEX "guard_locations_guard_time_idx";
--> statement-breakpoint
CREATE TABLE "guard_locations" (LIKE "guard_locations_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("recorded_at");
--> statement-breakpoint
ALTER SEQUENCE "guard_locations_id_seq" OWNED BY "guard_locations"."id";
--> statement-breakpoint
ALTER TABLE "guard_locations" ADD CONSTRAINT "guard_locations_id_recorded_at_pk" PRIMARY KEY ("id", "recorded_at");
--> statement-breakpoint
CREATE INDEX "guard_locations_guard_time_idx" ON "guard_locations" USING btree ("guard_id","recorded_at");
--> statement-breakpoint
CREATE TABLE "guard_locations_default" PARTITION OF "guard_locations" DEFAULT;
--> statement-breakpoint
-- A partition for each day of the last year that has rows, and for the coming week.
SELECT vigil_create_day_partition('guard_locations', day) FROM (
  SELECT DISTINCT ("recorded_at" AT TIME ZONE 'UTC')::date AS day FROM "guard_locations_unpartitioned"
   WHERE "recorded_at" >= now() - interval '366 days' AND "recorded_at" < now() + interval '8 days'
  UNION
  SELECT generate_series(now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' + interval '7 days', interval '1 day')::date
) AS days ORDER BY day;
--> statement-breakpoint
INSERT INTO "guard_locations" SELECT * FROM "guard_locations_unpartitioned";
--> statement-breakpoint
DROP TABLE "guard_locations_unpartitioned";
--> statement-breakpoint
-- device_telemetry, by recorded_at
ALTER TABLE "device_telemetry" RENAME TO "device_telemetry_unpartitioned";
--> statement-breakpoint
DROP INDEX "device_telemetry_device_time_idx";
--> statement-breakpoint
CREATE TABLE "device_telemetry" (LIKE "device_telemetry_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("recorded_at");
--> statement-breakpoint
ALTER SEQUENCE "device_telemetry_id_seq" OWNED BY "device_telemetry"."id";
--> statement-breakpoint
ALTER TABLE "device_telemetry" ADD CONSTRAINT "device_telemetry_id_recorded_at_pk" PRIMARY KEY ("id", "recorded_at");
--> statement-breakpoint
CREATE INDEX "device_telemetry_device_time_idx" ON "device_telemetry" USING btree ("device_id","recorded_at");
--> statement-breakpoint
CREATE TABLE "device_telemetry_default" PARTITION OF "device_telemetry" DEFAULT;
--> statement-breakpoint
-- A partition for each day of the last year that has rows, and for the coming week.
SELECT vigil_create_day_partition('device_telemetry', day) FROM (
  SELECT DISTINCT ("recorded_at" AT TIME ZONE 'UTC')::date AS day FROM "device_telemetry_unpartitioned"
   WHERE "recorded_at" >= now() - interval '366 days' AND "recorded_at" < now() + interval '8 days'
  UNION
  SELECT generate_series(now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' + interval '7 days', interval '1 day')::date
) AS days ORDER BY day;
--> statement-breakpoint
INSERT INTO "device_telemetry" SELECT * FROM "device_telemetry_unpartitioned";
--> statement-breakpoint
DROP TABLE "device_telemetry_unpartitioned";
--> statement-breakpoint
-- sensor_readings, by recorded_at
ALTER TABLE "sensor_readings" RENAME TO "sensor_readings_unpartitioned";
--> statement-breakpoint
DROP INDEX "sensor_readings_device_time_idx";
--> statement-breakpoint
CREATE TABLE "sensor_readings" (LIKE "sensor_readings_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("recorded_at");
--> statement-breakpoint
ALTER SEQUENCE "sensor_readings_id_seq" OWNED BY "sensor_readings"."id";
--> statement-breakpoint
ALTER TABLE "sensor_readings" ADD CONSTRAINT "sensor_readings_id_recorded_at_pk" PRIMARY KEY ("id", "recorded_at");
--> statement-breakpoint
CREATE INDEX "sensor_readings_device_time_idx" ON "sensor_readings" USING btree ("device_id","recorded_at");
--> statement-breakpoint
CREATE TABLE "sensor_readings_default" PARTITION OF "sensor_readings" DEFAULT;
--> statement-breakpoint
-- A partition for each day of the last year that has rows, and for the coming week.
SELECT vigil_create_day_partition('sensor_readings', day) FROM (
  SELECT DISTINCT ("recorded_at" AT TIME ZONE 'UTC')::date AS day FROM "sensor_readings_unpartitioned"
   WHERE "recorded_at" >= now() - interval '366 days' AND "recorded_at" < now() + interval '8 days'
  UNION
  SELECT generate_series(now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' + interval '7 days', interval '1 day')::date
) AS days ORDER BY day;
--> statement-breakpoint
INSERT INTO "sensor_readings" SELECT * FROM "sensor_readings_unpartitioned";
--> statement-breakpoint
DROP TABLE "sensor_readings_unpartitioned";
--> statement-breakpoint
-- system_health, by recorded_at
ALTER TABLE "system_health" RENAME TO "system_health_unpartitioned";
--> statement-breakpoint
DROP INDEX "system_health_device_time_idx";
--> statement-breakpoint
CREATE TABLE "system_health" (LIKE "system_health_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("recorded_at");
--> statement-breakpoint
ALTER SEQUENCE "system_health_id_seq" OWNED BY "system_health"."id";
--> statement-breakpoint
ALTER TABLE "system_health" ADD CONSTRAINT "system_health_id_recorded_at_pk" PRIMARY KEY ("id", "recorded_at");
--> statement-breakpoint
CREATE INDEX "system_health_device_time_idx" ON "system_health" USING btree ("device_id","recorded_at");
--> statement-breakpoint
CREATE TABLE "system_health_default" PARTITION OF "system_health" DEFAULT;
--> statement-breakpoint
-- A partition for each day of the last year that has rows, and for the coming week.
SELECT vigil_create_day_partition('system_health', day) FROM (
  SELECT DISTINCT ("recorded_at" AT TIME ZONE 'UTC')::date AS day FROM "system_health_unpartitioned"
   WHERE "recorded_at" >= now() - interval '366 days' AND "recorded_at" < now() + interval '8 days'
  UNION
  SELECT generate_series(now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' + interval '7 days', interval '1 day')::date
) AS days ORDER BY day;
--> statement-breakpoint
INSERT INTO "system_health" SELECT * FROM "system_health_unpartitioned";
--> statement-breakpoint
DROP TABLE "system_health_unpartitioned";
--> statement-breakpoint
-- geofence_events, by at
ALTER TABLE "geofence_events" RENAME TO "geofence_events_unpartitioned";
--> statement-breakpoint
DROP INDEX "geofence_events_guard_idx";
--> statement-breakpoint
DROP INDEX "geofence_events_tenant_idx";
--> statement-breakpoint
CREATE TABLE "geofence_events" (LIKE "geofence_events_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("at");
--> statement-breakpoint
ALTER SEQUENCE "geofence_events_id_seq" OWNED BY "geofence_events"."id";
--> statement-breakpoint
ALTER TABLE "geofence_events" ADD CONSTRAINT "geofence_events_id_at_pk" PRIMARY KEY ("id", "at");
--> statement-breakpoint
CREATE INDEX "geofence_events_guard_idx" ON "geofence_events" USING btree ("guard_id","at");
--> statement-breakpoint
CREATE INDEX "geofence_events_tenant_idx" ON "geofence_events" USING btree ("tenant_id","at");
--> statement-breakpoint
CREATE TABLE "geofence_events_default" PARTITION OF "geofence_events" DEFAULT;
--> statement-breakpoint
-- A partition for each day of the last year that has rows, and for the coming week.
SELECT vigil_create_day_partition('geofence_events', day) FROM (
  SELECT DISTINCT ("at" AT TIME ZONE 'UTC')::date AS day FROM "geofence_events_unpartitioned"
   WHERE "at" >= now() - interval '366 days' AND "at" < now() + interval '8 days'
  UNION
  SELECT generate_series(now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' + interval '7 days', interval '1 day')::date
) AS days ORDER BY day;
--> statement-breakpoint
INSERT INTO "geofence_events" SELECT * FROM "geofence_events_unpartitioned";
--> statement-breakpoint
DROP TABLE "geofence_events_unpartitioned";
--> statement-breakpoint
-- Socket.IO packets too large for NOTIFY (server/realtime/postgres-pubsub.ts).
CREATE TABLE "socket_io_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	"payload" "bytea"
);
