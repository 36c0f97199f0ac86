// The protocol adapters' throughput beside the native topic, in the same run
// on the same Vigil (on Mosquitto): GPS fixes end to end (validated,
// committed) sent as Vigil's own `guard/{id}/gps`, as OwnTracks over MQTT
// (`owntracks/{user}/{device}`, `_type: location`), as OwnTracks's HTTP mode
// and as Traccar Client's OsmAnd query, the HTTP ones from 200 phones over 32
// keep-alive connections and over one each (three runs each way, the two HTTP
// adapters taking turns). Each device sends fixes with its own, increasing
// times, so none is a duplicate. Payloads: owntracks.org/booklet/tech/json and
// tech/http; traccar.org/osmand (id, lat, lon, timestamp, accuracy).
import mqtt from "mqtt";
import postgres from "postgres";
import { waitFor } from "../../test/harness/wait-for";
import type { Row, Target } from "./broker-comparison";
import { hammer, type HammerRequest } from "./http-hammer";
import { countLocations, sustainedThroughput } from "./ingest-load";
import { round, summary } from "./stats";

const PHONES = 200;
const MQTT_FIXES = 50_000;
const HTTP_SECONDS = 15;

/** `basicAuth`: its Authorization header, made once (the phones' own work is not Vigil's, though it shares the cores). */
type Phone = { externalId: string; username: string; password: string; trackingKey: string; basicAuth: string };

async function registerPhones({ vigil, token, guards }: Target): Promise<Phone[]> {
  const phones: Phone[] = [];
  for (let i = 0; i < PHONES; i++) {
    const externalId = `bench-adapter-p-${i}`;
    const response = await fetch(`${vigil.url}/api/v1/devices`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ externalId, kind: "guard-phone", guardExternalId: guards[i] }),
    });
    const body = (await response.json()) as { mqtt: { username: string; password: string }; trackingKey: string };
    if (response.status !== 201) throw new Error(`register ${externalId}: ${response.status} ${JSON.stringify(body)}`);
    const basicAuth = `Basic ${Buffer.from(`${body.mqtt.username}:${body.mqtt.password}`).toString("base64")}`;
    phones.push({ externalId, ...body.mqtt, trackingKey: body.trackingKey, basicAuth });
  }
  return phones;
}

/** Waits until `expected` more rows are stored than `before`; the rate is from `startedAt` to then. */
async function storedRate(databaseUrl: string, before: number, expected: number, startedAt: number) {
  let stored = 0;
  await waitFor(
    async () => {
      stored = (await countLocations(databaseUrl)) - before;
      return stored >= expected;
    },
    { timeoutMs: 120_000, intervalMs: 50, what: `${expected} stored fixes` },
  );
  return stored / ((performance.now() - startedAt) / 1000);
}

