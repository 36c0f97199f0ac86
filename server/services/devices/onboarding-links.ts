// Builds a device's onboarding links from the login just issued and the
// addresses phones reach Vigil at (server/contracts/device-onboarding.ts).
// The OwnTracks settings are the ones Vigil needs: retained messages off (the
// broker refuses them from devices), QoS 1, remote commands on, no
// subscription to other users' locations (the ACL refuses it), the client id
// equal to the username (the app's default, "user device", is refused).
import type { DeviceAddresses, OnboardingDto } from "../../contracts/device-onboarding";

type Login = { username: string; password: string; trackingKey: string };

/** The guard phone's expected reporting interval, in seconds. */
const REPORT_INTERVAL_S = 30;

function ownTracksLink(configuration: Record<string, unknown>): string {
  const inline = Buffer.from(JSON.stringify({ _type: "configuration", ...configuration })).toString("base64");
  // Percent-encoded: a "+" of base64 would read as a space in a query string.
  return `owntracks:///config?inline=${encodeURIComponent(inline)}`;
}

/** Two letters the app shows on the map: the last two letters or digits of the id. */
function trackerId(username: string): string {
  return (username.replace(/[^A-Za-z0-9]/g, "").slice(-2) || "VG").toUpperCase();
}

export function onboardingLinks({ username, password, trackingKey }: Login, where: DeviceAddresses): OnboardingDto {
  const web = where.webUrl.replace(/\/+$/, "");
  const mqtt = new URL(where.mqttUrl);
  const tls = mqtt.protocol === "mqtts:";
  const common = {
    auth: true,
    username,
    password,
    deviceId: "phone",
    tid: trackerId(username),
    cmd: true,
    locatorInterval: REPORT_INTERVAL_S,
  };
  return {
    ownTracksMqtt: ownTracksLink({
      mode: 0,
      host: mqtt.hostname,
      port: Number(mqtt.port || (tls ? 8883 : 1883)),
      tls,
      clientId: username,
      pubRetain: false,
      pubQos: 1,
      sub: false,
      ...common,
    }),
    ownTracksHttp: ownTracksLink({ mode: 3, url: `${web}/api/v1/ingest/owntracks`, ...common }),
    traccarClient: { serverUrl: `${web}/api/v1/ingest/osmand`, deviceIdentifier: trackingKey },
  };
}

/** A device answer with its credentials, and the links that carry them to a phone. */
export function withOnboarding<T extends { mqtt: { username: string; password: string }; trackingKey: string }>(
  device: T,
  where: DeviceAddresses,
): T & { onboarding: OnboardingDto } {
  const { mqtt, trackingKey } = device;
  return { ...device, onboarding: onboardingLinks({ ...mqtt, trackingKey }, where) };
}
