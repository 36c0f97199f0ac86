-- Generated, then edited (issue 18): a GPS fix that carries its own time and
-- msg_id is deduplicated by its own row, not by a row in ingest_dedupe as
-- well: the unique index makes a resent fix's insert do nothing
-- (server/ingest/persist/store-guard-locations.ts), which saves every fix a
-- second insert and its pruning. It replaces the (guard_id, recorded_at)
-- index, which it serves as well. Rows that would break it (a fix stored twice
-- after its ingest_dedupe row was pruned) are the same fix: the first is kept.
DELETE FROM "guard_locations" a USING "guard_locations" b
 WHERE a."guard_id" = b."guard_id" AND a."recorded_at" = b."recorded_at" AND a."msg_id" = b."msg_id" AND a."id" > b."id";
--> statement-breakpoint
CREATE UNIQUE INDEX "guard_locations_guard_time_msg_idx" ON "guard_locations" USING btree ("guard_id","recorded_at","msg_id");--> statement-breakpoint
DROP INDEX "guard_locations_guard_time_idx";
