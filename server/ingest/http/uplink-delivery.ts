// Where the HTTP ingest adapters hand what a device posted. When the ingest
// role runs in this process, straight into its pipeline, and the device is
// answered once the fix's batch has committed; otherwise (another process
// ingests, or this one waits for its database or is stopping) it is published
// on the device's own topic for whichever process ingests, and answered once
// the broker has acknowledged it. Either way a 200 means the fix is safe, and
// false after the bound means a 503 the device retries. In this process a fix
// costs its HTTP exchange only, not an MQTT round trip as well (BENCHMARKS.md,
// "Protocol adapters beside the native topic").
import { OWNTRACKS_ROOT } from "../../contracts/mqtt-topics";
import type { MqttPublisher } from "../../infra/mqtt-publisher";
import type { InboundMessage } from "../pipeline/types";
import { createSafeWithin } from "./safe-within";
import { nativeUplink, type NativeUplink } from "../adapters/adapted-message";

/** The ingest role's entrances, as this process's ingestor offers them (mqtt-ingestor.ts). */
export type LocalIngest = {
  /** False while it waits for its database or stops: the broker keeps what arrives meanwhile. */
  readonly accepting: boolean;
  /** A message on a native topic. */
  ingest: (message: InboundMessage) => Promise<void>;
  /** An OwnTracks message of an authenticated device; `json`, its payload when already parsed. */
  ownTracks: (message: InboundMessage, login: OwnTracksLogin, json?: Record<string, unknown>) => Promise<void>;
};

type OwnTracksLogin = { user: string; deviceName: string };

export type UplinkDelivery = {
  /** A native uplink (`guard/{id}/gps`, `device/{id}/telemetry`): true once it is safe. */
  native: (topic: string, payload: Record<string, unknown>) => Promise<boolean>;
  /**
   * An OwnTracks message as the app posted it (`body`, and the JSON object it holds), as if on
   * `owntracks/{user}/{deviceName}`: true once safe.
   */
  ownTracks: (login: OwnTracksLogin, posted: { body: Buffer; json: Record<string, unknown> }) => Promise<boolean>;
};

/** After this, a 503: the device sends the fix again. */
const SAFE_WITHIN_MS = 5_000;

/** Resolves when the pipeline settles the message: after its batch commits (stored or quarantined). */
function settled(
  { topic, payload, json }: NativeUplink,
  hand: (message: InboundMessage) => Promise<void>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const message = {
      topic,
      payload,
      ...(json && { json }),
      qos: 1 as const,
      arrivedAt: performance.now(),
      settle: () => resolve(),
    };
    hand(message).catch(reject);
  });
}

export function createUplinkDelivery({
  publisher,
  localIngest,
}: {
  publisher: MqttPublisher;
  /** This process's ingest role, once it has started (undefined when it runs elsewhere). */
  localIngest: () => LocalIngest | undefined;
}): UplinkDelivery {
  const safeWithin = createSafeWithin(SAFE_WITHIN_MS);
  const here = () => {
    const local = localIngest();
    return local?.accepting ? local : undefined;
  };
  return {
    native(topic, payload) {
      const local = here();
      return safeWithin(
        local ? settled(nativeUplink(topic, payload), local.ingest) : publisher.publish(topic, payload, { qos: 1 }),
      );
    },
    ownTracks(login, { body, json }) {
      const topic = `${OWNTRACKS_ROOT}/${login.user}/${login.deviceName}`;
      const local = here();
      return safeWithin(
        local
          ? settled({ topic, payload: body }, (message) => local.ownTracks(message, login, json))
          : publisher.publish(topic, body, { qos: 1 }),
      );
    },
  };
}
