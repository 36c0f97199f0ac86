// Topic rules for device credentials on the embedded broker and in the
// Mosquitto export, from the one topic table (contracts/mqtt-topics.ts): a
// device publishes only uplink topics the ingest whitelist accepts, under its
// own id (or its guard's, for a guard phone), and subscribes only to its own
// downlink topics, named exactly.
import {
  ANSWER_LEAVES,
  OWNTRACKS_COMMAND_LEAF,
  OWNTRACKS_ROOT,
  OWNTRACKS_UPLINK_LEAVES,
  parseOwnTracksTopic,
  parseUplinkTopic,
  parseZigbee2MqttTopic,
  TOPIC_FAMILIES,
  UPLINK_FAMILIES,
  type UplinkFamily,
  GONE_TOPIC,
  ZIGBEE2MQTT_ROOT,
} from "../contracts/mqtt-topics";

export type DeviceIdentity = { externalId: string; guardExternalId: string | null };

const ZIGBEE2MQTT_PREFIX = `${ZIGBEE2MQTT_ROOT}/`;

/** The ids a device publishes under in a family, from the family's owner in the topic table. */
function ownedIds(device: DeviceIdentity, family: UplinkFamily): string[] {
  const { owner } = TOPIC_FAMILIES[family];
  const guard = device.guardExternalId === null ? [] : [device.guardExternalId];
  if (owner === "device") return [device.externalId];
  if (owner === "guard") return guard;
  return [device.externalId, ...guard];
}

