// How a simulated guard phone sends its GPS fix, per `--protocol`: Vigil's own
// `guard/{id}/gps`; OwnTracks over MQTT (`owntracks/{user}/{device}`,
// `_type: location` of owntracks.org/booklet/tech/json: `tst` epoch seconds,
// `acc` m, `vel` km/h, `cog`, `batt`); or Traccar Client's OsmAnd query
// (traccar.org/osmand: `id` = the device's tracking key, `speed` in knots,
// `bearing`, `accuracy`, `batt`) over HTTP with keep-alive.
import { log, publish, type SimDevice } from "./sim-device";

export const FIX_PROTOCOLS = ["native", "owntracks", "osmand"] as const;
export type FixProtocol = (typeof FIX_PROTOCOLS)[number];

export type Fix = { lat: number; lon: number; accuracy: number; speedMps: number; heading: number; battery: number };

/** The device name the simulator's OwnTracks app uses (the last level of its topic). */
const OWNTRACKS_DEVICE = "sim";

export function createFixSender(protocol: FixProtocol, url: string): (phone: SimDevice, fix: Fix) => void {
  if (protocol === "owntracks") {
    return (phone, fix) => {
      if (phone.silent || phone.client.disconnecting) return;
      const location = {
        _type: "location",
        lat: fix.lat,
        lon: fix.lon,
        acc: fix.accuracy,
        vel: Math.round(fix.speedMps * 3.6),
        cog: fix.heading,
        batt: fix.battery,
        tst: Math.floor(Date.now() / 1000),
      };
      phone.client.publish(`owntracks/${phone.externalId}/${OWNTRACKS_DEVICE}`, JSON.stringify(location), { qos: 1 });
    };
  }
  if (protocol === "osmand") {
    return (phone, fix) => {
      if (phone.silent) return;
      const query = new URLSearchParams({
        id: phone.credentials.trackingKey,
        lat: String(fix.lat),
        lon: String(fix.lon),
        timestamp: String(Math.floor(Date.now() / 1000)),
        speed: (fix.speedMps / 0.514444).toFixed(2),
        bearing: String(fix.heading),
        accuracy: String(fix.accuracy),
        batt: String(fix.battery),
      });
      fetch(`${url}/api/v1/ingest/osmand?${query}`).then(
        async (response) => {
          await response.arrayBuffer();
          if (response.status !== 200) log(`OsmAnd fix of ${phone.externalId}: HTTP ${response.status}`);
        },
        (error: Error) => log(`OsmAnd fix of ${phone.externalId} failed: ${error.message}`),
      );
    };
  }
  return (phone, fix) =>
    publish(phone, `guard/${phone.guardExternalId}/gps`, {
      lat: fix.lat,
      lon: fix.lon,
      accuracy: fix.accuracy,
      speed: fix.speedMps,
      heading: fix.heading,
      battery: fix.battery,
    });
}
