CREATE TYPE "public"."geofence_kind" AS ENUM('polygon', 'circle');--> statement-breakpoint
CREATE TYPE "public"."geofence_event_kind" AS ENUM('enter', 'exit');--> statement-breakpoint
CREATE TYPE "public"."training_run_status" AS ENUM('queued', 'running', 'succeeded', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "geofences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"kind" "geofence_kind" NOT NULL,
	"polygon" jsonb,
	"center_lon" double precision,
	"center_lat" double precision,
	"radius_m" double precision,
	"buffer_m" double precision DEFAULT 10 NOT NULL,
	"confirm_fixes" integer DEFAULT 3 NOT NULL,
	"confirm_seconds" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guard_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"guard_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"shifts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"timezone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guard_fence_states" (
	"guard_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"last_fix_at" timestamp with time zone NOT NULL,
	"outside_fixes" integer DEFAULT 0 NOT NULL,
	"outside_since" timestamp with time zone,
	"inside_fence_ids" uuid[] DEFAULT '{}' NOT NULL,
	"open_violation_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geofence_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"guard_id" uuid NOT NULL,
	"geofence_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" "geofence_event_kind" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geofence_violations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"guard_id" uuid NOT NULL,
	"geofence_id" uuid,
	"site_id" uuid,
	"alert_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"metres_outside" double precision NOT NULL,
	"accuracy_m" double precision NOT NULL,
	"confirmed_fixes" integer NOT NULL,
	"confirmed_seconds" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"requested_by" uuid,
	"trigger" text DEFAULT 'manual' NOT NULL,
	"status" "training_run_status" DEFAULT 'queued' NOT NULL,
	"total_epochs" integer NOT NULL,
	"epoch" integer DEFAULT 0 NOT NULL,
	"loss" double precision,
	"validation_auc" double precision,
	"eta_seconds" double precision,
	"progress" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"metrics" jsonb,
	"error" text,
	"cancel_requested_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ml_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"training_run_id" uuid,
	"metrics" jsonb NOT NULL,
	"model" jsonb NOT NULL,
	"promoted_at" timestamp with time zone,
	"promoted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid,
	"contact_id" uuid,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "offline_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "false_alarm_score" double precision;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "scored_by_model_version" integer;--> statement-breakpoint
ALTER TABLE "geofences" ADD CONSTRAINT "geofences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geofences" ADD CONSTRAINT "geofences_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guard_assignments" ADD CONSTRAINT "guard_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guard_assignments" ADD CONSTRAINT "guard_assignments_guard_id_guards_id_fk" FOREIGN KEY ("guard_id") REFERENCES "public"."guards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guard_assignments" ADD CONSTRAINT "guard_assignments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guard_fence_states" ADD CONSTRAINT "guard_fence_states_guard_id_guards_id_fk" FOREIGN KEY ("guard_id") REFERENCES "public"."guards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guard_fence_states" ADD CONSTRAINT "guard_fence_states_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geofence_violations" ADD CONSTRAINT "geofence_violations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geofence_violations" ADD CONSTRAINT "geofence_violations_guard_id_guards_id_fk" FOREIGN KEY ("guard_id") REFERENCES "public"."guards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geofence_violations" ADD CONSTRAINT "geofence_violations_geofence_id_geofences_id_fk" FOREIGN KEY ("geofence_id") REFERENCES "public"."geofences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geofence_violations" ADD CONSTRAINT "geofence_violations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geofence_violations" ADD CONSTRAINT "geofence_violations_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ml_models" ADD CONSTRAINT "ml_models_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ml_models" ADD CONSTRAINT "ml_models_training_run_id_training_runs_id_fk" FOREIGN KEY ("training_run_id") REFERENCES "public"."training_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ml_models" ADD CONSTRAINT "ml_models_promoted_by_users_id_fk" FOREIGN KEY ("promoted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "geofences_tenant_idx" ON "geofences" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "geofences_site_idx" ON "geofences" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guard_assignments_guard_site_key" ON "guard_assignments" USING btree ("guard_id","site_id");--> statement-breakpoint
CREATE INDEX "guard_assignments_tenant_idx" ON "guard_assignments" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "geofence_events_guard_idx" ON "geofence_events" USING btree ("guard_id","at");--> statement-breakpoint
CREATE INDEX "geofence_events_tenant_idx" ON "geofence_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "geofence_violations_tenant_time_idx" ON "geofence_violations" USING btree ("tenant_id","started_at");--> statement-breakpoint
CREATE INDEX "geofence_violations_guard_idx" ON "geofence_violations" USING btree ("guard_id","started_at");--> statement-breakpoint
CREATE INDEX "training_runs_tenant_idx" ON "training_runs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ml_models_tenant_version_key" ON "ml_models" USING btree ("tenant_id","version");--> statement-breakpoint
CREATE INDEX "ml_models_tenant_idx" ON "ml_models" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_key" ON "push_subscriptions" USING btree ("endpoint");--> statement-breakpoint
CREATE INDEX "push_subscriptions_tenant_idx" ON "push_subscriptions" USING btree ("tenant_id");