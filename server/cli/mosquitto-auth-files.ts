// The contents of Mosquitto's password and ACL files for Vigil's accounts. A
// device whose id is a name reserved for Vigil (`vigil-*`, MQTT_USERNAME), or
// a username listed twice, would share or shadow another account, so the
// export refuses it rather than write a file in which one line silently wins.
import { isReservedMqttName } from "../contracts/mqtt-identity";
import { mosquittoAclLines, mosquittoServiceAclLines, type DeviceIdentity } from "../auth/device-acl";

export type ExportedDevice = DeviceIdentity & { mosquittoHash: string };

export class DuplicateMqttUsernameError extends Error {}

export function buildMosquittoAuthFiles({
  devices,
  service,
}: {
  devices: readonly ExportedDevice[];
  /** Vigil's own account, its password already hashed. */
  service?: { username: string; passwordHash: string };
}): { passwd: string[]; acl: string[] } {
  const counts = new Map<string, number>();
  for (const d of devices) counts.set(d.externalId, (counts.get(d.externalId) ?? 0) + 1);
  const clashing = [...counts]
    .filter(([id, count]) => count > 1 || isReservedMqttName(id, service?.username))
    .map(([id]) => id);
  if (clashing.length > 0) {
    throw new DuplicateMqttUsernameError(
      `device id(s) ${clashing.join(", ")} clash with Vigil's own MQTT account (vigil-* or MQTT_USERNAME) or appear ` +
        "twice: delete or re-register them under another id; nothing was written",
    );
  }
  const passwd = devices.map((d) => `${d.externalId}:${d.mosquittoHash}`);
  const acl = devices.flatMap((d) => [...mosquittoAclLines(d), ""]);
  if (service) {
    passwd.unshift(`${service.username}:${service.passwordHash}`);
    acl.unshift(...mosquittoServiceAclLines(service.username), "");
  }
  return { passwd, acl };
}
