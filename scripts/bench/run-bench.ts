// npm run bench: measures Vigil on this machine against Mosquitto and the
// embedded PostgreSQL on loopback, beside the raw ceilings measured in the
// same run, and writes BENCHMARKS.md. The ingest figures are measured on the
// embedded broker too (what `npm start` runs), side by side.
// `npm run bench -- --only latency,throughput` runs only those sections and
// prints their rows (BENCHMARKS.md is written by a whole run only).
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFakeProviders } from "../../test/harness/fake-providers";
import { startMosquitto } from "../../test/harness/mosquitto";
import { adapterThroughput } from "./adapter-throughput";
import { geofenceBench } from "./geofence-bench";
import { livenessBench } from "./liveness-bench";
import { panicLatency } from "./panic-latency";
import { brokerCeiling, postgresCeiling } from "./ceilings";
import { compareLatency, comparePanicUnderStream, compareThroughput, type Row, type Target } from "./broker-comparison";
import { latencyAtRate, registerGuards } from "./ingest-load";
import { measureNocMap } from "./run-map-bench";
import { measurePages } from "./run-page-bench";
import { ingestScaling } from "./ingest-scaling";
import { round } from "./stats";
import { metricsScrapeLatency, startConstantServer } from "./vigil-metrics";
import { login, startVigilProcess, type VigilProcess } from "./vigil-process";

const SECTIONS = [
  "geofence",
  "ceilings",
  "throughput",
  "adapters",
  "latency",
  "panic-under-stream",
  "metrics",
  "panic",
  "liveness",
  "scaling",
  "map",
  "pages",
] as const;
type Section = (typeof SECTIONS)[number];

function sectionsToRun(argv: string[]): Set<Section> {
  const at = argv.indexOf("--only");
  if (at === -1) return new Set(SECTIONS);
  const asked = (argv[at + 1] ?? "").split(",");
  const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0 || asked.length === 0) {
    throw new Error(`--only takes a comma-separated list of: ${SECTIONS.join(", ")} (got ${unknown.join(", ")})`);
  }
  return new Set(asked as Section[]);
}

const benchEnv = (fake: { vigilEnv: Record<string, string> }) => ({
  ...fake.vigilEnv,
  // Every bench panic notifies the same supervisor: lift the per-number SMS limit (10 a minute by default).
  SMS_PER_NUMBER_PER_MINUTE: "1000",
  // ...and the tenant's hourly SMS cap (200 by default), which would skip all but the first 200.
  SMS_TENANT_PER_HOUR: "100000",
});

async function target(name: string, vigil: VigilProcess): Promise<Target> {
  return { name, vigil, token: await login(vigil.url), guards: await registerGuards(vigil.databaseUrl, 10_000) };
}

