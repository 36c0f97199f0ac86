ALTER TABLE "devices" ADD COLUMN "owntracks_topic" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "owntracks_http_at" timestamp with time zone;