// The contract between grafana/ and server/observability/metrics.ts: every metric
// the dashboards and alert rules query is one a running Vigil exports, and
// promtool accepts the alert rules, the Prometheus config and every dashboard
// query.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectDir, startTestVigil, type TestVigil } from "../test/harness/vigil";

const grafanaDir = path.join(projectDir, "grafana");
const dashboardNames = ["mqtt", "jobs", "websocket", "overview"] as const;
const alertsFile = path.join(grafanaDir, "prometheus", "alerts.yml");
const prometheusFile = path.join(grafanaDir, "prometheus", "prometheus.yml");

type Target = { expr?: string; refId?: string; datasource?: { uid?: string } };
type Panel = { id: number; title: string; targets?: Target[]; panels?: Panel[] };
type Dashboard = { uid: string; title: string; panels: Panel[] };
type Query = { dashboard: string; panel: Panel; target: Target; expr: string };

function readDashboard(name: string): Dashboard {
  return JSON.parse(readFileSync(path.join(grafanaDir, "dashboards", `${name}.json`), "utf8")) as Dashboard;
}

/** Panels of a dashboard, including those nested in collapsed rows. */
function allPanels(panels: Panel[]): Panel[] {
  return panels.flatMap((panel) => [panel, ...allPanels(panel.panels ?? [])]);
}

function dashboardQueries(): Query[] {
  return dashboardNames.flatMap((dashboard) =>
    allPanels(readDashboard(dashboard).panels).flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({ dashboard, panel, target, expr: target.expr ?? "" })),
    ),
  );
}

/** Metric names Vigil exports in a text (PromQL or a rules file): its own, and Node's standard process_* and nodejs_*. */
function vigilMetricNames(text: string): string[] {
  return [...text.matchAll(/\b(?:vigil|process|nodejs)_[a-z0-9_]+\b/g)].map((m) => m[0]);
}

/** `# TYPE name type` lines: prom-client prints them for every registered metric, even one without samples yet. */
function exportedTypes(exposition: string): Map<string, string> {
  const types = new Map<string, string>();
  for (const match of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) types.set(match[1]!, match[2]!);
  return types;
}

/** Whether a series name is exported: directly, or as a histogram's (or summary's) _bucket/_sum/_count. */
function isExported(name: string, types: Map<string, string>): boolean {
  if (types.has(name)) return true;
  const suffix = /_(bucket|sum|count)$/.exec(name);
  if (!suffix) return false;
  const type = types.get(name.slice(0, -suffix[0].length));
  return type === "histogram" || (type === "summary" && suffix[1] !== "bucket");
}

