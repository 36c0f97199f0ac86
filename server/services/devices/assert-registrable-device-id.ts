// A device id is its MQTT username: names Vigil keeps for its own service
// account (`vigil-*`, MQTT_USERNAME) are refused, so no device can log in or
// take client ids as Vigil (issue 16, item 4).
import { isReservedMqttName } from "../../contracts/mqtt-identity";
import { AppError } from "../../observability/app-error";

export function assertRegistrableDeviceId(externalId: string, { serviceUsername }: { serviceUsername?: string }): void {
  if (!isReservedMqttName(externalId, serviceUsername)) return;
  const message = "is reserved for Vigil's own MQTT account (vigil-* and MQTT_USERNAME): choose another id";
  throw new AppError("invalid_input", `Invalid externalId: ${message}`, {
    issues: [{ path: "externalId", message }],
  });
}
