// Step 1: the topic whitelist. Only the five uplink families, with the exact
// number of levels each one has, and devices' answers to downlink
// ({device|sensor|system}/{id}/command-results and .../config-applied) get
// past this point.
import { accept, reject, type DownlinkAnswer, type Envelope, type Family, type Handler } from "./types";

const SEGMENT = /^[A-Za-z0-9._:-]{1,128}$/;

type UplinkFamily = Exclude<Family, DownlinkAnswer>;

const answers: Record<string, DownlinkAnswer> = {
  "command-results": "command-result",
  "config-applied": "config-applied",
};
const ANSWERING_FAMILIES = new Set(["device", "sensor", "system"]);

const shapes: Record<UplinkFamily, (parts: string[]) => { topicId: string; kind: string } | null> = {
  device: ([, id, leaf]) => (leaf === "telemetry" && id ? { topicId: id, kind: leaf } : null),
  guard: ([, id, leaf]) => (leaf === "gps" && id ? { topicId: id, kind: leaf } : null),
  sensor: ([, id, kind]) => (id && kind ? { topicId: id, kind } : null),
  alert: ([, type, id]) => (id && type ? { topicId: id, kind: type } : null),
  system: ([, component, metric]) => (component && metric ? { topicId: component, kind: metric } : null),
};

function isFamily(value: string | undefined): value is UplinkFamily {
  return value !== undefined && Object.hasOwn(shapes, value);
}

export const routeTopic: Handler = {
  name: "route_topic",
  run(envelope: Envelope) {
    const parts = envelope.message.topic.split("/");
    const [family] = parts;
    if (parts.length !== 3 || !isFamily(family) || !parts.every((p) => SEGMENT.test(p))) {
      return reject("topic_not_allowed", "topic is outside the uplink families");
    }
    const answer = answers[parts[2]!];
    if (answer && ANSWERING_FAMILIES.has(family)) {
      envelope.family = answer;
      envelope.topicId = parts[1]!;
      envelope.kind = parts[2]!;
      return accept;
    }
    const shape = shapes[family](parts);
    if (!shape) return reject("topic_not_allowed", `not a ${family} uplink topic`);
    envelope.family = family;
    envelope.topicId = shape.topicId;
    envelope.kind = shape.kind;
    return accept;
  },
};
