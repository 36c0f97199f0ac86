// The MQTT topic families, in one table that everything naming a topic reads:
// the ingestor's subscriptions, the uplink whitelist (route-topic.ts), the
// device ACL of the embedded broker and of the Mosquitto export
// (device-acl.ts), and the downlink topics Vigil publishes. Isomorphic: the
// browser guard app names its topics from here too.

/** Where ingest processes leave their wills on a shared subscription (server/ingest/session-adoption.ts). */
export const GONE_TOPIC = "vigil/ingest/gone";

export const UPLINK_FAMILIES = ["device", "guard", "sensor", "alert", "system"] as const;
export type UplinkFamily = (typeof UPLINK_FAMILIES)[number];

/** Topics Vigil publishes to devices: `{family}/{id}/{leaf}`. */
export const DOWNLINK_LEAVES = ["commands", "config", "receipts"] as const;
export type DownlinkLeaf = (typeof DOWNLINK_LEAVES)[number];

/** Devices' answers to downlink, `{family}/{id}/{leaf}`, and the pipeline family each becomes. */
export const ANSWER_LEAVES = { "command-results": "command-result", "config-applied": "config-applied" } as const;
type AnswerLeaf = keyof typeof ANSWER_LEAVES;
export type DownlinkAnswer = (typeof ANSWER_LEAVES)[AnswerLeaf];

/**
 * Further uplink leaves, `{family}/{id}/{leaf}`, that are pipeline families of their own (their own schema and
 * persistence) while sharing their family's owner and receipts: a guard's checkpoint scans and lone-worker
 * check-ins ("I'm OK", or a PIN: contracts/mqtt-payloads.ts, checkInPayload).
 */
const EVENT_LEAVES = { checkpoint: "checkpoint", "check-in": "check-in" } as const;
type EventLeaf = keyof typeof EVENT_LEAVES;
export type UplinkEvent = (typeof EVENT_LEAVES)[EventLeaf];

type FamilyRule = {
  /** Where the source id sits: `{family}/{id}/{leaf}` (1) or `{family}/{leaf}/{id}` (2, alerts). */
  idLevel: 1 | 2;
  /** The other level: one fixed leaf, or "+" for any kind (a sensor kind, an alert type, a metric). */
  leaf: string;
  /** Whose id a device publishes under: its own, its guard's, or either. */
  owner: "device" | "guard" | "device-or-guard";
  /** Whether devices answer downlink under this family (`command-results`, `config-applied`). */
  answers: boolean;
  /** Event leaves published under this family beside its own leaf (EVENT_LEAVES). */
  events: readonly EventLeaf[];
  /** The downlink leaves Vigil publishes under this family, which the owning device may subscribe to. */
  downlink: readonly DownlinkLeaf[];
};

export const TOPIC_FAMILIES: Readonly<Record<UplinkFamily, FamilyRule>> = {
  device: { idLevel: 1, leaf: "telemetry", owner: "device", answers: true, events: [], downlink: DOWNLINK_LEAVES },
  // Any phone of the guard publishes under the guard's id: fixes, checkpoint scans and check-ins (the last two
  // receipted like alarms).
  guard: {
    idLevel: 1,
    leaf: "gps",
    owner: "guard",
    answers: false,
    events: ["checkpoint", "check-in"],
    downlink: ["receipts"],
  },
  sensor: { idLevel: 1, leaf: "+", owner: "device", answers: true, events: [], downlink: [] },
  alert: { idLevel: 2, leaf: "+", owner: "device-or-guard", answers: false, events: [], downlink: [] },
  system: { idLevel: 1, leaf: "+", owner: "device", answers: true, events: [], downlink: [] },
};

/** Topic levels Vigil accepts: no wildcards, separators or control characters. */
const SEGMENT = /^[A-Za-z0-9._:-]{1,128}$/;

export type ParsedUplink = {
  family: UplinkFamily | DownlinkAnswer | UplinkEvent;
  /** The family the topic was published under (an answer's `device`, `sensor` or `system`). */
  topicFamily: UplinkFamily;
  /** The id segment: a device, guard, sensor or component id. */
  topicId: string;
  /** The leaf (telemetry, gps, a sensor kind, a metric, an answer) or the alert type. */
  kind: string;
};

