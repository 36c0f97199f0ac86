CREATE TABLE "guard_check_ins" (
	"guard_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"watched_since" timestamp with time zone,
	"last_check_in_at" timestamp with time zone,
	"pre_alarm_due_at" timestamp with time zone,
	"missed_due_at" timestamp with time zone,
	"wrong_pins" integer DEFAULT 0 NOT NULL,
	"wrong_pins_since" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "guards" ADD COLUMN "pin_hash" text;--> statement-breakpoint
ALTER TABLE "guards" ADD COLUMN "duress_pin_hash" text;--> statement-breakpoint
ALTER TABLE "guard_assignments" ADD COLUMN "check_in_minutes" integer;--> statement-breakpoint
ALTER TABLE "guard_assignments" ADD COLUMN "grace_seconds" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "guard_check_ins" ADD CONSTRAINT "guard_check_ins_guard_id_guards_id_fk" FOREIGN KEY ("guard_id") REFERENCES "public"."guards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guard_check_ins" ADD CONSTRAINT "guard_check_ins_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guard_assignments" ADD CONSTRAINT "guard_assignments_check_in_minutes" CHECK ("guard_assignments"."check_in_minutes" between 1 and 1440);--> statement-breakpoint
ALTER TABLE "guard_assignments" ADD CONSTRAINT "guard_assignments_grace_seconds" CHECK ("guard_assignments"."grace_seconds" between 0 and 3600);