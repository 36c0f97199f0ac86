// Day partitions of the high-volume tables (migration 0010) and their upkeep
// by the worker's cron tasks: created ahead, rows of an unexpected day kept in
// the default partition until their day's partition exists, expired days
// dropped, queries by guard and time reading only the days they ask for, and an
// existing database upgraded without losing a row.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { runOnce, type TaskList } from "graphile-worker";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { createTestDatabase } from "../test/harness/test-database";
import { create_day_partitions } from "../workers/tasks/create_day_partitions";
import { drop_expired_partitions } from "../workers/tasks/drop_expired_partitions";
import { migrateDatabase, migrationsFolder } from "./migrate";
import { partitionedTables } from "./partitioned-tables";

let url: string;
let sql: Sql;

beforeAll(async () => {
  url = await createTestDatabase();
  sql = postgres(url, { max: 2, onnotice: () => {} });
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
});

const DAY_MS = 86_400_000;
const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
const partitionName = (table: string, day: string) => `${table}_p${day.replaceAll("-", "")}`;

async function partitionsOf(db: Sql, table: string): Promise<string[]> {
  const rows = await db<{ name: string }[]>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = ${table}::regclass order by 1`;
  return rows.map((r) => r.name);
}

/** Runs one cron task the way the worker does (graphile-worker, one job). */
async function runTask(name: string, taskList: TaskList, payload: object = {}): Promise<void> {
  await sql`select graphile_worker.add_job(${name}, ${sql.json(payload as never)}::json)`;
  await runOnce({ connectionString: url, taskList });
  const failed = await sql<
    { error: string }[]
  >`select last_error as error from graphile_worker.jobs where task_identifier = ${name}`;
  expect(failed.map((j) => j.error)).toEqual([]);
}

async function insertFix(guardId: string, recordedAt: Date): Promise<void> {
  await sql`
    insert into guard_locations (tenant_id, guard_id, recorded_at, lat, lon)
    values (gen_random_uuid(), ${guardId}, ${recordedAt}, 48.85, 2.35)`;
}

async function partitionHolding(guardId: string): Promise<string[]> {
  const rows = await sql<{ part: string }[]>`
    select tableoid::regclass::text as part from guard_locations where guard_id = ${guardId} order by recorded_at`;
  return rows.map((r) => r.part);
}

test("a migrated database has each high-volume table partitioned by day: today, the next 7 days and a default", async () => {
  for (const table of partitionedTables) {
    const partitions = await partitionsOf(sql, table);
    for (let d = 0; d <= 7; d++) expect(partitions).toContain(partitionName(table, utcDay(d)));
    expect(partitions).toContain(`${table}_default`);
  }
});

test("a fix dated on a day without a partition is kept in the default partition, then moves into its day's partition when the cron creates it", async () => {
  const guardId = crypto.randomUUID();
  const farAhead = new Date(Date.now() + 20 * DAY_MS);
  await insertFix(guardId, farAhead);
  expect(await partitionHolding(guardId)).toEqual(["guard_locations_default"]);

  await runTask("create_day_partitions", { create_day_partitions }, { daysAhead: 21 });

  expect(await partitionHolding(guardId)).toEqual([partitionName("guard_locations", utcDay(20))]);
  const [inDefault] = await sql<{ n: number }[]>`select count(*)::int as n from guard_locations_default`;
  expect(inDefault?.n).toBe(0);
});

test("retention drops the day partitions older than VIGIL_RETENTION_DAYS and the default partition's older rows, and keeps the rest", async () => {
  const guardId = crypto.randomUUID();
  await sql`select vigil_create_day_partition('guard_locations', ${utcDay(-100)}::date)`;
  await sql`select vigil_create_day_partition('guard_locations', ${utcDay(-10)}::date)`;
  await insertFix(guardId, new Date(Date.now() - 100 * DAY_MS));
  await insertFix(guardId, new Date(Date.now() - 10 * DAY_MS));
  await insertFix(guardId, new Date("1970-01-02T00:00:00Z")); // a phone with its clock reset
  await insertFix(guardId, new Date());
  expect(await partitionHolding(guardId)).toEqual([
    "guard_locations_default",
    partitionName("guard_locations", utcDay(-100)),
    partitionName("guard_locations", utcDay(-10)),
    partitionName("guard_locations", utcDay(0)),
  ]);

  await runTask("drop_expired_partitions", { drop_expired_partitions: drop_expired_partitions({ retentionDays: 90 }) });

  const partitions = await partitionsOf(sql, "guard_locations");
  expect(partitions).not.toContain(partitionName("guard_locations", utcDay(-100)));
  expect(partitions).toContain(partitionName("guard_locations", utcDay(-10)));
  expect(await partitionHolding(guardId)).toEqual([
    partitionName("guard_locations", utcDay(-10)),
    partitionName("guard_locations", utcDay(0)),
  ]);
});

test("a guard's track over a time range reads only the partitions of the days in the range", async () => {
  const guardId = crypto.randomUUID();
  await insertFix(guardId, new Date());
  await sql`analyze guard_locations`;
  // The presenter's query (list-guard-locations.ts), with the range inside today and tomorrow.
  const since = `${utcDay(0)}T06:00:00Z`;
  const until = `${utcDay(1)}T06:00:00Z`;
  const plan = await sql.unsafe<{ "QUERY PLAN": string }[]>(
    `explain select * from guard_locations
     where tenant_id = gen_random_uuid() and guard_id = '${guardId}'
       and recorded_at >= '${since}' and recorded_at <= '${until}'
     order by recorded_at, id`,
  );
  const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
  const scanned = [...new Set(text.match(/guard_locations_(p\d{8}|default)/g))].sort();
  expect(scanned).toEqual([partitionName("guard_locations", utcDay(0)), partitionName("guard_locations", utcDay(1))]);
});

test("upgrading a database that has rows keeps every row, each in its day's partition, and ids go on from the last one", async () => {
  // A database at migration 0009 (the journal cut before 0010), with history.
  const adminUrl = inject("databaseAdminUrl");
  const name = `vigil_upgrade_${crypto.randomUUID().slice(0, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end({ timeout: 5 });
  const upgradeUrl = adminUrl.replace(/\/postgres$/, `/${name}`);
  const folder = mkdtempSync(path.join(os.tmpdir(), "vigil-migrations-"));
  const db = postgres(upgradeUrl, { max: 1, onnotice: () => {} });
  try {
    cpSync(migrationsFolder, folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < "0010");
    writeFileSync(journalPath, JSON.stringify(journal));
    // drizzle changes the date serializers of the client it wraps: it gets its own.
    const migrator = postgres(upgradeUrl, { max: 1, onnotice: () => {} });
    await migrate(drizzle(migrator), { migrationsFolder: folder }).finally(() => migrator.end({ timeout: 5 }));

    const guardId = crypto.randomUUID();
    const dates = [-400, -30, -1, 0].map((d) => new Date(Date.now() + d * DAY_MS));
    for (const recordedAt of dates) {
      await db`insert into guard_locations (tenant_id, guard_id, recorded_at, lat, lon)
               values (gen_random_uuid(), ${guardId}, ${recordedAt}, 1, 2)`;
    }
    const [before] = await db<{ last: number }[]>`select max(id)::int as last from guard_locations`;

    await migrateDatabase(upgradeUrl);

    const rows = await db<{ part: string; id: number }[]>`
      select tableoid::regclass::text as part, id::int from guard_locations where guard_id = ${guardId} order by recorded_at`;
    expect(rows.map((r) => r.part)).toEqual([
      "guard_locations_default", // older than a year: no partition of its own
      partitionName("guard_locations", utcDay(-30)),
      partitionName("guard_locations", utcDay(-1)),
      partitionName("guard_locations", utcDay(0)),
    ]);
    const [inserted] = await db<{ id: number }[]>`
      insert into guard_locations (tenant_id, guard_id, recorded_at, lat, lon)
      values (gen_random_uuid(), ${guardId}, now(), 1, 2) returning id::int`;
    expect(inserted!.id).toBeGreaterThan(before!.last);
  } finally {
    await db.end({ timeout: 5 });
    rmSync(folder, { recursive: true, force: true });
  }
});
