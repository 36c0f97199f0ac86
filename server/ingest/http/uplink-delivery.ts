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
  native: (topic: string, payload: object) => Promise<boolean>;
  /**
   * An OwnTracks message as the app posted it (`body`, and the JSON object it holds), as if on
   * `owntracks/{user}/{deviceName}`: true once safe.
   */
  ownTracks: (login: OwnTracksLogin, posted: { body: Buffer; json: Record<string, unknown> }) => Promise<boolean>;
};

const SAFE_WITHIN_MS = 5_000;

/** True once `safe` resolves, false if it rejects or takes longer than the bound. */
async function safeWithin(safe: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), SAFE_WITHIN_MS)));
  try {
    return await Promise.race([safe.then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when the pipeline settles the message: after its batch commits (stored or quarantined). */
function settled(topic: string, payload: Buffer, hand: (message: InboundMessage) => Promise<void>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const message = {
      topic,
      payload,
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
  const here = () => {
    const local = localIngest();
    return local?.accepting ? local : undefined;
  };
  return {
    native(topic, payload) {
      const local = here();
      return safeWithin(
        local
          ? settled(topic, Buffer.from(JSON.stringify(payload)), local.ingest)
          : publisher.publish(topic, payload, { qos: 1 }),
      );
    },
    ownTracks(login, { body, json }) {
      const topic = `${OWNTRACKS_ROOT}/${login.user}/${login.deviceName}`;
      const local = here();
      return safeWithin(
        local
          ? settled(topic, body, (message) => local.ownTracks(message, login, json))
          : publisher.publish(topic, body, { qos: 1 }),
      );
    },
  };
}
