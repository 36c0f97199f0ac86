ALTER TABLE "devices" ADD COLUMN "tracking_key_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "devices_tracking_key_hash_key" ON "devices" USING btree ("tracking_key_hash");