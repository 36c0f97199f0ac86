// A batch PostgreSQL ends in a deadlock with another process's transaction (a
// second ingestor on a shared subscription, a worker) is committed again: the
// deadlock is not a database outage, and ingestion is not taken down for it.
import postgres, { type ReservedSql, type Sql } from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGuard } from "../../test/harness/api-client";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { createTestPipeline } from "../../test/harness/ingest-pipeline";
import { waitFor } from "../../test/harness/wait-for";
import type { Pipeline } from "./pipeline/run-pipeline";
import type { GuardSource } from "./pipeline/types";
import type { SourceRegistry } from "./source-registry";

let vigil: TestVigil;
let sql: Sql;
let registry: SourceRegistry;
let pipeline: Pipeline;
const storageDown: unknown[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
  // The batch looks for a deadlock 3 s into a wait (the server's default is 1 s): time enough, on a loaded machine,
  // for the other transaction to close the cycle before, so that the batch is the one PostgreSQL ends.
  sql = postgres(vigil.databaseUrl, { max: 3, onnotice: () => {}, connection: { deadlock_timeout: "3s" } });
  ({ pipeline, registry } = createTestPipeline(sql, {
    name: "batch-conflicts-test",
    onStorageDown: (error) => storageDown.push(error),
  }));
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await vigil?.dispose();
});

async function guardSource(): Promise<GuardSource> {
  const guard = await createGuard(vigil.url, vigil.adminToken);
  const { guard: source } = await registry.resolve(guard.externalId);
  if (source?.kind !== "guard") throw new Error(`no guard source for ${guard.externalId}`);
  return source;
}

/** Submits a fix of the guard's at `at`; resolves once its batch has committed. */
function submitFix(source: GuardSource, at: Date, msgId: string): Promise<void> {
  let resolve = () => {};
  const settled = new Promise<void>((r) => (resolve = r));
  const message = {
    topic: `guard/${source.externalId}/gps`,
    payload: Buffer.alloc(0),
    qos: 1 as const,
    arrivedAt: performance.now(),
    settle: () => resolve(),
  };
  void pipeline.submit({
    message,
    family: "guard",
    kind: "gps",
    source,
    data: { lat: 12.97, lon: 77.59, accuracy: 5, msg_id: msgId },
    extra: null,
    recordedAt: at,
  });
  return settled;
}

/** A connection holding the guard's position row locked in an open transaction, as a slow writer would. */
async function lockPosition(guardId: string): Promise<ReservedSql> {
  const locker = await sql.reserve();
  await locker`begin`;
  await locker`set local deadlock_timeout = '60s'`;
  await locker`select 1 from guard_positions where guard_id = ${guardId} for update`;
  return locker;
}

const waitingOnLocks = async () =>
  Number((await vigil.sql<{ n: string }[]>`select count(*) as n from pg_locks where not granted`)[0]!.n);

const storedOrder = async (guardId: string) =>
  (
    await vigil.sql<{ msgId: string }[]>`
      select msg_id as "msgId" from guard_locations where guard_id = ${guardId} order by id`
  ).map((r) => r.msgId);

test("a batch PostgreSQL ends in a deadlock is committed again, and ingestion is not taken down", async () => {
  const a = await guardSource();
  const t0 = Date.now() - 60_000;
  await submitFix(a, new Date(t0), "d0");
  const locker = await lockPosition(a.guardId);
  let fix: Promise<void>;
  try {
    // The batch takes its dedupe key, then waits on the locked position; the other transaction then waits on that
    // key: a cycle, which PostgreSQL breaks by ending the transaction that looks for it first, the batch's.
    fix = submitFix(a, new Date(t0 + 1000), "d1");
    await waitFor(async () => (await waitingOnLocks()) > 0, { what: "the batch waiting on the position row" });
    await locker`insert into ingest_dedupe (source, msg_id) values (${`guard/${a.externalId}`}, 'd1')`;
    await locker`rollback`;
  } finally {
    locker.release();
  }
  await fix;
  expect(await storedOrder(a.guardId)).toEqual(["d0", "d1"]);
  expect(storageDown).toEqual([]);
});
