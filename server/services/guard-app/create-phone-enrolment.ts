// "Enrol a phone" on a guard's page: registers a guard-phone device for the
// guard app and a one-time enrolment token for it, valid ENROLMENT_MINUTES.
// The QR code carries only that token (in the URL's fragment): the phone
// trades it for the device's MQTT password (redeem-phone-enrolment.ts), so a
// photo of the screen taken later, or a browser history, holds nothing that
// logs in. The password issued at registration is thrown away unseen.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { hashDeviceSecret, newDeviceSecret } from "../../auth/device-secret";
import { ENROLMENT_MINUTES, type PhoneEnrolmentDto } from "../../contracts/guard-app";
import { findGuard } from "../../presenters/guards/find-guard";
import { registerDevice } from "../devices/register-device";

export async function createPhoneEnrolment(
  db: Db,
  actor: Actor,
  guardExternalId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<PhoneEnrolmentDto> {
  const guard = await findGuard(db, actor, guardExternalId);
  const device = await registerDevice(db, actor, {
    externalId: `app-${randomBytes(6).toString("hex")}`,
    kind: "guard-phone",
    name: `Guard app: ${guard.name}`.slice(0, 200),
    guardExternalId,
  });
  const token = newDeviceSecret();
  const expiresAt = new Date(now.getTime() + ENROLMENT_MINUTES * 60_000);
  await db
    .update(devices)
    .set({ enrolTokenHash: hashDeviceSecret(token), enrolExpiresAt: expiresAt })
    .where(and(eq(devices.tenantId, actor.tenantId), eq(devices.externalId, device.externalId)));
  return { deviceExternalId: device.externalId, enrolPath: `/g/enrol#${token}`, expiresAt: expiresAt.toISOString() };
}
