// A device id is its MQTT username: names Vigil keeps for its own service
// account (`vigil-*`, MQTT_USERNAME) are refused, so no device can log in or
// take client ids as Vigil (issue 16, item 4).
import { GATEWAY_SENSOR_SEPARATOR, isReservedMqttName } from "../../contracts/mqtt-identity";
import { AppError } from "../../observability/app-error";

export function assertRegistrableDeviceId(externalId: string, { serviceUsername }: { serviceUsername?: string }): void {
  // A sensor behind a gateway is named by ingest (`{gateway}::{name}`); an id like it registered by hand could
  // take the place of a sensor a gateway has not reported yet (a quarantined message's id included).
  const message = externalId.includes(GATEWAY_SENSOR_SEPARATOR)
    ? "'::' is reserved for sensors behind a gateway (Zigbee2MQTT): choose another id"
    : isReservedMqttName(externalId, serviceUsername)
      ? "is reserved for Vigil's own MQTT account (vigil-* and MQTT_USERNAME): choose another id"
      : null;
  if (message === null) return;
  throw new AppError("invalid_input", `Invalid externalId: ${message}`, {
    issues: [{ path: "externalId", message }],
  });
}
