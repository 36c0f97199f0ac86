// Multi-row insert of GPS fixes and upsert of each guard's newest position.
import type { TransactionSql } from "postgres";
import type { GuardPositionDto } from "../../contracts/socket-events";
import type { Envelope } from "../pipeline/types";
import { recordedAt } from "./recorded-at";

export type StoredPosition = GuardPositionDto & { tenantId: string };

export async function storeGuardLocations(
  tx: TransactionSql,
  envelopes: Envelope[],
  violating: Set<Envelope>,
): Promise<StoredPosition[]> {
  if (envelopes.length === 0) return [];
  const rows = envelopes.map((e) => {
    const d = e.data!;
    return {
      tenant_id: e.source!.tenantId,
      guard_id: e.source!.guardId!,
      device_id: e.source!.deviceId,
      recorded_at: recordedAt(e),
      lat: d.lat as number,
      lon: d.lon as number,
      accuracy_m: (d.accuracy as number | undefined) ?? null,
      speed: (d.speed as number | undefined) ?? null,
      heading: (d.heading as number | undefined) ?? null,
      battery: (d.battery as number | undefined) ?? null,
      geofence_violation: violating.has(e),
      msg_id: (d.msg_id as string | undefined) ?? null,
      extra: e.extra ?? null,
    };
  });
  // unnest keeps one statement text (flags go as int[]: postgres.js cannot bind a boolean array) whatever the batch size (prepared once).
  const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = newest.get(row.guard_id);
    if (!seen || seen.recorded_at <= row.recorded_at) newest.set(row.guard_id, row);
  }
  const latest = [...newest.values()].map((r) => ({
    guard_id: r.guard_id,
    tenant_id: r.tenant_id,
    recorded_at: r.recorded_at,
    lat: r.lat,
    lon: r.lon,
    accuracy_m: r.accuracy_m,
    battery: r.battery,
  }));
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
  const sourceByGuard = new Map(envelopes.map((e) => [e.source!.guardId!, e.source!]));
  return latest
    .filter((r) => movedIds.has(r.guard_id))
    .map((r) => {
      const source = sourceByGuard.get(r.guard_id)!;
      return {
        tenantId: r.tenant_id,
        guardId: r.guard_id,
        externalId: source.externalId,
        name: source.name,
        lat: r.lat,
        lon: r.lon,
        accuracyM: r.accuracy_m,
        battery: r.battery,
        recordedAt: r.recorded_at.toISOString(),
      };
    });
}
