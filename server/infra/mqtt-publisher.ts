// A small MQTT client for downlink (commands, configuration), separate from
// the ingestor's session so a slow downlink never holds up ingestion.
import mqtt, { type MqttClient } from "mqtt";

export type MqttPublisher = {
  publish: (topic: string, payload: unknown, options: { qos: 0 | 1; retain?: boolean }) => Promise<void>;
  close: () => Promise<void>;
};

export function createMqttPublisher({
  url,
  clientId,
  username,
  password,
  protocolVersion,
}: {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  protocolVersion: 4 | 5;
}): MqttPublisher {
  let client: MqttClient | undefined;
  const connected = () => {
    client ??= mqtt.connect(url, {
      clientId,
      clean: true,
      protocolVersion,
      reconnectPeriod: 1000,
      ...(username ? { username, password: password ?? "" } : {}),
    });
    return client;
  };
  return {
    async publish(topic, payload, { qos, retain = false }) {
      await connected().publishAsync(topic, JSON.stringify(payload), { qos, retain });
    },
    async close() {
      await client?.endAsync();
    },
  };
}
