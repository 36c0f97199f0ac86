// The addresses phones reach Vigil at, for their onboarding links: the
// configured public ones, else the host the admin's own request came to
// (right on a LAN or localhost; production sets PUBLIC_URL).
import type { Env } from "../env";
import type { DeviceAddresses } from "../contracts/device-onboarding";

type AddressEnv = Pick<Env, "PUBLIC_URL" | "MQTT_PUBLIC_URL" | "MQTT_PORT">;

export function deviceAddresses(env: AddressEnv, request: Request): DeviceAddresses {
  const webUrl = env.PUBLIC_URL ?? new URL(request.url).origin;
  const mqttUrl = env.MQTT_PUBLIC_URL ?? `mqtt://${new URL(webUrl).hostname}:${env.MQTT_PORT}`;
  return { webUrl, mqttUrl };
}