async function ownTracksOverMqtt(target: Target, phones: Phone[]): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: 4 }, (_, i) => mqtt.connectAsync(target.vigil.mqttUrl, { clientId: `bench-ot-${i}` })),
  );
  const before = await countLocations(target.vigil.databaseUrl);
  const t0 = performance.now();
  // OwnTracks times are whole seconds and a device's second names its fix: each phone counts back from now.
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < MQTT_FIXES; i++) {
    const phone = phones[i % phones.length]!;
    const tst = now - 1000 + Math.floor(i / phones.length);
    const batt = 40 + ((i % phones.length) % 50);
    const location = { _type: "location", lat: 12.97 + (i % 100) * 1e-4, lon: 77.59, acc: 8, batt, tst };
    clients[i % clients.length]!.publish(`owntracks/${phone.externalId}/bench`, JSON.stringify(location), { qos: 1 });
    if (i % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const rate = await storedRate(target.vigil.databaseUrl, before, MQTT_FIXES, t0);
  await Promise.all(clients.map((c) => c.endAsync()));
  return rate;
}

type HttpProtocol = "osmand" | "owntracks";

/**
 * A phone's request for the nth fix since `base` (ms), with the fields its app sends: Traccar Client's OsmAnd
 * query (traccar.org/osmand: id, timestamp, lat, lon, speed, bearing, altitude, accuracy, batt) with a time of its
 * own to the millisecond, or OwnTracks's HTTP post of a location (booklet tech/json and tech/http), whose `tst`
 * is in whole seconds: the phone's own count of posts, so that no two of its fixes share a second. Each phone's
 * battery level stays put, as over a few seconds it does.
 */
function requestOf(protocol: HttpProtocol, phones: Phone[], n: number, base: number): HammerRequest {
  const index = n % phones.length;
  const phone = phones[index]!;
  const battery = 40 + (index % 50);
  if (protocol === "osmand") {
    const at = new Date(base + n).toISOString();
    const query = `id=${phone.trackingKey}&timestamp=${at}&lat=12.9716&lon=77.5946&speed=1.2&bearing=90&altitude=920&accuracy=8&batt=${battery}`;
    return { path: `/api/v1/ingest/osmand?${query}` };
  }
  return {
    path: "/api/v1/ingest/owntracks",
    headers: {
      authorization: phone.basicAuth,
      "content-type": "application/json",
      "x-limit-u": phone.username,
      "x-limit-d": "bench",
    },
    body: JSON.stringify({
      _type: "location",
      tid: "BN",
      acc: 8,
      alt: 920,
      batt: battery,
      conn: "m",
      lat: 12.9716,
      lon: 77.5946,
      t: "t",
      tst: Math.floor(base / 1000) + Math.floor(n / phones.length),
      vac: 10,
      vel: 4,
    }),
  };
}

/** Writes the database's dirty pages now, so that a run does not pay for the writes of the runs before it. */
async function checkpoint(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await sql`checkpoint`;
  await sql.end();
}

/** `base`: when its fixes start (ms); runs are given bases far enough apart that no fix repeats another run's. */
async function overHttp(target: Target, phones: Phone[], protocol: HttpProtocol, connections: number, base: number) {
  await checkpoint(target.vigil.databaseUrl);
  const before = await countLocations(target.vigil.databaseUrl);
  const t0 = performance.now();
  let n = 0;
  const sent = await hammer(
    target.vigil.url,
    protocol === "osmand" ? "GET" : "POST",
    () => requestOf(protocol, phones, (n += 1), base),
    { concurrency: connections, seconds: HTTP_SECONDS },
  );
  const accepted = sent.statuses[200] ?? 0;
  const stored = await storedRate(target.vigil.databaseUrl, before, accepted, t0).catch(() => Number.NaN);
  return { answered: sent.perSecond, accepted, statuses: sent.statuses, stored };
}

export async function adapterThroughput(target: Target): Promise<Row[]> {
  const phones = await registerPhones(target);
  const load = { mqttUrl: target.vigil.mqttUrl, databaseUrl: target.vigil.databaseUrl, guards: target.guards };
  await sustainedThroughput({ ...load, count: 10_000, qos: 0 }); // warm the caches and the JIT
  const native = (await sustainedThroughput({ ...load, count: MQTT_FIXES, qos: 1 })).perSecond;
  const ownTracks = await ownTracksOverMqtt(target, phones);
  const fixes = `${MQTT_FIXES.toLocaleString("en")} fixes`;
  const rows: Row[] = [
    [`Ingest GPS, native guard/{id}/gps, QoS 1, ${fixes}, end to end`, `${round(native, 0)} msg/s`, "the native topic"],
    [
      `Ingest GPS, OwnTracks over MQTT (owntracks/{user}/{device}), QoS 1, ${PHONES} phones, ${fixes}, end to end`,
      `${round(ownTracks, 0)} msg/s`,
      `${round(ownTracks / native, 2)}x the native topic`,
    ],
  ];
  const names = { osmand: "Traccar Client (OsmAnd GET)", owntracks: "OwnTracks HTTP (POST, Basic auth)" };
  let base = Date.now();
  const run = (protocol: HttpProtocol, connections: number) => {
    base -= 20 * 60_000;
    return overHttp(target, phones, protocol, connections, base);
  };
  // Phones sharing a few connections (as behind a proxy's pool): one run each.
  for (const protocol of ["osmand", "owntracks"] as const) {
    const r = await run(protocol, 32);
    rows.push([
      `Ingest GPS, ${names[protocol]}, ${PHONES} phones over 32 keep-alive connections, ${HTTP_SECONDS} s, end to end`,
      `${round(r.stored, 0)} fixes/s stored (${r.answered}/s answered, statuses ${JSON.stringify(r.statuses)})`,
      `${round(r.stored / native, 2)}x the native topic`,
    ]);
  }
  // Each phone on its own connection (the budget): three rounds in which the two take turns (A B, B A, A B), so that
  // both meet this machine's slow and fast minutes alike; the median of each, and its ratio to the other's.
  const runs: Record<HttpProtocol, Awaited<ReturnType<typeof overHttp>>[]> = { osmand: [], owntracks: [] };
  for (const order of [
    ["osmand", "owntracks"],
    ["owntracks", "osmand"],
    ["osmand", "owntracks"],
  ] as const) {
    for (const protocol of order) runs[protocol].push(await run(protocol, PHONES));
  }
  const median = (protocol: HttpProtocol) => summary(runs[protocol].map((r) => r.stored)).p50;
  for (const protocol of ["osmand", "owntracks"] as const) {
    const statuses: Record<number, number> = {};
    for (const r of runs[protocol]) {
      for (const [status, count] of Object.entries(r.statuses))
        statuses[Number(status)] = (statuses[Number(status)] ?? 0) + count;
    }
    const other = protocol === "osmand" ? "owntracks" : "osmand";
    rows.push([
      `Ingest GPS, ${names[protocol]}, ${PHONES} phones each on its own keep-alive connection, ${HTTP_SECONDS} s, end to end, median of 3`,
      `${round(median(protocol), 0)} fixes/s stored (runs ${runs[protocol].map((r) => round(r.stored, 0)).join(", ")}; statuses ${JSON.stringify(statuses)})`,
      `${round(median(protocol) / native, 2)}x the native topic, ${round(median(protocol) / median(other), 2)}x ${names[other]}; budget ≥ 5,000 fixes/s`,
    ]);
  }
  return rows;
}
