// Step 4: find the registered guard or device behind the topic id, and with
// it the tenant. Alerts may come from a device or from a guard.
import type { SourceRegistry } from "../source-registry";
import { accept, reject, type Envelope, type Handler } from "./types";

export function createIdentifySource({ registry }: { registry: SourceRegistry }): Handler {
  return {
    name: "identify_source",
    async run(envelope: Envelope) {
      const id = envelope.topicId!;
      const source =
        envelope.family === "guard"
          ? await registry.lookup("guard", id)
          : ((await registry.lookup("device", id)) ??
            (envelope.family === "alert" ? await registry.lookup("guard", id) : null));
      if (!source)
        return reject("unknown_source", `no registered ${envelope.family === "guard" ? "guard" : "device"} "${id}"`);
      envelope.source = source;
      return accept;
    },
  };
}
