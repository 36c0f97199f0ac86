// Step 1: the topic whitelist. Only the uplink families of the topic table
// (contracts/mqtt-topics.ts), with the exact number of levels each one has,
// and devices' answers to downlink ({device|sensor|system}/{id}/command-results
// and .../config-applied) get past this point.
import { parseUplinkTopic } from "../../contracts/mqtt-topics";
import { accept, reject, type Envelope, type Handler } from "./types";

export const routeTopic: Handler = {
  name: "route_topic",
  run(envelope: Envelope) {
    const parsed = parseUplinkTopic(envelope.message.topic);
    if ("refused" in parsed) return reject("topic_not_allowed", parsed.refused);
    envelope.family = parsed.family;
    envelope.topicId = parsed.topicId;
    envelope.kind = parsed.kind;
    return accept;
  },
};
