// Multi-row insert of GPS fixes and upsert of each guard's newest position, in one statement.
import type { TransactionSql } from "postgres";
import type { GuardPositionDto } from "../../contracts/socket-events";
import type { ValidatedAs } from "../pipeline/types";

export type StoredPosition = GuardPositionDto & { tenantId: string };

export type StoredLocations = {
  /** The guards whose newest position this batch moved, as the NOC shows them. */
  positions: StoredPosition[];
  /** Fixes stored before (a resend: same guard, time and msg_id): no row, no position, counted as duplicates. */
  duplicates: Set<ValidatedAs<"guard">>;
};

const keyOf = (guardId: string, msgId: string) => `${guardId}|${msgId}`;

export async function storeGuardLocations(
  tx: TransactionSql,
  fixes: ValidatedAs<"guard">[],
  violating: Set<ValidatedAs<"guard">>,
): Promise<StoredLocations> {
  if (fixes.length === 0) return { positions: [], duplicates: new Set() };
  const rows = fixes.map((fix) => {
    const { source, data, extra, recordedAt } = fix;
    return {
      fix,
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
  // In guard order (a stable sort: each guard's fixes stay in arrival order): two ingest processes (a shared
  // subscription) inserting the same resent fixes wait for each other on their unique keys instead of deadlocking.
  rows.sort((a, b) => (a.guard_id < b.guard_id ? -1 : a.guard_id > b.guard_id ? 1 : 0));
  // unnest keeps one statement text (flags go as int[]: postgres.js cannot bind a boolean array) whatever the batch size (prepared once).
  const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  // One statement: the rows (a fix stored before conflicts on guard, time and msg_id, migration 0030, and is left
  // out), then each guard's newest stored fix as its position, in guard order too. Among fixes of one time the
  // later one wins (the larger id), as in `newest` below.
  const answered = await tx<{ kind: "stored" | "moved"; key: string }[]>`
    with stored as (
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
              msg_id, extra)
      on conflict (guard_id, recorded_at, msg_id) do nothing
      returning id, tenant_id, guard_id, recorded_at, lat, lon, accuracy_m, battery, msg_id
    ), newest as (
      select distinct on (guard_id) guard_id, tenant_id, recorded_at, lat, lon, accuracy_m, battery
      from stored order by guard_id, recorded_at desc, id desc
    ), moved as (
      insert into guard_positions (guard_id, tenant_id, recorded_at, lat, lon, accuracy_m, battery)
      select * from newest order by guard_id
      on conflict (guard_id) do update set
        recorded_at = excluded.recorded_at, lat = excluded.lat, lon = excluded.lon,
        accuracy_m = excluded.accuracy_m, battery = excluded.battery
      where guard_positions.recorded_at <= excluded.recorded_at
      returning guard_id
    )
    select 'stored' as kind, guard_id::text || '|' || msg_id as key from stored where msg_id is not null
    union all
    select 'moved', guard_id::text from moved`;
  const storedKeys = new Set<string>();
  const movedIds = new Set<string>();
  for (const { kind, key } of answered) (kind === "stored" ? storedKeys : movedIds).add(key);
  const duplicates = new Set<ValidatedAs<"guard">>();
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    if (row.msg_id !== null && !storedKeys.has(keyOf(row.guard_id, row.msg_id))) {
      duplicates.add(row.fix);
      continue;
    }
    const seen = newest.get(row.guard_id);
    if (!seen || seen.recorded_at <= row.recorded_at) newest.set(row.guard_id, row);
  }
  const positions = [...newest.values()]
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
  return { positions, duplicates };
}
