// The operational metrics an operator's dashboards and alert rules read:
// the job queue and the open alerts sampled from the database, the time to
// acknowledge, jobs queued and Socket.IO delivery time, as /metrics shows them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDetailDto } from "../contracts/alert-api";
import { api, createGuardWithPhone } from "../../test/harness/api-client";
import { readMetric } from "../../test/harness/metrics";
import { connectDevice, endQuietly, publishJson } from "../../test/harness/mqtt-device";
import { raisePanic } from "../../test/harness/panic";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";
import { sampleDbGauges } from "./db-gauges";
import { metrics } from "./metrics";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});
afterAll(async () => {
  await vigil?.dispose();
});

const read = (name: string, labels: Record<string, string>) => readMetric(vigil.url, name, labels);

describe("sampled gauges", () => {
  it("are in /metrics from the start, without a scrape waiting on the database", async () => {
    const text = await (await fetch(new URL("/metrics", vigil.url))).text();
    expect(text).toMatch(/^vigil_alerts_oldest_unacknowledged_seconds\{severity="critical"\} 0$/m);
    expect(text).toMatch(/^vigil_alerts_oldest_unacknowledged_seconds\{severity="info"\} 0$/m);
  });

  it("show jobs waiting for a worker, how long the oldest has waited, and a job locked for ten minutes", async () => {
    // A task no worker of this Vigil runs: its jobs wait, as they would with every worker down.
    await vigil.sql`
      select graphile_worker.add_job('metrics_probe', '{}'::json, run_at => now() - make_interval(secs => 120 + n))
      from generate_series(1, 3) as n`;
    await vigil.sql`select graphile_worker.add_job('metrics_probe_locked', '{}'::json)`;
    await vigil.sql`
      update graphile_worker._private_jobs set locked_at = now() - interval '10 minutes', locked_by = 'a-dead-worker'
      where task_id = (select id from graphile_worker._private_tasks where identifier = 'metrics_probe_locked')`;
    await sampleDbGauges(vigil.sql, metrics);

    expect(await read("vigil_jobs_pending", { task: "metrics_probe" })).toBe(3);
    expect(await read("vigil_jobs_oldest_pending_seconds", { task: "metrics_probe" })).toBeGreaterThanOrEqual(123);
    expect(await read("vigil_jobs_locked", { task: "metrics_probe_locked" })).toBe(1);
    expect(await read("vigil_jobs_pending", { task: "metrics_probe_locked" })).toBe(0);
    expect(await read("vigil_jobs_locked_longest_seconds", { task: "metrics_probe_locked" })).toBeGreaterThanOrEqual(
      600,
    );

    await vigil.sql`
      delete from graphile_worker._private_jobs where task_id in (
        select id from graphile_worker._private_tasks where identifier like 'metrics_probe%')`;
    await sampleDbGauges(vigil.sql, metrics);
    expect(await read("vigil_jobs_pending", { task: "metrics_probe" })).toBe(0);
    expect(await read("vigil_jobs_oldest_pending_seconds", { task: "metrics_probe" })).toBe(0);
    expect(await read("vigil_jobs_locked_longest_seconds", { task: "metrics_probe_locked" })).toBe(0);
  });
});

describe("open alerts by type", () => {
  it("count an alarm type a device made up as other, so the label stays bounded", async () => {
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const client = await connectDevice(vigil.mqttUrl, device.mqtt);
    await publishJson(client, `alert/made-up-${guard.externalId.toLowerCase()}/${guard.externalId}`, {
      severity: "low",
      message: "A type of the firmware's own",
      timestamp: new Date().toISOString(),
    });
    await endQuietly(client);
    await waitFor(
      async () => {
        await sampleDbGauges(vigil.sql, metrics);
        return (await read("vigil_alerts_open", { type: "other", severity: "low", status: "NEW" })) === 1;
      },
      { intervalMs: 200, what: "the made-up alert counted as other" },
    );
    const text = await (await fetch(new URL("/metrics", vigil.url))).text();
    expect(text).not.toContain("made-up-");
  });
});

describe("a panic from raise to acknowledgement", () => {
  let alert: Awaited<ReturnType<typeof raisePanic>>["alert"];
  let before: { ttaCount: number; notifyQueued: number; delivered: number };

  beforeAll(async () => {
    before = {
      ttaCount: await read("vigil_alert_time_to_acknowledge_seconds_count", { severity: "critical" }),
      notifyQueued: await read("vigil_jobs_queued_total", { task: "notify_alert" }),
      delivered: await read("vigil_socketio_delivery_seconds_count", { event: "alerts:changed" }),
    };
    ({ alert } = await raisePanic(vigil, "Help at gate 3"));
  });

  it("queues its notification job and times its alerts:changed event from the message's arrival", async () => {
    expect(await read("vigil_jobs_queued_total", { task: "notify_alert" })).toBe(before.notifyQueued + 1);
    expect(await read("vigil_socketio_delivery_seconds_count", { event: "alerts:changed" })).toBeGreaterThan(
      before.delivered,
    );
  });

  it("counts as an open critical NEW alert, with its age as the oldest unacknowledged critical", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await sampleDbGauges(vigil.sql, metrics);
    expect(await read("vigil_alerts_open", { type: "panic", severity: "critical", status: "NEW" })).toBe(1);
    expect(await read("vigil_alerts_oldest_unacknowledged_seconds", { severity: "critical" })).toBeGreaterThanOrEqual(
      1,
    );
  });

  it("once acknowledged, records a time to acknowledge under critical and leaves no unacknowledged critical", async () => {
    const { status, body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}/acknowledge`, {
      method: "POST",
      token: vigil.adminToken,
    });
    expect(status).toBe(200);
    expect(await read("vigil_alert_time_to_acknowledge_seconds_count", { severity: "critical" })).toBe(
      before.ttaCount + 1,
    );
    const waited = (Date.parse(body.acknowledgedAt!) - Date.parse(body.createdAt)) / 1000;
    expect(await read("vigil_alert_time_to_acknowledge_seconds_sum", { severity: "critical" })).toBeCloseTo(waited, 2);

    await sampleDbGauges(vigil.sql, metrics);
    expect(await read("vigil_alerts_open", { type: "panic", severity: "critical", status: "NEW" })).toBe(0);
    expect(await read("vigil_alerts_open", { type: "panic", severity: "critical", status: "ACKNOWLEDGED" })).toBe(1);
    expect(await read("vigil_alerts_oldest_unacknowledged_seconds", { severity: "critical" })).toBe(0);
  });
});
