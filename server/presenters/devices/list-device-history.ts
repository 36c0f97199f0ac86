// A device's telemetry and a sensor's readings over a time range, oldest
// first, a page at a time by keyset (recorded_at, id): the tables are
// partitioned by time, so the range also picks the partitions read.
import { and, asc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { deviceTelemetry, sensorReadings } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import {
  HISTORY_DEFAULT_HOURS,
  type HistoryQuery,
  type SensorReadingDto,
  type TelemetryPointDto,
} from "../../contracts/device-history";
import type { Page } from "../../contracts/pagination";
import { decodeCursor, toPage } from "../keyset-page";
import { findDevice } from "./list-devices";

const BIGSERIAL = /^\d{1,19}$/;
type Table = typeof deviceTelemetry | typeof sensorReadings;

function inRange(table: Table, tenantId: string, deviceId: string, { since, until, cursor }: HistoryQuery): SQL {
  const from = since ? new Date(since) : new Date(Date.now() - HISTORY_DEFAULT_HOURS * 3600_000);
  const after = cursor ? decodeCursor(cursor, BIGSERIAL) : null;
  return and(
    eq(table.tenantId, tenantId),
    eq(table.deviceId, deviceId),
    gte(table.recordedAt, from),
    until ? lte(table.recordedAt, new Date(until)) : undefined,
    after ? sql`(${table.recordedAt}, ${table.id}) > (${after[0]}::timestamptz, ${after[1]}::bigint)` : undefined,
  )!;
}

/** Its sort key as PostgreSQL prints it (microseconds kept), for the cursor. */
const sortKey = (table: Table) => sql<string>`${table.recordedAt}::text`;

/** One device's rows of `table` in the query's range, a keyset page at a time, each as `toDto` makes it. */
async function listHistory<T extends Table, D>(
  db: Db,
  actor: Actor,
  { table, externalId, query }: { table: T; externalId: string; query: HistoryQuery },
  toDto: (row: T["$inferSelect"]) => D,
): Promise<Page<D>> {
  const { row: device } = await findDevice(db, actor, externalId);
  const rows = (await db
    .select({ row: table, key: sortKey(table) })
    .from(table as Table)
    .where(inRange(table, actor.tenantId, device.id, query))
    .orderBy(asc(table.recordedAt), asc(table.id))
    .limit(query.limit + 1)) as { row: T["$inferSelect"]; key: string }[];
  return toPage(
    rows,
    query.limit,
    ({ row }) => toDto(row),
    ({ row, key }) => [key, String(row.id)],
  );
}

export function listDeviceTelemetry(
  db: Db,
  actor: Actor,
  externalId: string,
  query: HistoryQuery,
): Promise<Page<TelemetryPointDto>> {
  return listHistory(db, actor, { table: deviceTelemetry, externalId, query }, (row) => ({
    recordedAt: row.recordedAt.toISOString(),
    battery: row.battery,
    signalDbm: row.signalDbm,
    temperatureC: row.temperatureC,
  }));
}

export function listSensorReadings(
  db: Db,
  actor: Actor,
  externalId: string,
  query: HistoryQuery,
): Promise<Page<SensorReadingDto>> {
  return listHistory(db, actor, { table: sensorReadings, externalId, query }, (row) => ({
    recordedAt: row.recordedAt.toISOString(),
    kind: row.kind,
    value: row.valueNum,
    text: row.valueText,
    state: row.state,
  }));
}
