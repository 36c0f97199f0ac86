// A new guard's phone sends a panic (QoS 1, msg_id "first") and the open alert
// it raised is returned; `resend` sends the same panic again as a new message
// ("second") and disconnects the phone.
import type { AlertListItemDto } from "../../server/contracts/alert-api";
import { api, createGuardWithPhone } from "./api-client";
import { connectDevice, endQuietly, panicAlarm, publishJson } from "./mqtt-device";
import type { TestVigil } from "./vigil";
import { waitFor } from "./wait-for";

export async function raisePanic(
  vigil: Pick<TestVigil, "url" | "adminToken" | "mqttUrl">,
  message: string,
): Promise<{ alert: AlertListItemDto; resend: () => Promise<void> }> {
  const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  const send = (msgId: string) =>
    publishJson(client, `alert/panic/${guard.externalId}`, panicAlarm(message, new Date(), msgId));
  await send("first");
  const alert = await waitFor(async () => {
    const { body } = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", {
      token: vigil.adminToken,
    });
    return body.find((a) => a.sourceExternalId === guard.externalId);
  });
  return {
    alert,
    resend: async () => {
      await send("second");
      await endQuietly(client);
    },
  };
}