function isUplinkFamily(value: string | undefined): value is UplinkFamily {
  return value !== undefined && Object.hasOwn(TOPIC_FAMILIES, value);
}

function isEventLeaf(rule: FamilyRule, value: string): value is EventLeaf {
  return (rule.events as readonly string[]).includes(value);
}

function isDownlinkLeaf(value: string): value is DownlinkLeaf {
  return (DOWNLINK_LEAVES as readonly string[]).includes(value);
}

/** An uplink topic's family, id and kind, or why it is refused. */
export function parseUplinkTopic(topic: string): ParsedUplink | { refused: string } {
  const parts = topic.split("/");
  const [family, second, third] = parts;
  if (parts.length !== 3 || !isUplinkFamily(family) || !parts.every((p) => SEGMENT.test(p))) {
    return { refused: "topic is outside the uplink families" };
  }
  const rule = TOPIC_FAMILIES[family];
  const [topicId, leaf] = rule.idLevel === 1 ? [second!, third!] : [third!, second!];
  if (rule.idLevel === 1 && Object.hasOwn(ANSWER_LEAVES, leaf)) {
    if (!rule.answers) return { refused: `no answers under ${family}` };
    return { family: ANSWER_LEAVES[leaf as AnswerLeaf], topicFamily: family, topicId, kind: leaf };
  }
  if (rule.idLevel === 1 && isEventLeaf(rule, leaf)) {
    return { family: EVENT_LEAVES[leaf], topicFamily: family, topicId, kind: leaf };
  }
  // Vigil's own downlink is never taken for uplink, whatever a wildcard family would allow.
  if (isDownlinkLeaf(leaf) || (rule.leaf !== "+" && leaf !== rule.leaf)) {
    return { refused: `not a ${family} uplink topic` };
  }
  return { family, topicFamily: family, topicId, kind: leaf };
}

/** What the ingestor subscribes to (each uplink and answer topic of every family, and the adapters' topics). */
export function uplinkSubscriptions(): string[] {
  const native = UPLINK_FAMILIES.flatMap((family) => {
    const { idLevel, leaf, answers, events } = TOPIC_FAMILIES[family];
    if (leaf === "+") return [`${family}/+/+`];
    const own = idLevel === 1 ? `${family}/+/${leaf}` : `${family}/${leaf}/+`;
    return [
      own,
      ...(answers ? Object.keys(ANSWER_LEAVES).map((answer) => `${family}/+/${answer}`) : []),
      ...events.map((event) => `${family}/+/${event}`),
    ];
  });
  return [...native, ...ownTracksSubscriptions(), ...zigbee2MqttSubscriptions()];
}

/** A downlink topic Vigil publishes to: commands, configuration or an alarm's receipt. */
export function downlinkTopic(family: UplinkFamily, id: string, leaf: DownlinkLeaf): string {
  if (!TOPIC_FAMILIES[family].downlink.includes(leaf)) throw new Error(`no ${leaf} downlink under ${family}`);
  return `${family}/${id}/${leaf}`;
}

/**
 * OwnTracks's topics (owntracks.org/booklet/tech/json, "Topics"): the app publishes location and lwt on
 * `owntracks/{user}/{device}` and its other messages on the leaves below it, and subscribes to
 * `owntracks/{user}/{device}/cmd`. The user is the device's external id, its broker login; the device
 * name is the app's own choice.
 */
export const OWNTRACKS_ROOT = "owntracks";
// `info` carries the app's own card (features/card.md).
export const OWNTRACKS_UPLINK_LEAVES = [
  "event",
  "step",
  "beacon",
  "dump",
  "status",
  "waypoint",
  "waypoints",
  "info",
] as const;
export const OWNTRACKS_COMMAND_LEAF = "cmd";

export type ParsedOwnTracksTopic = { user: string; deviceName: string; leaf: string | null };

