// The protocol adapters' throughput beside the native topic, in the same run
// on the same Vigil (on Mosquitto): GPS fixes end to end (validated,
// committed) sent as Vigil's own `guard/{id}/gps`, as OwnTracks over MQTT
// (`owntracks/{user}/{device}`, `_type: location`), as OwnTracks's HTTP mode
// and as Traccar Client's OsmAnd query, the HTTP ones over 32 keep-alive
// connections. Each device sends fixes with its own, increasing times, so
// none is a duplicate. Payloads: owntracks.org/booklet/tech/json and
// tech/http; traccar.org/osmand (id, lat, lon, timestamp, accuracy).
import mqtt from "mqtt";
import { waitFor } from "../../test/harness/wait-for";
import type { Row, Target } from "./broker-comparison";
import { hammer } from "./http-hammer";
import { countLocations, sustainedThroughput } from "./ingest-load";
import { round } from "./stats";

const PHONES = 200;
const MQTT_FIXES = 50_000;
const HTTP_SECONDS = 15;

type Phone = { externalId: string; username: string; password: string; trackingKey: string };

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
    phones.push({ externalId, ...body.mqtt, trackingKey: body.trackingKey });
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
    const location = { _type: "location", lat: 12.97 + (i % 100) * 1e-4, lon: 77.59, acc: 8, tst };
    clients[i % clients.length]!.publish(`owntracks/${phone.externalId}/bench`, JSON.stringify(location), { qos: 1 });
    if (i % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const rate = await storedRate(target.vigil.databaseUrl, before, MQTT_FIXES, t0);
  await Promise.all(clients.map((c) => c.endAsync()));
  return rate;
}

async function overHttp(target: Target, phones: Phone[], protocol: "owntracks" | "osmand") {
  const before = await countLocations(target.vigil.databaseUrl);
  const t0 = performance.now();
  let n = 0;
  // One millisecond apart across all phones: every fix has a time of its own.
  const base = Date.now() - 30 * 60_000;
  const next = () => {
    n += 1;
    return { phone: phones[n % phones.length]!, at: base + n };
  };
  const sent =
    protocol === "osmand"
      ? await hammer(
          () => {
            const { phone, at } = next();
            const query = `id=${phone.trackingKey}&lat=12.9716&lon=77.5946&accuracy=8&timestamp=${new Date(at).toISOString()}`;
            return `${target.vigil.url}/api/v1/ingest/osmand?${query}`;
          },
          { method: "GET", headers: {} },
          { seconds: HTTP_SECONDS },
        )
      : await hammer(
          `${target.vigil.url}/api/v1/ingest/owntracks`,
          {
            method: "POST",
            // Basic auth is per request; the body names the phone through its credentials, so one phone here.
            headers: {
              authorization: `Basic ${Buffer.from(`${phones[0]!.username}:${phones[0]!.password}`).toString("base64")}`,
              "content-type": "application/json",
              "x-limit-d": "bench",
            },
            body: () => {
              const { at } = next();
              return JSON.stringify({ _type: "location", lat: 12.9716, lon: 77.5946, acc: 8, tst: at / 1000 });
            },
          },
          { seconds: HTTP_SECONDS },
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
  const osmand = await overHttp(target, phones, "osmand");
  const ownTracksHttp = await overHttp(target, phones, "owntracks");
  const fixes = `${MQTT_FIXES.toLocaleString("en")} fixes`;
  const http = (r: Awaited<ReturnType<typeof overHttp>>) =>
    `${round(r.stored, 0)} fixes/s stored (${r.answered}/s answered, statuses ${JSON.stringify(r.statuses)})`;
  return [
    [`Ingest GPS, native guard/{id}/gps, QoS 1, ${fixes}, end to end`, `${round(native, 0)} msg/s`, "the native topic"],
    [
      `Ingest GPS, OwnTracks over MQTT (owntracks/{user}/{device}), QoS 1, ${PHONES} phones, ${fixes}, end to end`,
      `${round(ownTracks, 0)} msg/s`,
      `${round(ownTracks / native, 2)}x the native topic`,
    ],
    [
      `Ingest GPS, Traccar Client (OsmAnd GET), ${PHONES} tracking keys, 32 keep-alive connections, ${HTTP_SECONDS} s, end to end`,
      http(osmand),
      `${round(osmand.stored / native, 2)}x the native topic; budget ≥ 5,000 fixes/s`,
    ],
    [
      `Ingest GPS, OwnTracks HTTP (POST, Basic auth), 32 keep-alive connections, ${HTTP_SECONDS} s, end to end`,
      http(ownTracksHttp),
      `${round(ownTracksHttp.stored / native, 2)}x the native topic; budget ≥ 5,000 fixes/s`,
    ],
  ];
}