async function main(): Promise<void> {
  const run = sectionsToRun(process.argv);
  // Other work on the machine takes the same cores: the figures are read against it.
  const loadAtStart = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  const rows: Row[] = [];
  const log = (row: Row) => {
    rows.push(row);
    console.log(row.join(" | "));
  };
  if (run.has("geofence")) {
    const fences = geofenceBench();
    log([
      "Geofence check per fix, 10,000 fences in the tenant (flatbush + turf + state machine), p50 / p99",
      `${fences.indexed.p50.toFixed(1)} / ${fences.indexed.p99.toFixed(1)} µs`,
      `budget p99 < 50 µs; turf over every fence: p50 ${Math.round(fences.turfAlone.p50)} µs`,
    ]);
  }

  // As deploy/mosquitto.conf recommends: Mosquitto's default of 20 unacknowledged
  // messages to a subscriber would cap Vigil at 20 messages per commit.
  const brokerConfig = ["max_inflight_messages 1000"];
  const mosquitto = await startMosquitto({ extraConfig: brokerConfig });
  const fake = await startFakeProviders();
  const ingestRuns = run.has("throughput") || run.has("latency") || run.has("panic-under-stream");
  const vigil = await startVigilProcess({ mqttUrl: mosquitto.url, env: benchEnv(fake) });
  // The embedded broker, as `npm start` runs it; the bench's publishers log in anonymously (development only).
  const embedded = ingestRuns
    ? await startVigilProcess({ env: { ...benchEnv(fake), MQTT_ALLOW_ANONYMOUS: "true" } })
    : undefined;
  try {
    const onMosquitto = await target("Mosquitto", vigil);
    const targets = embedded ? [onMosquitto, await target("embedded", embedded)] : [onMosquitto];
    const { guards, token } = onMosquitto;
    let broker = Number.NaN;
    if (run.has("ceilings") || run.has("throughput")) {
      broker = await brokerCeiling(mosquitto.url, 100_000);
      log(["Ceiling: Mosquitto QoS 1, one publisher to one subscriber", `${round(broker, 0)} msg/s`, "raw broker"]);
    }
    if (run.has("ceilings")) {
      const pg100 = await postgresCeiling(vigil.databaseUrl, 100_000, 100);
      const pg500 = await postgresCeiling(vigil.databaseUrl, 100_000, 500);
      log([
        "Ceiling: PostgreSQL multi-row insert into a guard_locations copy, 100 rows a statement",
        `${round(pg100, 0)} rows/s`,
        "raw database",
      ]);
      log(["Ceiling: the same, 500 rows a statement", `${round(pg500, 0)} rows/s`, "raw database"]);
    }
    if (run.has("latency")) {
      const { rows: latencyRows, traces } = await compareLatency(targets);
      for (const row of latencyRows) log(row);
      const traceFile = path.join(os.tmpdir(), "vigil-bench-ingest-trace.json");
      writeFileSync(traceFile, JSON.stringify(traces, null, 2));
      console.log(`Wrote the ingest traces to ${traceFile}`);
    }
    if (run.has("panic-under-stream")) {
      for (const row of await comparePanicUnderStream(targets, fake)) log(row);
    }
    // After the latency runs, whose first measure is each guard's first fix since the start.
    if (run.has("throughput")) for (const row of await compareThroughput(targets)) log(row);
    // The adapters beside the native topic, on the Vigil on Mosquitto.
    if (run.has("adapters")) for (const row of await adapterThroughput(onMosquitto)) log(row);

    if (run.has("metrics")) {
      // 10,000 devices each reporting every 30 s: 333 msg/s.
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, vigil.rssMb())), 200);
      // Side by side: METRICS_PORT (its own thread, what Prometheus scrapes), the web port (the main thread), and
      // a process answering the same number of bytes at once (the floor of this machine under the same load).
      const floor = await startConstantServer((await (await fetch(`${vigil.metricsUrl}/metrics`)).text()).length);
      const scrapes = metricsScrapeLatency(vigil.metricsUrl, { seconds: 30 });
      const webScrapes = metricsScrapeLatency(vigil.url, { seconds: 30, startAfterMs: 33 });
      const floorScrapes = metricsScrapeLatency(floor.url, { seconds: 30, startAfterMs: 66 });
      await latencyAtRate({ mqttUrl: mosquitto.url, vigilUrl: vigil.url, token, guards, rate: 333, seconds: 30 });
      const [scrape, webScrape, floorScrape] = await Promise.all([scrapes, webScrapes, floorScrapes]);
      floor.stop();
      clearInterval(sampler);
      log(["Vigil process RSS, 10,000 guards reporting every 30 s (peak)", `${round(peak, 0)} MB`, "budget < 400 MB"]);
      const ms = (s: { p50: number; p99: number }) => `p50 ${round(s.p50, 2)} / p99 ${round(s.p99, 2)} ms`;
      log([
        "GET /metrics on METRICS_PORT during the same 333 msg/s, one scrape every 100 ms (curl, kept alive), p50 / p99",
        `${round(scrape.p50, 2)} / ${round(scrape.p99, 2)} ms`,
        `${scrape.n} scrapes of ${scrape.series.toLocaleString("en")} series; budget p99 < 5 ms; meanwhile ` +
          `a process answering as many constant bytes ${ms(floorScrape)}, the web port (rendered on the main thread) ${ms(webScrape)}`,
      ]);
    }

    if (run.has("panic")) {
      const panics = await panicLatency({
        vigilUrl: vigil.url,
        mqttUrl: mosquitto.url,
        token,
        fake,
        guards: guards.slice(0, 320),
        rate: 10,
        warmUp: 20,
      });
      const first = (f: { first: number }) => `the first panic after the start (not in the percentiles) ${f.first} ms`;
      log([
        "Panic (QoS 2) -> NOC banner event, 300 panics at 10/s after 20 to warm up, p50 / p99",
        `${panics.banner.p50} / ${panics.banner.p99} ms`,
        `${panics.banner.n} samples; budget p99 < 100 ms; ${first(panics.banner)}`,
      ]);
      log([
        "Panic -> SMS request at the provider (twilio SDK), p50 / p99",
        `${panics.sms.p50} / ${panics.sms.p99} ms`,
        `${panics.sms.n} samples; budget p99 < 1 s; ${first(panics.sms)}`,
      ]);
      log([
        "Panic -> email request at the provider (resend SDK), p50 / p99",
        `${panics.email.p50} / ${panics.email.p99} ms`,
        `${panics.email.n} samples; budget p99 < 1 s; ${first(panics.email)}`,
      ]);
    }

    if (run.has("liveness")) {
      // Last: the 1,000 offline alerts it raises must not queue ahead of the panics' notifications.
      const liveness = await livenessBench(vigil.databaseUrl, guards);
      log([
        "Liveness check (offline, back online, man-down), 10,000 devices and 10,000 assigned guards",
        `steady p50 ${round(liveness.steadyMs[2]!, 0)} ms, max ${round(liveness.steadyMs.at(-1)!, 0)} ms`,
        `budget < 1 s a run; first run ${round(liveness.firstMs, 0)} ms (${liveness.offline.toLocaleString("en")} devices newly offline in it; the running Vigil's own cron may take them first)`,
      ]);
    }
  } finally {
    await vigil.stop();
    await embedded?.stop();
    await mosquitto.dispose();
    await fake.close();
  }

  if (run.has("scaling")) {
    // A fresh broker: the all-in-one process's persistent session would keep
    // queueing every fix on the first one.
    const scaleBroker = await startMosquitto({ extraConfig: brokerConfig });
    try {
      const [one, two] = await ingestScaling({ mqttUrl: scaleBroker.url, count: 100_000 });
      for (const r of [one!, two!]) {
        log([
          `Ingest GPS, QoS 1, ${r.processes === 1 ? "one ingest process" : "two ingest processes"} on a shared subscription (VIGIL_ROLES=ingest), end to end`,
          `${round(r.perSecond, 0)} msg/s`,
          `${round(r.perIngestCpuSecond, 0)} msg per ingest CPU-second; ${round(r.perPostgresCpuSecond, 0)} rows per PostgreSQL CPU-second` +
            (r.processes === 2 ? `; ${round(two!.perSecond / one!.perSecond, 2)}x one process` : ""),
        ]);
      }
    } finally {
      await scaleBroker.dispose();
    }
  }

  // Last, in a Vigil of its own: the NOC shows every guard of the tenant, and the ingest runs above gave 10,000 a position.
  if (run.has("map")) for (const row of await measureNocMap()) log(row);
  if (run.has("pages")) for (const row of await measurePages()) log(row);

  const load = `load averages (1, 5, 15 min) ${loadAtStart} at the start, ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} at the end`;
  const table = rows.map((r) => `| ${r.join(" | ")} |`).join("\n");
  if (run.size < SECTIONS.length) {
    console.log(
      `\n${[...run].join(", ")} only (${load}):\n\n| measure | figure | beside |\n| --- | --- | --- |\n${table}`,
    );
    return;
  }
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const mosquittoVersion = execSync("/usr/sbin/mosquitto -h | head -1").toString().trim();
  writeFileSync(
    "BENCHMARKS.md",
    `# Benchmarks

Made by \`npm run bench\` (scripts/bench/run-bench.ts) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}),
${round(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${mosquittoVersion}, embedded PostgreSQL, all on loopback.
Vigil runs as \`npm start\` runs it (the bundle, a 256 MB heap, a 16 MB young generation) in one all-in-one process (web, ingest, worker); the
ingest rows name the broker: Mosquitto, or the embedded aedes broker inside the Vigil process (the default), measured
one after the other measure by measure. The ingest trace (INGEST_TRACE_FILE) records during the latency runs only. Except the last rows: one and then two ingest-only
processes on an MQTT v5 shared subscription, beside a web+worker process holding the database. The load generator
runs in another process on the same 2 cores, so every figure includes its cost, and so does any other work on the
machine (${load}). Ceilings are measured in the same run. docs/scaling.md derives its sizing table from these figures.
Budgets this machine misses, and what bounds each (the batch before, the COMMIT's WAL flush, two cores shared by the
load generator, both brokers and both databases): docs/architecture.md, "The latency tail".

| measure | figure | beside |
| --- | --- | --- |
${table}
`,
  );
  console.log("Wrote BENCHMARKS.md");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
