// `npm run audit:prod`: fails when `npm audit --omit=dev` reports a high or
// critical advisory in what Vigil ships. When the advisory service cannot be
// asked (offline, or a registry mirror without the audit endpoint) it says so
// and passes: CI must not fail for want of a network.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

type Severity = "info" | "low" | "moderate" | "high" | "critical";
export type AuditReport = {
  vulnerabilities?: Record<string, { severity: Severity; via?: unknown[] }>;
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  error?: { summary?: string };
  message?: string;
};

export type AuditVerdict =
  | { ok: true; checked: true; counts: Partial<Record<Severity, number>> }
  | { ok: true; checked: false; reason: string }
  | { ok: false; checked: true; packages: string[] };

export function auditVerdict(report: AuditReport): AuditVerdict {
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const reason = report.error?.summary || report.message || "no report";
    return { ok: true, checked: false, reason: reason.split("\n")[0]! };
  }
  const serious = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === "high" || v.severity === "critical")
    .map(([name, v]) => `${name} (${v.severity})`);
  if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) return { ok: false, checked: true, packages: serious };
  return { ok: true, checked: true, counts };
}

function main(): void {
  const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
  let report: AuditReport;
  try {
    report = JSON.parse(run.stdout || "{}") as AuditReport;
  } catch {
    report = { message: run.stderr || "unreadable npm audit output" };
  }
  const verdict = auditVerdict(report);
  if (!verdict.checked) {
    console.log(`npm audit: not checked, the advisory service did not answer (${verdict.reason})`);
    return;
  }
  if (!verdict.ok) {
    console.error(`npm audit: high or critical advisories in production dependencies: ${verdict.packages.join(", ")}`);
    process.exitCode = 1;
    return;
  }
  console.log(`npm audit: no high or critical advisory (${JSON.stringify(verdict.counts)})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