function promtool(...args: string[]) {
  const result = spawnSync("promtool", args, { encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

let vigil: TestVigil;
let types: Map<string, string>;

beforeAll(async () => {
  vigil = await startTestVigil();
  const response = await fetch(new URL("/metrics", vigil.url));
  expect(response.status).toBe(200);
  types = exportedTypes(await response.text());
});

afterAll(async () => {
  await vigil?.dispose();
});

describe("metric names", () => {
  test("the scrape is parsed (sanity check of the test itself)", () => {
    expect(types.get("vigil_mqtt_messages_total")).toBe("counter");
    expect(types.get("vigil_ingest_latency_seconds")).toBe("histogram");
    expect(types.get("process_resident_memory_bytes")).toBe("gauge");
  });

  test("every metric the dashboards query is exported by Vigil", () => {
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(0);
    const missing = queries.flatMap(({ dashboard, panel, expr }) =>
      vigilMetricNames(expr)
        .filter((name) => !isExported(name, types))
        .map((name) => `${dashboard}.json "${panel.title}": ${name}`),
    );
    expect(missing).toEqual([]);
  });

  test("every counter the alert rules take increase() of has a series from the start, at 0", async () => {
    // Without one, the first event only creates the series and increase() over it stays 0: the rule misses it.
    const exposition = await (await fetch(new URL("/metrics", vigil.url))).text();
    const rules = readFileSync(alertsFile, "utf8");
    const selectors = [...rules.matchAll(/increase\((vigil_[a-z0-9_]+_total)(\{[^}]*\})?\[/g)].map((m) => ({
      name: m[1]!,
      matchers: [...(m[2] ?? "").matchAll(/(\w+)(=~|=)"([^"]*)"/g)].map(([, label, op, value]) => ({
        label,
        op,
        value,
      })),
    }));
    expect(selectors.length).toBeGreaterThanOrEqual(4);
    const missing = selectors.filter(({ name, matchers }) => {
      const samples = [...exposition.matchAll(new RegExp(`^${name}(\\{[^}]*\\})? `, "gm"))].map((m) => m[1] ?? "");
      return !samples.some((labels) =>
        matchers.every(({ label, op, value }) => {
          const actual = new RegExp(`${label}="([^"]*)"`).exec(labels)?.[1];
          return actual !== undefined && (op === "=" ? actual === value : new RegExp(`^(?:${value})$`).test(actual));
        }),
      );
    });
    expect(missing.map(({ name, matchers }) => `${name} ${JSON.stringify(matchers)}`)).toEqual([]);
  });

  test("every metric the alert rules query is exported by Vigil", () => {
    const names = vigilMetricNames(readFileSync(alertsFile, "utf8"));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !isExported(name, types))).toEqual([]);
  });
});

describe("dashboards", () => {
  test("every dashboard lets the user pick its Prometheus (a datasource variable, not a fixed id)", () => {
    for (const name of dashboardNames) {
      const { templating } = readDashboard(name) as Dashboard & {
        templating: { list: { name: string; type: string; query: string }[] };
      };
      expect(templating.list, name).toContainEqual(
        expect.objectContaining({ name: "datasource", type: "datasource", query: "prometheus" }),
      );
    }
  });

  test("every panel queries the dashboard's Prometheus variable with a non-empty expression", () => {
    const bad = dashboardQueries()
      .filter(({ target, expr }) => target.datasource?.uid !== "${datasource}" || expr.trim() === "")
      .map(({ dashboard, panel }) => `${dashboard}.json "${panel.title}"`);
    expect(bad).toEqual([]);
  });

  test("dashboard uids and panel ids are unique", () => {
    const dashboards = dashboardNames.map(readDashboard);
    expect(new Set(dashboards.map((d) => d.uid)).size).toBe(dashboards.length);
    for (const dashboard of dashboards) {
      const ids = allPanels(dashboard.panels).map((panel) => panel.id);
      expect(new Set(ids).size, dashboard.uid).toBe(ids.length);
    }
  });

  test("promtool parses every dashboard query", () => {
    // Each query becomes a recording rule, with Grafana's interval variables
    // replaced by durations, so that promtool checks its PromQL.
    const rules = dashboardQueries().map(({ dashboard, panel, target, expr }) => ({
      record: `dashboard:${dashboard}:panel_${panel.id}_${target.refId ?? "A"}`,
      expr: expr.replaceAll("$__rate_interval", "1m").replaceAll("$__range", "1h").replaceAll("$__interval", "15s"),
    }));
    const dir = mkdtempSync(path.join(os.tmpdir(), "vigil-dashboard-rules-"));
    try {
      const file = path.join(dir, "dashboard-queries.yml");
      // JSON is YAML.
      writeFileSync(file, JSON.stringify({ groups: [{ name: "dashboard-queries", rules }] }));
      const { status, output } = promtool("check", "rules", file);
      expect(status, output).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("promtool", () => {
  test("accepts the alert rules", () => {
    const { status, output } = promtool("check", "rules", alertsFile);
    expect(status, output).toBe(0);
  });

  test("accepts the Prometheus configuration", () => {
    const { status, output } = promtool("check", "config", prometheusFile);
    expect(status, output).toBe(0);
  });
});
