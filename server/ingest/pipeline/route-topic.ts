// Step 1: the topic whitelist. Only the uplink families of the topic table
// (contracts/mqtt-topics.ts), with the exact number of levels each one has,
// and devices' answers to downlink ({device|sensor|system}/{id}/command-results
// and .../config-applied) get past this point.
import { parseUplinkTopic } from "../../contracts/mqtt-topics";
import { pass, reject, type InboundMessage, type RoutedMessage, type Stage } from "./types";

export const routeTopic: Stage<InboundMessage, RoutedMessage> = {
  name: "route_topic",
  run(message) {
    const parsed = parseUplinkTopic(message.topic);
    if ("refused" in parsed) return reject("topic_not_allowed", parsed.refused);
    const { family, topicId, kind } = parsed;
    return pass({ message, family, topicId, kind });
  },
};
