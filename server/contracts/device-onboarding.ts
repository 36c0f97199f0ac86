// What configures a phone's app in one scan (issue 18, item 6): OwnTracks's
// remote-configuration link (owntracks.org/booklet/features/remoteconfig:
// `owntracks:///config?inline=` and the base64 of an .otrc file) in MQTT and
// in HTTP mode, and the two settings of Traccar Client. They carry the
// device's secrets, so they exist only in the answer that issues them.
import { z } from "zod";

export const onboardingDto = z.object({
  ownTracksMqtt: z.string().describe("owntracks:///config?inline=… that sets OwnTracks to MQTT mode with this login."),
  ownTracksHttp: z.string().describe("The same for HTTP mode (networks that block MQTT)."),
  traccarClient: z.object({
    serverUrl: z.string().describe("Traccar Client's server URL: Vigil's OsmAnd endpoint."),
    deviceIdentifier: z.string().describe("Traccar Client's device identifier: the tracking key."),
  }),
});
export type OnboardingDto = z.infer<typeof onboardingDto>;

/** Where phones reach Vigil, written into the links. */
export type DeviceAddresses = {
  /** Vigil's web port (PUBLIC_URL, or the address the request came to). */
  webUrl: string;
  /** The MQTT broker: mqtt://host:port, or mqtts:// with TLS. */
  mqttUrl: string;
};
