// Step 2: find the registered guard or device behind the topic id, and with
// it the tenant. GPS, checkpoint scans and check-ins come from guards, alarms from a device or a guard,
// everything else from devices. An id held by both a guard and a device (only
// possible for data from before migration 0012) is quarantined as
// ambiguous_source and never routed to either tenant.
import type { SourceRegistry } from "../source-registry";
import { pass, reject, type IdentifiedMessage, type RoutedMessage, type Stage } from "./types";

export function createIdentifySource({
  registry,
}: {
  registry: SourceRegistry;
}): Stage<RoutedMessage, IdentifiedMessage> {
  return {
    name: "identify_source",
    async run(routed) {
      const id = routed.topicId;
      const { guard, device, ambiguous } = await registry.resolve(id);
      if (ambiguous) return reject("ambiguous_source", `"${id}" is registered as both a guard and a device`);
      if (routed.family === "guard" || routed.family === "checkpoint" || routed.family === "check-in") {
        return guard ? pass({ ...routed, source: guard }) : reject("unknown_source", `no registered guard "${id}"`);
      }
      if (routed.family === "alert") {
        const source = device ?? guard;
        return source ? pass({ ...routed, source }) : reject("unknown_source", `no registered device "${id}"`);
      }
      return device ? pass({ ...routed, source: device }) : reject("unknown_source", `no registered device "${id}"`);
    },
  };
}
