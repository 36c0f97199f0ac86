ALTER TABLE "devices" ADD COLUMN "enrol_token_hash" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "enrol_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD COLUMN "device_id" uuid;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "devices_enrol_token_hash_key" ON "devices" USING btree ("enrol_token_hash");