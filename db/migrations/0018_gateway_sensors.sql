ALTER TABLE "devices" ADD COLUMN "gateway_id" uuid;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "gateway_address" text;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_gateway_id_devices_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "devices_gateway_address_key" ON "devices" USING btree ("gateway_id","gateway_address");