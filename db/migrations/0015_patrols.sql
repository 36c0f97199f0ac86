CREATE TYPE "public"."tour_run_status" AS ENUM('scheduled', 'in_progress', 'completed', 'late', 'missed');--> statement-breakpoint
CREATE TABLE "checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"radius_m" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tour_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"tour_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"guard_id" uuid,
	"checkpoint_ids" uuid[] NOT NULL,
	"ordered" boolean NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"status" "tour_run_status" DEFAULT 'scheduled' NOT NULL,
	"completed_at" timestamp with time zone,
	"alert_id" uuid
);
--> statement-breakpoint
CREATE TABLE "tour_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"guard_id" uuid,
	"method" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"checkpoint_ids" uuid[] NOT NULL,
	"ordered" boolean DEFAULT false NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"window_minutes" integer NOT NULL,
	"repeat_minutes" integer,
	"guard_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_runs" ADD CONSTRAINT "tour_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_runs" ADD CONSTRAINT "tour_runs_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_runs" ADD CONSTRAINT "tour_runs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_runs" ADD CONSTRAINT "tour_runs_guard_id_guards_id_fk" FOREIGN KEY ("guard_id") REFERENCES "public"."guards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_runs" ADD CONSTRAINT "tour_runs_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_visits" ADD CONSTRAINT "tour_visits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_visits" ADD CONSTRAINT "tour_visits_run_id_tour_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."tour_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_visits" ADD CONSTRAINT "tour_visits_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_visits" ADD CONSTRAINT "tour_visits_guard_id_guards_id_fk" FOREIGN KEY ("guard_id") REFERENCES "public"."guards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_guard_id_guards_id_fk" FOREIGN KEY ("guard_id") REFERENCES "public"."guards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkpoints_code_key" ON "checkpoints" USING btree ("code");--> statement-breakpoint
CREATE INDEX "checkpoints_site_idx" ON "checkpoints" USING btree ("tenant_id","site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tour_runs_tour_due_key" ON "tour_runs" USING btree ("tour_id","due_at");--> statement-breakpoint
CREATE INDEX "tour_runs_tenant_due_idx" ON "tour_runs" USING btree ("tenant_id","due_at");--> statement-breakpoint
CREATE INDEX "tour_runs_open_idx" ON "tour_runs" USING btree ("closes_at") WHERE status in ('scheduled', 'in_progress');--> statement-breakpoint
CREATE UNIQUE INDEX "tour_visits_run_checkpoint_key" ON "tour_visits" USING btree ("run_id","checkpoint_id");--> statement-breakpoint
CREATE INDEX "tours_site_idx" ON "tours" USING btree ("tenant_id","site_id");