export function isValidClientId(clientId: string): boolean {
  return (
    clientId.length > 0 &&
    clientId.length <= 128 &&
    !/[+#/]/.test(clientId) &&
    // Control characters, and U+FFFD: what ill-formed UTF-8 decodes to ([MQTT-1.5.3-1]).
    ![...clientId].some((c) => c <= "\u001f" || c === "\u007f" || c === "\ufffd") &&
    !clientId.startsWith("$")
  );
}

/** A device publishes only uplink topics the whitelist accepts, under its own ids. */
export function mayPublish(device: DeviceIdentity, topic: string): boolean {
  const ownTracks = parseOwnTracksTopic(topic);
  if (!("refused" in ownTracks)) return ownTracks.user === device.externalId;
  // Zigbee2MQTT publishes only under its base topic, `zigbee2mqtt/{its login}` (the ingest hook refuses
  // a login that is not a gateway, in the quarantine where its tenant sees it).
  if (topic.startsWith(ZIGBEE2MQTT_PREFIX)) {
    const zigbee = parseZigbee2MqttTopic(topic);
    return !("refused" in zigbee) && zigbee.gateway === device.externalId;
  }
  const parsed = parseUplinkTopic(topic);
  return !("refused" in parsed) && ownedIds(device, parsed.topicFamily).includes(parsed.topicId);
}

/** A device subscribes only to the downlink Vigil publishes under its own ids, named exactly. */
export function maySubscribe(device: DeviceIdentity, topic: string): boolean {
  const parts = topic.split("/");
  if (parts[0] === OWNTRACKS_ROOT) return maySubscribeOwnTracks(device, parts);
  if (parts[0] === ZIGBEE2MQTT_ROOT) return maySubscribeZigbee2Mqtt(device, parts);
  if (parts.length !== 3) return false;
  const [family, id, leaf] = parts as [string, string, string];
  return (
    (UPLINK_FAMILIES as readonly string[]).includes(family) &&
    (TOPIC_FAMILIES[family as UplinkFamily].downlink as readonly string[]).includes(leaf) &&
    ownedIds(device, family as UplinkFamily).includes(id)
  );
}

/** An OwnTracks app listens for its commands: `owntracks/{own id}/{any device name, or +}/cmd`. */
function maySubscribeOwnTracks(device: DeviceIdentity, parts: string[]): boolean {
  const [, user, deviceName, leaf] = parts;
  return (
    parts.length === 4 &&
    user === device.externalId &&
    leaf === OWNTRACKS_COMMAND_LEAF &&
    deviceName !== undefined &&
    (deviceName === "+" || !("refused" in parseOwnTracksTopic(`${OWNTRACKS_ROOT}/${user}/${deviceName}`)))
  );
}

/**
 * Zigbee2MQTT subscribes to its whole base (`{base}/#`) for the commands sent to its devices: a gateway reads
 * anything under its own base, wildcards included, and nothing above or beside it.
 */
function maySubscribeZigbee2Mqtt(device: DeviceIdentity, parts: string[]): boolean {
  const [root, gateway, ...rest] = parts;
  if (gateway !== device.externalId || rest.some((level, i) => level === "#" && i !== rest.length - 1)) return false;
  // The filter's wildcards stand for any level; what is left must be a topic under the base.
  const levels = rest.map((level) => (level === "+" || level === "#" ? "any" : level));
  return !("refused" in parseZigbee2MqttTopic([root, gateway, ...levels].join("/")));
}

/**
 * The same rules as Mosquitto ACL-file lines, for an external Mosquitto. A family whose leaf is any kind is
 * written with `+` there (Mosquitto has no exclusions): the ingest whitelist still refuses the downlink leaves.
 */
export function mosquittoAclLines(device: DeviceIdentity): string[] {
  const lines = [`user ${device.externalId}`];
  for (const family of UPLINK_FAMILIES) {
    const { idLevel, leaf, answers, events, downlink } = TOPIC_FAMILIES[family];
    for (const id of ownedIds(device, family)) {
      lines.push(`topic write ${idLevel === 1 ? `${family}/${id}/${leaf}` : `${family}/${leaf}/${id}`}`);
      if (answers && leaf !== "+") {
        for (const answer of Object.keys(ANSWER_LEAVES)) lines.push(`topic write ${family}/${id}/${answer}`);
      }
      if (leaf !== "+") for (const event of events) lines.push(`topic write ${family}/${id}/${event}`);
      for (const down of downlink) lines.push(`topic read ${family}/${id}/${down}`);
    }
  }
  const ownTracks = `${OWNTRACKS_ROOT}/${device.externalId}/+`;
  lines.push(`topic write ${ownTracks}`, ...OWNTRACKS_UPLINK_LEAVES.map((leaf) => `topic write ${ownTracks}/${leaf}`));
  lines.push(`topic read ${ownTracks}/${OWNTRACKS_COMMAND_LEAF}`);
  lines.push(`topic readwrite ${ZIGBEE2MQTT_ROOT}/${device.externalId}/#`);
  return lines;
}

/** ACL lines for Vigil's own account: read every uplink topic, write downlink. */
export function mosquittoServiceAclLines(username: string): string[] {
  return [
    `user ${username}`,
    ...UPLINK_FAMILIES.map((family) => `topic read ${family}/+/+`),
    ...UPLINK_FAMILIES.flatMap((family) =>
      TOPIC_FAMILIES[family].downlink.map((leaf) => `topic write ${family}/+/${leaf}`),
    ),
    // What the HTTP adapters (server/ingest/http) publish for devices that post: fixes and telemetry.
    `topic write guard/+/${TOPIC_FAMILIES.guard.leaf}`,
    `topic write device/+/${TOPIC_FAMILIES.device.leaf}`,
    // Read the apps' uplink; write their commands, and what they post in HTTP mode (server/ingest/http).
    `topic readwrite ${OWNTRACKS_ROOT}/+/+`,
    ...OWNTRACKS_UPLINK_LEAVES.map((leaf) => `topic read ${OWNTRACKS_ROOT}/+/+/${leaf}`),
    `topic write ${OWNTRACKS_ROOT}/+/+/${OWNTRACKS_COMMAND_LEAF}`,
    // Read what gateways' Zigbee2MQTT publishes; write the commands for their devices (`{base}/{name}/set`).
    `topic readwrite ${ZIGBEE2MQTT_ROOT}/+/#`,
    // Ingest processes' wills on a shared subscription (session-adoption.ts).
    `topic readwrite ${GONE_TOPIC}`,
  ];
}
