// Multi-row insert of GPS fixes and upsert of each guard's newest position.
import type { TransactionSql } from "postgres";
import type { GuardPositionDto } from "../../contracts/socket-events";
import type { ValidatedAs } from "../pipeline/types";

export type StoredPosition = GuardPositionDto & { tenantId: string };

export async function storeGuardLocations(
  tx: TransactionSql,
  fixes: ValidatedAs<"guard">[],
  violating: Set<ValidatedAs<"guard">>,
): Promise<StoredPosition[]> {
  if (fixes.length === 0) return [];
  const rows = fixes.map((fix) => {
    const { source, data, extra, recordedAt } = fix;
    return {
      tenant_id: source.tenantId,
      guard_id: source.guardId,
      external_id: source.externalId,
      name: source.name,
      device_id: source.deviceId,
      recorded_at: recordedAt,
      lat: data.lat,
      lon: data.lon,
      accuracy_m: data.accuracy ?? null,
      speed: data.speed ?? null,
      heading: data.heading ?? null,
      battery: data.battery ?? null,
      geofence_violation: violating.has(fix),
      msg_id: data.msg_id ?? null,
      extra,
    };
  });
  // unnest keeps one statement text (flags go as int[]: postgres.js cannot bind a boolean array) whatever the batch size (prepared once).
  const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = newest.get(row.guard_id);
    if (!seen || seen.recorded_at <= row.recorded_at) newest.set(row.guard_id, row);
  }
  // In guard order: two ingest processes (a shared subscription) upserting the same guards lock their rows in the
  // same order, so they wait for each other instead of deadlocking.
  const latest = [...newest.values()].sort((a, b) => (a.guard_id < b.guard_id ? -1 : a.guard_id > b.guard_id ? 1 : 0));
  const moved = tx<{ guard_id: string }[]>`
    insert into guard_positions (guard_id, tenant_id, recorded_at, lat, lon, accuracy_m, battery)
    select * from unnest(
      ${latest.map((r) => r.guard_id)}::uuid[], ${latest.map((r) => r.tenant_id)}::uuid[],
      ${latest.map((r) => r.recorded_at.toISOString())}::timestamptz[], ${latest.map((r) => r.lat)}::float8[],
      ${latest.map((r) => r.lon)}::float8[], ${latest.map((r) => r.accuracy_m) as never}::float8[],
      ${latest.map((r) => r.battery) as never}::float8[])
    on conflict (guard_id) do update set
      recorded_at = excluded.recorded_at, lat = excluded.lat, lon = excluded.lon,
      accuracy_m = excluded.accuracy_m, battery = excluded.battery
    where guard_positions.recorded_at <= excluded.recorded_at
    returning guard_id`;
  const inserted = tx`
    insert into guard_locations
      (tenant_id, guard_id, device_id, recorded_at, lat, lon, accuracy_m, speed, heading, battery, geofence_violation,
       msg_id, extra)
    select tenant_id, guard_id, device_id, recorded_at, lat, lon, accuracy_m, speed, heading, battery,
           geofence_violation <> 0, msg_id, extra::jsonb
    from unnest(
      ${col("tenant_id")}::uuid[], ${col("guard_id")}::uuid[], ${col("device_id") as never}::uuid[],
      ${rows.map((r) => r.recorded_at.toISOString())}::timestamptz[],
      ${col("lat")}::float8[], ${col("lon")}::float8[], ${col("accuracy_m") as never}::float8[],
      ${col("speed") as never}::float8[], ${col("heading") as never}::float8[], ${col("battery") as never}::float8[],
      ${rows.map((r) => (r.geofence_violation ? 1 : 0))}::int[], ${col("msg_id") as never}::text[], ${rows.map((r) => (r.extra ? JSON.stringify(r.extra) : null)) as never}::text[])
      as u(tenant_id, guard_id, device_id, recorded_at, lat, lon, accuracy_m, speed, heading, battery, geofence_violation,
            msg_id, extra)`;
  // Both statements go to PostgreSQL at once (postgres.js pipelines a connection's queries): one round trip.
  const [, upserted] = await Promise.all([inserted, moved]);
  const movedIds = new Set(upserted.map((m) => m.guard_id));
  return latest
    .filter((r) => movedIds.has(r.guard_id))
    .map((r) => ({
      tenantId: r.tenant_id,
      guardId: r.guard_id,
      externalId: r.external_id,
      name: r.name,
      lat: r.lat,
      lon: r.lon,
      accuracyM: r.accuracy_m,
      battery: r.battery,
      recordedAt: r.recorded_at.toISOString(),
    }));
}
