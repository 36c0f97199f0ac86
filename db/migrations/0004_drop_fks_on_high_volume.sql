ALTER TABLE "guard_locations" DROP CONSTRAINT "guard_locations_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "guard_locations" DROP CONSTRAINT "guard_locations_guard_id_guards_id_fk";
--> statement-breakpoint
ALTER TABLE "guard_locations" DROP CONSTRAINT "guard_locations_device_id_devices_id_fk";
--> statement-breakpoint
ALTER TABLE "device_telemetry" DROP CONSTRAINT "device_telemetry_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "device_telemetry" DROP CONSTRAINT "device_telemetry_device_id_devices_id_fk";
--> statement-breakpoint
ALTER TABLE "sensor_readings" DROP CONSTRAINT "sensor_readings_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sensor_readings" DROP CONSTRAINT "sensor_readings_device_id_devices_id_fk";
--> statement-breakpoint
ALTER TABLE "system_health" DROP CONSTRAINT "system_health_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "system_health" DROP CONSTRAINT "system_health_device_id_devices_id_fk";
