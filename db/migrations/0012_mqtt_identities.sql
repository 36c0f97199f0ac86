CREATE TABLE "mqtt_identities" (
	"external_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	CONSTRAINT "mqtt_identities_kind_check" CHECK ("mqtt_identities"."kind" in ('guard', 'device'))
);
--> statement-breakpoint
ALTER TABLE "mqtt_identities" ADD CONSTRAINT "mqtt_identities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mqtt_identities_tenant_idx" ON "mqtt_identities" USING btree ("tenant_id");--> statement-breakpoint
-- Hand-written (issue 16, item 1): guards and devices keep mqtt_identities in
-- step, so the database itself refuses a guard id equal to a device id (any
-- tenant) or the reverse: the second insert fails on mqtt_identities_pkey.
CREATE FUNCTION "mqtt_identity_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		DELETE FROM "mqtt_identities" WHERE "external_id" = OLD."external_id" AND "owner_id" = OLD."id";
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO "mqtt_identities" ("external_id", "kind", "tenant_id", "owner_id")
		VALUES (NEW."external_id", TG_ARGV[0], NEW."tenant_id", NEW."id");
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Existing rows, devices first. A guard whose id a device already holds is
-- left out: such ids are listed by the view below, reported here, and their
-- messages are quarantined as ambiguous_source by the ingestor.
INSERT INTO "mqtt_identities" ("external_id", "kind", "tenant_id", "owner_id")
SELECT "external_id", 'device', "tenant_id", "id" FROM "devices";
--> statement-breakpoint
INSERT INTO "mqtt_identities" ("external_id", "kind", "tenant_id", "owner_id")
SELECT "external_id", 'guard', "tenant_id", "id" FROM "guards" ON CONFLICT ("external_id") DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER "guards_mqtt_identity" AFTER INSERT OR DELETE OR UPDATE OF "external_id", "tenant_id" ON "guards"
FOR EACH ROW EXECUTE FUNCTION "mqtt_identity_sync"('guard');
--> statement-breakpoint
CREATE TRIGGER "devices_mqtt_identity" AFTER INSERT OR DELETE OR UPDATE OF "external_id", "tenant_id" ON "devices"
FOR EACH ROW EXECUTE FUNCTION "mqtt_identity_sync"('device');
--> statement-breakpoint
-- Ids held by both a guard and a device (data from before this migration):
-- what an operator must rename. Always current, so it empties as they do.
CREATE VIEW "mqtt_identity_collisions" AS
SELECT g."external_id", g."tenant_id" AS "guard_tenant_id", g."id" AS "guard_id",
       d."tenant_id" AS "device_tenant_id", d."id" AS "device_id"
FROM "guards" g JOIN "devices" d ON d."external_id" = g."external_id";
--> statement-breakpoint
DO $$
DECLARE
	collisions text;
BEGIN
	SELECT string_agg("external_id", ', ' ORDER BY "external_id") INTO collisions FROM "mqtt_identity_collisions";
	IF collisions IS NOT NULL THEN
		RAISE NOTICE 'MQTT ids held by both a guard and a device (messages for them are quarantined as ambiguous_source until one is renamed or deleted): %', collisions;
	END IF;
END $$;
