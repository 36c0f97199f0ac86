// npm run health -- [--url http://localhost:3000] [--ops-url http://localhost:3001 (default: METRICS_PORT, else --url)]
// Reads /readyz and /metrics of a running Vigil and grades what it finds.
// Exit code: 0 healthy, 1 degraded (works, but something needs a look), 2 down.
import { parseArgs } from "node:util";
import { api, metricSum, resolveTarget } from "./lib/vigil-api";

type Grade = "OK" | "WARN" | "FAIL";
type CheckState = { ok: boolean; problem?: string; detail?: Record<string, unknown> };
type Readyz = { status: string; checks: Record<string, CheckState> };

const MAX_MESSAGE_AGE_S = 300;
const MAX_OLDEST_JOB_S = 60;
const MAX_QUEUED_JOBS = 1000;
const MIN_FREE_DISK = 1024 ** 3;

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { url: { type: "string" }, "ops-url": { type: "string" } } });
  const { opsUrl: url } = resolveTarget(values);
  const results: { name: string; grade: Grade; reason: string; critical: boolean }[] = [];
  const report = (name: string, grade: Grade, reason: string, critical = false) =>
    results.push({ name, grade, reason, critical });

  let ready: Readyz | undefined;
  let metricsText = "";
  try {
    const response = await api<Readyz>(url, "/readyz");
    if (typeof response.body !== "object" || !response.body?.checks)
      throw new Error(`HTTP ${response.status}, not /readyz JSON`);
    ready = response.body;
    report("web", "OK", `${url}/readyz answered ${response.status} (${ready.status})`, true);
  } catch (error) {
    report("web", "FAIL", (error as Error).message, true);
  }
  const checks = ready?.checks ?? {};
  const dependency = (name: string, label: string, critical: boolean) => {
    const check = checks[name];
    if (!ready) return report(label, "FAIL", "unknown: /readyz did not answer", critical);
    if (!check) return report(label, "WARN", `no ${name} check in /readyz (role not running in this process?)`);
    report(label, check.ok ? "OK" : "FAIL", check.ok ? "ok" : (check.problem ?? "failing"), critical);
  };
  dependency("database", "database", true);
  dependency("broker", "broker (ingest connected)", true);
  dependency("worker", "worker", false);

  try {
    const response = await api<string>(url, "/metrics");
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    metricsText = response.body;
    const total = metricSum(metricsText, "vigil_mqtt_messages_total");
    const accepted = metricSum(metricsText, "vigil_mqtt_messages_total", { result: "accepted" });
    report("metrics", "OK", `vigil_mqtt_messages_total ${total} (${accepted} accepted)`);
  } catch (error) {
    report("metrics", "FAIL", `/metrics: ${(error as Error).message}`);
  }

  const missing = (name: string) =>
    ready ? `unknown (this Vigil's /readyz has no ${name} check)` : "unknown: /readyz did not answer";
  const messages = checks.messages?.detail as
    { lastMessageAt: string | null; ageSeconds: number | null; unavailable?: string } | undefined;
  if (!messages) report("last device message", "WARN", missing("messages"));
  else if (messages.unavailable) report("last device message", "WARN", `unavailable: ${messages.unavailable}`);
  else if (messages.ageSeconds === null) report("last device message", "WARN", "no device has reported yet");
  else
    report(
      "last device message",
      messages.ageSeconds > MAX_MESSAGE_AGE_S ? "WARN" : "OK",
      `${messages.ageSeconds} s ago (${messages.lastMessageAt})`,
    );

  const notifications = checks.notifications?.detail as { sms: boolean; email: boolean } | undefined;
  if (!notifications) report("notification providers", "WARN", missing("notifications"));
  else {
    const on = Object.entries(notifications)
      .filter(([, v]) => v)
      .map(([k]) => k);
    const off = Object.entries(notifications)
      .filter(([, v]) => !v)
      .map(([k]) => k);
    report(
      "notification providers",
      on.length === 0 ? "WARN" : "OK",
      `${on.length ? `configured: ${on.join(", ")}` : "none configured: alerts reach only the dashboard"}${off.length && on.length ? `; not configured: ${off.join(", ")}` : ""}`,
    );
  }

  const disk = checks.disk;
  if (!disk) report("disk (data folder)", "WARN", missing("disk"));
  else if (!disk.ok) report("disk (data folder)", "FAIL", disk.problem ?? "failing");
  else {
    const { freeBytes, totalBytes } = disk.detail as { freeBytes: number; totalBytes: number };
    report(
      "disk (data folder)",
      freeBytes < MIN_FREE_DISK ? "WARN" : "OK",
      `${gb(freeBytes)} free of ${gb(totalBytes)}`,
    );
  }

  const queue = checks.queue;
  if (!queue) report("job queue", "WARN", missing("queue"));
  else if (!queue.ok) report("job queue", "FAIL", queue.problem ?? "failing");
  else if (queue.detail?.unavailable) report("job queue", "WARN", `unavailable: ${String(queue.detail.unavailable)}`);
  else {
    const { total, due, oldestDueSeconds } = queue.detail as {
      total: number;
      due: number;
      oldestDueSeconds: number | null;
    };
    const late = oldestDueSeconds !== null && oldestDueSeconds > MAX_OLDEST_JOB_S;
    report(
      "job queue",
      late || total > MAX_QUEUED_JOBS ? "WARN" : "OK",
      `${total} jobs, ${due} due${oldestDueSeconds !== null ? `, oldest due ${Math.round(oldestDueSeconds)} s ago` : ""}`,
    );
  }

  for (const r of results) console.log(`${r.grade.padEnd(4)}  ${r.name}: ${r.reason}`);
  const down = results.some((r) => r.critical && r.grade === "FAIL");
  const degraded = results.some((r) => r.grade !== "OK");
  console.log(down ? "DOWN" : degraded ? "DEGRADED" : "HEALTHY");
  return down ? 2 : degraded ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`health failed: ${(error as Error).message}`);
    process.exit(2);
  },
);
