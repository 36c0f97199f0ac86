// A worker-only process (a separate child, as in a split deployment) has no
// web server; with METRICS_PORT it still answers Prometheus and health checks.
import getPort from "get-port";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { readMetric } from "../../test/harness/metrics";
import { startMosquitto, type Mosquitto } from "../../test/harness/mosquitto";
import { createTestDatabase } from "../../test/harness/test-database";
import { spawnVigil, type VigilProcess } from "../../test/harness/vigil-process";
import { waitFor } from "../../test/harness/wait-for";

let mosquitto: Mosquitto | undefined;
let sql: Sql | undefined;
let worker: VigilProcess | undefined;
let opsUrl: string;

beforeAll(async () => {
  mosquitto = await startMosquitto();
  const databaseUrl = await createTestDatabase();
  sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const metricsPort = await getPort({ host: "127.0.0.1" });
  opsUrl = `http://127.0.0.1:${metricsPort}`;
  worker = await spawnVigil({
    instanceId: "ops-worker",
    env: {
      DATABASE_URL: databaseUrl,
      MQTT_URL: mosquitto.url,
      VIGIL_ROLES: "worker",
      METRICS_PORT: String(metricsPort),
    },
  });
}, 90_000);

afterAll(async () => {
  await worker?.dispose();
  await sql?.end({ timeout: 5 });
  await mosquitto?.dispose();
}, 30_000);

test("a worker-only process serves the jobs it ran, the queue gauges and its readiness on METRICS_PORT", async () => {
  await sql!`select graphile_worker.add_job('purge_expired_sessions', '{}'::json)`;
  await waitFor(
    async () =>
      (await readMetric(opsUrl, "vigil_jobs_total", { task: "purge_expired_sessions", result: "succeeded" })) === 1,
    { timeoutMs: 15_000, intervalMs: 200, what: "the job counted on the worker's /metrics" },
  );
  const text = await (await fetch(`${opsUrl}/metrics`)).text();
  expect(text).toMatch(/^vigil_alerts_oldest_unacknowledged_seconds\{severity="critical"\} 0$/m);

  const ready = await fetch(`${opsUrl}/readyz`);
  expect(ready.status).toBe(200);
  const { checks } = (await ready.json()) as { checks: Record<string, { ok: boolean }> };
  expect(checks.worker?.ok).toBe(true);
  expect(checks.database?.ok).toBe(true);

  expect((await fetch(`${opsUrl}/`)).status).toBe(404);
});
