// The tables partitioned by UTC day (migration 0010), kept by the worker's
// cron: partitions created ahead, partitions past the retention dropped.
export const partitionedTables = [
  "guard_locations",
  "device_telemetry",
  "sensor_readings",
  "system_health",
  "geofence_events",
] as const;
