// Topic rules for device credentials on the embedded broker: a device
// publishes only under its own id (or its guard's, for a guard phone) and
// subscribes only to its own downlink topics, named exactly.
import { GONE_TOPIC } from "./session-adoption";

export type DeviceIdentity = { externalId: string; guardExternalId: string | null };

const UPLINK_LEAVES = new Set(["command-results", "config-applied"]);
const DOWNLINK_LEAVES = new Set(["commands", "config", "receipts"]);

function ownIds(device: DeviceIdentity): { family: string; id: string }[] {
  const ids = ["device", "sensor", "system"].map((family) => ({ family, id: device.externalId }));
  if (device.guardExternalId) ids.push({ family: "guard", id: device.guardExternalId });
  return ids;
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

export function mayPublish(device: DeviceIdentity, topic: string): boolean {
  const parts = topic.split("/");
  if (parts.length !== 3 || parts.some((p) => p === "" || p.includes("+") || p.includes("#"))) return false;
  const [family, second, third] = parts as [string, string, string];
  if (family === "alert") {
    return third === device.externalId || (device.guardExternalId !== null && third === device.guardExternalId);
  }
  const own = ownIds(device).some((o) => o.family === family && o.id === second);
  if (!own) return false;
  if (UPLINK_LEAVES.has(third)) return true;
  if (family === "device") return third === "telemetry";
  if (family === "guard") return third === "gps";
  return !DOWNLINK_LEAVES.has(third);
}

export function maySubscribe(device: DeviceIdentity, topic: string): boolean {
  const parts = topic.split("/");
  if (parts.length !== 3) return false;
  const [family, id, leaf] = parts as [string, string, string];
  return DOWNLINK_LEAVES.has(leaf) && ownIds(device).some((o) => o.family === family && o.id === id);
}

/** The same rules as Mosquitto ACL-file lines, for an external Mosquitto (no exclusions there: a little wider). */
export function mosquittoAclLines(device: DeviceIdentity): string[] {
  const id = device.externalId;
  const lines = [
    `user ${id}`,
    `topic write device/${id}/telemetry`,
    `topic write device/${id}/command-results`,
    `topic write device/${id}/config-applied`,
    `topic write sensor/${id}/+`,
    `topic write system/${id}/+`,
    `topic write alert/+/${id}`,
    ...[...DOWNLINK_LEAVES].map((leaf) => `topic read device/${id}/${leaf}`),
  ];
  const guard = device.guardExternalId;
  if (guard) {
    lines.push(`topic write guard/${guard}/gps`, `topic write alert/+/${guard}`, `topic read guard/${guard}/receipts`);
  }
  return lines;
}

/** ACL lines for Vigil's own account: read every uplink topic, write downlink. */
export function mosquittoServiceAclLines(username: string): string[] {
  return [
    `user ${username}`,
    ...["device", "guard", "sensor", "alert", "system"].map((family) => `topic read ${family}/+/+`),
    "topic write device/+/commands",
    "topic write device/+/config",
    "topic write device/+/receipts",
    "topic write guard/+/receipts",
    // Ingest processes' wills on a shared subscription (session-adoption.ts).
    `topic readwrite ${GONE_TOPIC}`,
  ];
}
