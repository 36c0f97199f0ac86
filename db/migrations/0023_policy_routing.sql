ALTER TYPE "public"."delivery_status" ADD VALUE 'held_quiet_hours';--> statement-breakpoint
ALTER TABLE "notification_deliveries" DROP CONSTRAINT "notification_deliveries_once_key";--> statement-breakpoint
ALTER TABLE "escalation_policies" DROP CONSTRAINT "escalation_policies_site_id_sites_id_fk";
--> statement-breakpoint
DROP INDEX "escalation_policies_site_key";--> statement-breakpoint
DROP INDEX "escalation_policies_default_key";--> statement-breakpoint
ALTER TABLE "escalation_policies" ADD COLUMN "match" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "escalation_policies" ADD COLUMN "priority" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "escalation_policies" ADD COLUMN "quiet_hours" jsonb;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "fallback" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "hold_until" timestamp with time zone;--> statement-breakpoint
-- A site's own policy becomes one matching that site, ahead of the default as before.
UPDATE "escalation_policies" SET "match" = jsonb_build_object('siteIds', jsonb_build_array("site_id")) WHERE "site_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "escalation_policies" DROP COLUMN "site_id";--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_policies_default_key" ON "escalation_policies" USING btree ("tenant_id") WHERE match = '{}'::jsonb;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_once_key" UNIQUE("alert_id","contact_id","channel","round","tier","fallback");