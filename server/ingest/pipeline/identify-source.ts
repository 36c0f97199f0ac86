// Step 4: find the registered guard or device behind the topic id, and with
// it the tenant. Alerts may come from a device or from a guard. An id held by
// both a guard and a device (only possible for data from before migration
// 0012) is quarantined as ambiguous_source and never routed to either tenant.
import type { SourceRegistry } from "../source-registry";
import { accept, reject, type Envelope, type Handler } from "./types";

export function createIdentifySource({ registry }: { registry: SourceRegistry }): Handler {
  return {
    name: "identify_source",
    async run(envelope: Envelope) {
      const id = envelope.topicId!;
      const { guard, device, ambiguous } = await registry.resolve(id);
      if (ambiguous) return reject("ambiguous_source", `"${id}" is registered as both a guard and a device`);
      const source = envelope.family === "guard" ? guard : envelope.family === "alert" ? (device ?? guard) : device;
      if (!source)
        return reject("unknown_source", `no registered ${envelope.family === "guard" ? "guard" : "device"} "${id}"`);
      envelope.source = source;
      return accept;
    },
  };
}
