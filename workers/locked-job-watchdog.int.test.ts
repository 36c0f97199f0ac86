// A notification job left locked by a worker that died (kill -9) is freed by
// the watchdog and runs, instead of waiting graphile-worker's 4 hours. This
// Vigil's own watchdog waits an hour between checks, so the test's checks are
// the only ones: each result is the test's own, never a race with it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { componentLogger } from "../server/observability/logger";
import { metrics } from "../server/observability/metrics";
import { startTestVigil, type TestVigil } from "../test/harness/vigil";
import { waitFor } from "../test/harness/wait-for";
import { startLockedJobWatchdog } from "./locked-job-watchdog";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil({ env: { JOB_WATCHDOG_CHECK_MS: "3600000" } });
});
afterAll(async () => {
  await vigil?.dispose();
});

describe("locked job watchdog", () => {
  it("frees a notification job locked by a dead worker, which then runs; fresh locks are left alone", async () => {
    const add = async (alertId: string) => {
      const [job] = await vigil.sql<{ id: string }[]>`
        select id::text from graphile_worker.add_job('notify_alert', json_build_object('alertId', ${alertId}::text),
                                                     run_at => now() + interval '1 hour')`;
      return job!.id;
    };
    const stale = await add(randomUUID());
    const fresh = await add(randomUUID());
    // Scheduled ahead so this process's live worker does not take them first. What a
    // worker killed mid-job leaves behind: the lock, and nobody to release it.
    await vigil.sql`update graphile_worker._private_jobs set locked_by = 'dead-worker', locked_at = now() - interval '5 minutes'
                    where id = ${stale}`;
    await vigil.sql`update graphile_worker._private_jobs set locked_by = 'busy-worker', locked_at = now() where id = ${fresh}`;

    const watchdog = await startLockedJobWatchdog({
      connectionString: vigil.databaseUrl,
      logger: componentLogger("watchdog-test"),
      metrics,
      checkEveryMs: 3_600_000,
    });
    try {
      expect(await watchdog.check()).toEqual(["dead-worker"]);
    } finally {
      await watchdog.stop();
    }
    const [freed] = await vigil.sql<{ locked_by: string | null }[]>`
      select locked_by from graphile_worker._private_jobs where id = ${stale}`;
    expect(freed?.locked_by).toBeNull();
    // Now due: a live worker takes the freed job and runs it.
    await vigil.sql`update graphile_worker._private_jobs set run_at = now() where id = ${stale}`;
    await waitFor(
      async () => (await vigil.sql`select 1 from graphile_worker._private_jobs where id = ${stale}`).length === 0,
      { what: "the freed job to run", timeoutMs: 10_000 },
    );
    const [busy] = await vigil.sql<
      { locked_by: string }[]
    >`select locked_by from graphile_worker._private_jobs where id = ${fresh}`;
    expect(busy?.locked_by).toBe("busy-worker");
  });

  it("fails a training run whose worker died and frees the ml queue; a run making progress is left alone", async () => {
    const [tenant] = await vigil.sql<{ id: string }[]>`select id from tenants limit 1`;
    const run = async (lastProgressAgo: string) => {
      const [row] = await vigil.sql<{ id: string }[]>`
        insert into training_runs (tenant_id, status, total_epochs, epoch, started_at, progress)
        values (${tenant!.id}, 'running', 40, 3, now() - interval '1 hour',
                jsonb_build_array(jsonb_build_object('epoch', 3, 'loss', 0.5, 'validationAuc', 0.7,
                                                     'at', now() - ${lastProgressAgo}::interval)))
        returning id`;
      return row!.id;
    };
    const dead = await run("10 minutes");
    const alive = await run("2 seconds");
    // The dead run's job, as its killed worker left it: locked, far in the future so no live worker takes it.
    await vigil.sql`
      select graphile_worker.add_job('train_false_alarm_model', json_build_object('runId', ${dead}::text),
                                     queue_name => 'ml-watchdog-test', run_at => now() + interval '1 hour', max_attempts => 1)`;
    await vigil.sql`update graphile_worker._private_jobs set locked_by = 'dead-trainer', locked_at = now() - interval '10 minutes'
                    where payload->>'runId' = ${dead}`;

    const watchdog = await startLockedJobWatchdog({
      connectionString: vigil.databaseUrl,
      logger: componentLogger("watchdog-test"),
      metrics,
      checkEveryMs: 3_600_000,
    });
    try {
      expect(await watchdog.check()).toContain("dead-trainer");
    } finally {
      await watchdog.stop();
    }
    // The dead run's job is unlocked (so the ml queue is free), and only the dead run failed.
    const [job] = await vigil.sql<{ locked_by: string | null }[]>`
      select locked_by from graphile_worker._private_jobs where payload->>'runId' = ${dead}`;
    expect(job?.locked_by).toBeNull();
    const runs = await vigil.sql<{ id: string; status: string; error: string | null }[]>`
      select id, status, error from training_runs where id in (${dead}, ${alive})`;
    expect(runs.find((r) => r.id === dead)).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/stopped/),
    });
    expect(runs.find((r) => r.id === alive)?.status).toBe("running");
  });
});
