// verify's checks of the protocol adapters, each end to end with the verify
// phone's own credentials: an OwnTracks fix over MQTT and over HTTP, a Traccar
// Client (OsmAnd) fix with the phone's tracking key, each stored as the verify
// guard's position; and a Zigbee2MQTT gateway (verify-gw, at the verify site)
// whose climate sensor's state becomes that sensor's latest telemetry.
// Payloads are the protocols' documents': owntracks.org/booklet/tech/json
// (`_type: location`) and tech/http (Basic auth, X-Limit-U/X-Limit-D),
// traccar.org/osmand (id, lat, lon, timestamp, accuracy), and
// zigbee2mqtt.io/devices/WSDCGQ11LM.html (temperature, humidity, pressure,
// battery, voltage).
import { randomBytes } from "node:crypto";
import mqtt from "mqtt";
import { gatewaySensorId } from "../../contracts/mqtt-identity";
import { api, ensureDevice, ensureSite } from "../lib/vigil-api";
import { GUARD, hasFix, PHONE, until, type Check, type VerifyContext } from "./context";

const GATEWAY = "verify-gw";
const CLIMATE = "verify climate";

/**
 * A point of this run a few metres north of its fix, inside the verify site's 50 m fence (the geofence check put
 * it there): each adapter's fix is told apart from the others and none is a violation.
 */
const offset = (ctx: VerifyContext, metresNorth: number) => ({
  lat: +(ctx.fix.lat + metresNorth / 111_320).toFixed(6),
  lon: ctx.fix.lon,
});

async function fixStored(ctx: VerifyContext, at: { lat: number; lon: number }, what: string): Promise<string> {
  await until(`the ${what} fix in GET /api/v1/guards/${GUARD}/locations`, () => hasFix(ctx, at), ctx.waitMs);
  return `fix ${at.lat}, ${at.lon} stored`;
}

export const adapterChecks: Check[] = [
  {
    name: "OwnTracks over MQTT: a fix is stored",
    run: async (ctx) => {
      const at = offset(ctx, 8);
      const location = { _type: "location", ...at, acc: 7, batt: 80, tst: Math.floor(Date.now() / 1000) - 3 };
      await ctx.client!.publishAsync(`owntracks/${PHONE}/verify`, JSON.stringify(location), { qos: 1 });
      return fixStored(ctx, at, "OwnTracks MQTT");
    },
  },
  {
    name: "OwnTracks over HTTP: a fix is stored, the answer is a JSON array",
    run: async (ctx) => {
      const at = offset(ctx, 16);
      const { username, password } = ctx.phone!;
      const response = await fetch(`${ctx.url}/api/v1/ingest/owntracks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`,
          "x-limit-u": username,
          "x-limit-d": "verify-http",
        },
        body: JSON.stringify({ _type: "location", ...at, acc: 7, tst: Math.floor(Date.now() / 1000) - 2 }),
      });
      const answer: unknown = await response.json().catch(() => null);
      if (response.status !== 200 || !Array.isArray(answer))
        throw new Error(`POST /api/v1/ingest/owntracks: HTTP ${response.status} ${JSON.stringify(answer)}`);
      return fixStored(ctx, at, "OwnTracks HTTP");
    },
  },
  {
    name: "Traccar Client (OsmAnd): a fix is stored",
    run: async (ctx) => {
      const at = offset(ctx, 24);
      const query = new URLSearchParams({
        id: ctx.phone!.trackingKey,
        lat: String(at.lat),
        lon: String(at.lon),
        timestamp: String(Math.floor(Date.now() / 1000) - 1),
        accuracy: "7",
      });
      const response = await fetch(`${ctx.url}/api/v1/ingest/osmand?${query}`);
      if (response.status !== 200) throw new Error(`GET /api/v1/ingest/osmand: HTTP ${response.status}`);
      return fixStored(ctx, at, "OsmAnd");
    },
  },
  {
    name: "Zigbee2MQTT: a gateway's sensor reports",
    run: async (ctx) => {
      const center: [number, number] = [ctx.fix.lon, ctx.fix.lat];
      const siteId = await ensureSite(ctx.url, ctx.token, { name: "Verify site", center, radiusM: 50 });
      const gateway = await ensureDevice(ctx.url, ctx.token, { externalId: GATEWAY, kind: "gateway" });
      await api(ctx.url, `/api/v1/devices/${GATEWAY}`, { method: "PATCH", token: ctx.token, body: { siteId } });
      const client = await mqtt.connectAsync(ctx.mqttUrl, {
        username: gateway.username,
        password: gateway.password,
        clientId: `${GATEWAY}@${randomBytes(3).toString("hex")}`,
        reconnectPeriod: 0,
        connectTimeout: 10_000,
      });
      try {
        const temperature = +(18 + Math.random() * 10).toFixed(2);
        const state = { temperature, humidity: 44.72, pressure: 1008, battery: 97, voltage: 3005 };
        await client.publishAsync(`zigbee2mqtt/${GATEWAY}/${CLIMATE}`, JSON.stringify(state), { qos: 1 });
        // The friendly name's space is `_` in the sensor's id, with a tag of the name (contracts/mqtt-identity.ts).
        const sensorId = gatewaySensorId(GATEWAY, CLIMATE)!;
        const sensor = encodeURIComponent(sensorId);
        await until(
          `the reading in GET /api/v1/devices/${sensorId}`,
          async () => {
            const { body } = await api<{ latestTelemetry: { temperatureC: number | null } | null }>(
              ctx.url,
              `/api/v1/devices/${sensor}`,
              { token: ctx.token },
            );
            return body?.latestTelemetry?.temperatureC === temperature;
          },
          ctx.waitMs,
        );
        return `${sensorId} at ${temperature} °C`;
      } finally {
        await client.endAsync().catch(() => {});
      }
    },
  },
];
