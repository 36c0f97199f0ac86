// Drives Vigil's ingest with simulated guard phones publishing GPS to the
// broker: sustained throughput, and latency at a set rate measured at a
// Socket.IO client (after the commit: publish -> commit -> broadcast).
import mqtt, { type MqttClient } from "mqtt";
import postgres from "postgres";
import { io } from "socket.io-client";
import { summary } from "./stats";

export async function registerGuards(databaseUrl: string, count: number): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [tenant] = await sql<{ id: string }[]>`select id from tenants order by created_at limit 1`;
  const ids = Array.from({ length: count }, (_, i) => `bench-g-${i}`);
  await sql`
    insert into guards (tenant_id, external_id, name)
    select ${tenant!.id}, id, 'Bench ' || id from unnest(${ids}::text[]) as id
    on conflict do nothing`;
  await sql.end();
  return ids;
}

export async function countLocations(databaseUrl: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await sql<{ n: string }[]>`select count(*)::text as n from guard_locations`;
  await sql.end();
  return Number(row!.n);
}

async function publishers(url: string, n: number): Promise<MqttClient[]> {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      mqtt.connectAsync(url, { clientId: `bench-phone-${process.pid}-${i}`, clean: true }),
    ),
  );
}

function fix(now = Date.now()): string {
  return JSON.stringify({
    lat: 12.9716 + (Math.random() - 0.5) * 0.05,
    lon: 77.5946 + (Math.random() - 0.5) * 0.05,
    accuracy: 8,
    timestamp: new Date(now).toISOString(),
  });
}

/** Publishes `count` fixes as fast as the publishers go; resolves with committed messages per second. */
export async function sustainedThroughput({
  mqttUrl,
  databaseUrl,
  guards,
  count,
  qos,
}: {
  mqttUrl: string;
  databaseUrl: string;
  guards: string[];
  count: number;
  qos: 0 | 1;
}): Promise<{ perSecond: number; stored: number }> {
  const clients = await publishers(mqttUrl, 4);
  const before = await countLocations(databaseUrl);
  const t0 = performance.now();
  for (let i = 0; i < count; i += 1) {
    const guard = guards[i % guards.length]!;
    clients[i % clients.length]!.publish(`guard/${guard}/gps`, fix(), { qos });
    if (i % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  let stored = 0;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    stored = (await countLocations(databaseUrl)) - before;
    if (stored >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(clients.map((c) => c.endAsync()));
  return { perSecond: stored / seconds, stored };
}

/** Publishes at `rate` msg/s for `seconds`; returns publish -> Socket.IO client latency (ms). */
export async function latencyAtRate({
  mqttUrl,
  vigilUrl,
  token,
  guards,
  rate,
  seconds,
}: {
  mqttUrl: string;
  vigilUrl: string;
  token: string;
  guards: string[];
  rate: number;
  seconds: number;
}): Promise<{ n: number; p50: number; p99: number }> {
  const socket = io(vigilUrl, { auth: { token }, transports: ["websocket"] });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const samples: number[] = [];
  socket.on("guard:positions", (positions: { recordedAt: string }[]) => {
    const now = Date.now();
    for (const p of positions) samples.push(now - Date.parse(p.recordedAt));
  });
  const clients = await publishers(mqttUrl, 2);
  const tickMs = 10;
  let sent = 0;
  const start = Date.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.floor(((Date.now() - start) / 1000) * rate);
      for (; sent < due && sent < rate * seconds; sent += 1) {
        const guard = guards[sent % guards.length]!;
        clients[sent % clients.length]!.publish(`guard/${guard}/gps`, fix(), { qos: 1 });
      }
      if (sent >= rate * seconds) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  socket.close();
  // Forced: the publishers' own in-flight acknowledgements are not measured, and a broker that has dropped them
  // (as aedes did once under the 5,000 msg/s stream on a loaded machine) must not hang the bench.
  await Promise.all(clients.map((c) => c.endAsync(true)));
  // The first second warms caches (source lookups); keep the steady state.
  return summary(samples.slice(Math.floor(samples.length / seconds)));
}
