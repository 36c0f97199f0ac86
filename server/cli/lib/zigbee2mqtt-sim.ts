// The simulator's Zigbee2MQTT: what a site gateway running Zigbee2MQTT with
// `base_topic: zigbee2mqtt/{gateway}` publishes (zigbee2mqtt.io,
// guide/usage/mqtt_topics_and_messages and the exposes of HEIMAN HS1SA,
// Xiaomi MCCGQ11LM and RTCGQ11LM): its bridge state and health, and the states
// of a smoke detector, a door contact and a motion sensor, with a rare smoke.
import type { MqttClient } from "mqtt";

/** One round of the gateway's messages; answers the names of the devices that alarmed. */
export function publishZigbee2MqttRound(client: MqttClient, gateway: string, { first }: { first: boolean }): string[] {
  if (client.disconnecting) return [];
  const send = (topic: string, payload: unknown) =>
    client.publish(`zigbee2mqtt/${gateway}/${topic}`, JSON.stringify(payload), { qos: 1 });
  if (first) send("bridge/state", { state: "online" });
  send("bridge/health", { response_time: Date.now(), process: { uptime_sec: Math.round(process.uptime()) } });
  const smoke = Math.random() < 0.02;
  send("sim hall smoke", { smoke, battery: 96, battery_low: false, tamper: false, linkquality: 110 });
  send("sim back door", { contact: Math.random() < 0.9, battery: 88, voltage: 2995, linkquality: 84 });
  send("sim porch motion", { occupancy: Math.random() < 0.2, illuminance: 35, battery: 91, linkquality: 97 });
  return smoke ? ["sim hall smoke"] : [];
}