/** An OwnTracks uplink topic's user, device name and leaf (null for the base topic), or why it is refused. */
export function parseOwnTracksTopic(topic: string): ParsedOwnTracksTopic | { refused: string } {
  const parts = topic.split("/");
  const [root, user, deviceName, leaf] = parts;
  if (root !== OWNTRACKS_ROOT || (parts.length !== 3 && parts.length !== 4) || !parts.every((p) => SEGMENT.test(p))) {
    return { refused: "not an OwnTracks topic" };
  }
  if (leaf !== undefined && !(OWNTRACKS_UPLINK_LEAVES as readonly string[]).includes(leaf)) {
    return { refused: `not an OwnTracks uplink leaf` };
  }
  return { user: user!, deviceName: deviceName!, leaf: leaf ?? null };
}

function ownTracksSubscriptions(): string[] {
  return [`${OWNTRACKS_ROOT}/+/+`, ...OWNTRACKS_UPLINK_LEAVES.map((leaf) => `${OWNTRACKS_ROOT}/+/+/${leaf}`)];
}

/**
 * Zigbee2MQTT behind a site gateway (zigbee2mqtt.io, guide/usage/mqtt_topics_and_messages): the gateway runs
 * Zigbee2MQTT with `base_topic: zigbee2mqtt/{its external id}`, so everything it publishes and reads lies under
 * that base: `{base}/{friendly name}` (a device's state, JSON), `{base}/{friendly name}/availability`,
 * `{base}/{friendly name}/set` and `/get` (commands to a device), `{base}/bridge/...` (the bridge's own state,
 * info, devices, logging, requests and responses). A friendly name may contain `/` and spaces.
 */
export const ZIGBEE2MQTT_ROOT = "zigbee2mqtt";
const ZIGBEE2MQTT_BRIDGE = "bridge";
const ZIGBEE2MQTT_COMMAND_LEAVES = ["set", "get"];
const ZIGBEE2MQTT_AVAILABILITY = "availability";
/** A level of a friendly name: printable, no wildcards; spaces are Zigbee2MQTT's to allow. */
function isFriendlyLevel(level: string): boolean {
  return (
    level.length > 0 &&
    level.length <= 128 &&
    ![...level].some((c) => c <= "\u001f" || c === "\u007f" || c === "+" || c === "#")
  );
}
const MAX_FRIENDLY_NAME = 256;

export type ParsedZigbee2MqttTopic = { gateway: string } & (
  { kind: "bridge"; name: string } | { kind: "state" | "availability" | "command"; friendlyName: string }
);

/** A Zigbee2MQTT topic's gateway and what it carries, or why it is refused. */
export function parseZigbee2MqttTopic(topic: string): ParsedZigbee2MqttTopic | { refused: string } {
  const [root, gateway, ...rest] = topic.split("/");
  if (root !== ZIGBEE2MQTT_ROOT || gateway === undefined || !SEGMENT.test(gateway) || rest.length === 0) {
    return { refused: "not a Zigbee2MQTT topic" };
  }
  if (!rest.every(isFriendlyLevel)) return { refused: "not a Zigbee2MQTT topic level" };
  if (rest[0] === ZIGBEE2MQTT_BRIDGE) return { gateway, kind: "bridge", name: rest.slice(1).join("/") };
  // `{name}/set`, `{name}/get` and their per-attribute forms `{name}/set/{attribute}`.
  const command = rest.findIndex(
    (level, i) => i > 0 && i >= rest.length - 2 && ZIGBEE2MQTT_COMMAND_LEAVES.includes(level),
  );
  const availability = rest.length > 1 && rest.at(-1) === ZIGBEE2MQTT_AVAILABILITY;
  const [kind, levels] =
    command !== -1
      ? (["command", rest.slice(0, command)] as const)
      : availability
        ? (["availability", rest.slice(0, -1)] as const)
        : (["state", rest] as const);
  const friendlyName = levels.join("/");
  if (friendlyName.length > MAX_FRIENDLY_NAME) return { refused: "Zigbee2MQTT friendly name too long" };
  return { gateway, kind, friendlyName };
}

/** Where Vigil sends a command for a device behind a gateway (Zigbee2MQTT's `{base}/{friendly name}/set`). */
export function zigbee2MqttSetTopic(gateway: string, friendlyName: string): string {
  return `${ZIGBEE2MQTT_ROOT}/${gateway}/${friendlyName}/set`;
}

function zigbee2MqttSubscriptions(): string[] {
  return [`${ZIGBEE2MQTT_ROOT}/+/#`];
}
