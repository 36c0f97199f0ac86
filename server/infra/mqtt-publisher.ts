// A small MQTT client for downlink (commands, configuration), separate from
// the ingestor's session so a slow downlink never holds up ingestion.
import mqtt, { type MqttClient } from "mqtt";
import type { Logger } from "../observability/logger";

export type MqttPublisher = {
  /** A Buffer is sent as it is; anything else as its JSON. */
  publish: (topic: string, payload: unknown, options: { qos: 0 | 1; retain?: boolean }) => Promise<void>;
  close: () => Promise<void>;
};

export function createMqttPublisher({
  url,
  clientId,
  username,
  password,
  protocolVersion,
  logger,
}: {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  protocolVersion: 4 | 5;
  logger: Logger;
}): MqttPublisher {
  let client: MqttClient | undefined;
  const connected = () => {
    if (client) return client;
    client = mqtt.connect(url, {
      clientId,
      clean: true,
      protocolVersion,
      reconnectPeriod: 1000,
      // mqtt.js gives up for good after a refused CONNECT otherwise: downlink would stay dead until a restart.
      reconnectOnConnackError: true,
      ...(username ? { username, password: password ?? "" } : {}),
    });
    // mqtt.js emits "error" for a refused CONNECT and for stream errors; an
    // emitter without a listener throws it from the socket's callback.
    client.on("error", (error) => logger.warn({ err: error, client_id: clientId }, "mqtt publisher error"));
    return client;
  };
  return {
    async publish(topic, payload, { qos, retain = false }) {
      await connected().publishAsync(topic, Buffer.isBuffer(payload) ? payload : JSON.stringify(payload), {
        qos,
        retain,
      });
    },
    async close() {
      // Forced: a publish waiting for a broker that never accepts must not hold up the stop.
      await client?.endAsync(!client.connected);
    },
  };
}
