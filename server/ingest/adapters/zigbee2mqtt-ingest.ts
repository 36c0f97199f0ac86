// What a gateway's Zigbee2MQTT message means to Vigil, looked up against the
// registry: a device's state becomes readings and telemetry of the sensor
// Vigil keeps for it (registered on its first state); `{name}/availability`
// offline marks that sensor offline, online is a sign of life; `bridge/state`
// offline (the bridge stopping, or its last will) marks the gateway offline
// with its sensors under one alert, online and `bridge/health` are the
// gateway's heartbeat, as is any message from it, at most every 30 s: a
// `system/{gateway}/zigbee2mqtt` report of status `online`. The bridge's
// other topics and the commands under the base (Vigil's own included) are
// ignored. A login that is not a gateway, and a payload that is not what
// Zigbee2MQTT sends, are quarantined under the gateway's tenant with why.
import type { ParsedZigbee2MqttTopic } from "../../contracts/mqtt-topics";
import type { InboundMessage, RejectReason } from "../pipeline/types";
import type { SourceRegistry } from "../source-registry";
import { jsonObjectOf, native, nativeUplink, type AdaptedMessage, type NativeUplink } from "./adapted-message";
import type { GatewayLogin, GatewaySensors } from "./gateway-sensors";
import { fromZigbee2MqttState, parseAvailability } from "./zigbee2mqtt";

const HEARTBEAT_METRIC = "zigbee2mqtt";
const MAX_TRACKED = 100_000;

type Zigbee2MqttAdapter = (message: InboundMessage, topic: ParsedZigbee2MqttTopic) => Promise<AdaptedMessage>;

export function createZigbee2MqttAdapter({
  gatewaySensors,
  registry,
  maxPayloadBytes,
  heartbeatMs = 30_000,
}: {
  gatewaySensors: GatewaySensors;
  registry: SourceRegistry;
  maxPayloadBytes: number;
  heartbeatMs?: number;
}): Zigbee2MqttAdapter {
  const lastHeartbeat = new Map<string, number>();

  /** The gateway's sign of life: always when it says so, else at most every heartbeatMs. */
  function heartbeat(gateway: string, { force }: { force: boolean }): NativeUplink[] {
    const now = Date.now();
    if (!force && (lastHeartbeat.get(gateway) ?? 0) + heartbeatMs > now) return [];
    if (lastHeartbeat.size >= MAX_TRACKED) lastHeartbeat.clear();
    lastHeartbeat.set(gateway, now);
    return [nativeUplink(`system/${gateway}/${HEARTBEAT_METRIC}`, { status: "online" })];
  }

  async function rejected(gateway: string, reason: RejectReason, detail: string): Promise<AdaptedMessage> {
    const { device } = await registry.resolve(gateway);
    return { kind: "rejected", rejection: { family: "sensor", source: device, reason, detail } };
  }

  function bridge(gateway: GatewayLogin, name: string, payload: Buffer): Promise<AdaptedMessage> | AdaptedMessage {
    if (name === "health") return native(...heartbeat(gateway.externalId, { force: true }));
    if (name !== "state") return { kind: "ignored", reason: `zigbee2mqtt bridge/${name.split("/")[0]}` };
    const state = parseAvailability(payload);
    if (state === "online") return native(...heartbeat(gateway.externalId, { force: true }));
    if (state === "offline") {
      lastHeartbeat.delete(gateway.externalId);
      const cause = "Zigbee2MQTT on it stopped or lost its connection (bridge/state offline)";
      return { kind: "offline", deviceExternalId: gateway.externalId, cause, withSensors: true };
    }
    return rejected(gateway.externalId, "invalid_schema", 'bridge/state: expected "online" or "offline"');
  }

  async function availability(gateway: GatewayLogin, name: string, payload: Buffer): Promise<AdaptedMessage> {
    const state = parseAvailability(payload);
    if (state === null)
      return rejected(gateway.externalId, "invalid_schema", 'availability: expected "online" or "offline"');
    const sensor = await gatewaySensors.sensorOf(gateway, name, { register: false });
    // A device never seen in a state message has nothing in Vigil to mark.
    if (!sensor || "refused" in sensor)
      return { kind: "ignored", reason: "zigbee2mqtt availability of an unknown device" };
    if (state === "offline") {
      return { kind: "offline", deviceExternalId: sensor.externalId, cause: "Zigbee2MQTT reports it unavailable" };
    }
    return native(
      nativeUplink(`sensor/${sensor.externalId}/availability`, { state }),
      ...heartbeat(gateway.externalId, { force: false }),
    );
  }

  async function deviceState(gateway: GatewayLogin, name: string, payload: Buffer): Promise<AdaptedMessage> {
    const state = jsonObjectOf(payload, maxPayloadBytes);
    if (!state) {
      const detail = `a device's state is a JSON object of at most ${maxPayloadBytes} bytes (advanced.output: json)`;
      return rejected(gateway.externalId, "invalid_json", detail);
    }
    const sensor = await gatewaySensors.sensorOf(gateway, name, { register: true });
    if (!sensor || "refused" in sensor) {
      return rejected(gateway.externalId, "unknown_source", sensor ? sensor.refused : `no sensor for "${name}"`);
    }
    const uplinks = [
      ...fromZigbee2MqttState(state, sensor.externalId, sensor.panicActions),
      ...heartbeat(gateway.externalId, { force: false }),
    ];
    return uplinks.length > 0 ? native(...uplinks) : { kind: "ignored", reason: "zigbee2mqtt empty state" };
  }

  return async (message, topic) => {
    const gateway = await gatewaySensors.gatewayOf(topic.gateway);
    if (!gateway) {
      const detail = `no registered gateway "${topic.gateway}"`;
      return { kind: "rejected", rejection: { family: "unknown", source: null, reason: "unknown_source", detail } };
    }
    if (!gateway.isGateway) {
      const detail = `device "${gateway.externalId}" is not a gateway: Zigbee2MQTT runs on a device of kind gateway`;
      return rejected(gateway.externalId, "topic_not_allowed", detail);
    }
    switch (topic.kind) {
      case "bridge":
        return bridge(gateway, topic.name, message.payload);
      case "command":
        return { kind: "ignored", reason: "zigbee2mqtt command" };
      case "availability":
        return availability(gateway, topic.friendlyName, message.payload);
      case "state":
        return deviceState(gateway, topic.friendlyName, message.payload);
    }
  };
}
