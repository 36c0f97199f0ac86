// The job list (server/contracts/jobs.ts) is the only place task names and job
// keys are written: SQL enqueuers interpolate them from it, the worker has a
// handler for every listed task and no other, and the crontab names listed tasks.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JOB_NAMES, JOBS, jobKey, parseJobPayload } from "../server/contracts/jobs";
import { buildCrontab } from "./crontab";
import type { TaskDeps } from "./task-deps";
import { createTaskList } from "./task-list";

const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "node_modules" ? [] : sourceFiles(file);
    return /\.(ts|mjs|sql)$/.test(name) && !/\.test\.ts$/.test(name) ? [file] : [];
  });
}

/** Every graphile_worker.add_job / remove_job call in the project's sources, with its first argument. */
const calls = ["server", "workers", "db", "scripts"].flatMap((dir) =>
  sourceFiles(path.join(ROOT, dir)).flatMap((file) =>
    [
      ...readFileSync(file, "utf8").matchAll(
        /graphile_worker\.(add_job|remove_job)\(\s*(\$\{[^}]*\}(?:::text)?|[^,)]+)/g,
      ),
    ].map((m) => ({
      where: `${path.relative(ROOT, file)}: ${m[0].replace(/\s+/g, " ")}`,
      fn: m[1],
      first: m[2]!.trim(),
    })),
  ),
);
const fromTheList = (argument: string) => /^\$\{[^}]+\}(::text)?$|^\$\d+::text$/.test(argument);

describe("the job list", () => {
  it("finds the SQL enqueuers it checks", () => {
    // upsert-alerts (2), notify_alert (2), deliver_notification, retrain, enqueue-job, cancel-escalation.
    expect(calls.length).toBeGreaterThanOrEqual(8);
  });

  it("gives SQL every task name and job key: none is written as a literal", () => {
    const literals = calls.filter((c) => !fromTheList(c.first)).map((c) => c.where);
    expect(literals).toEqual([]);
    const literalKeys = ["server", "workers", "db", "scripts"].flatMap((dir) =>
      sourceFiles(path.join(ROOT, dir)).flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/job_key => '[^']*'/g)].map((m) => `${file}: ${m[0]}`),
      ),
    );
    expect(literalKeys).toEqual([]);
  });

  it("has a worker handler for every listed task, and lists every task the worker handles", () => {
    const handled = Object.keys(createTaskList({} as TaskDeps)).sort();
    expect(handled).toEqual([...JOB_NAMES].sort());
  });

  it("lists every task the crontab schedules", () => {
    const scheduled = buildCrontab({ mlRetrainCron: "0 3 * * *" })
      .split("\n")
      .map((line) => line.trim().split(/\s+/)[5]);
    for (const task of scheduled) expect(JOB_NAMES).toContain(task);
  });

  it("keys jobs by their prefix and id, and checks payloads", () => {
    expect(jobKey("notify_alert", "a1")).toBe("escalate:a1");
    expect(parseJobPayload("notify_alert", { alertId: "0b7e4f5e-9c1a-4c3b-8f57-3c2d9a1e6b10" })).toEqual({
      alertId: "0b7e4f5e-9c1a-4c3b-8f57-3c2d9a1e6b10",
      round: 0,
      tier: 0,
    });
    expect(() => parseJobPayload("deliver_notification", { deliveryId: "42" })).toThrow();
    expect(parseJobPayload("prune_ingest_dedupe", undefined)).toEqual({ days: 7 });
    expect(JOBS.train_false_alarm_model.queue).toBe("ml");
  });
});
