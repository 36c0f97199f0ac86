// The phone's side of enrolment (/g/enrol): trades the one-time token from
// the guard's page for the device's MQTT login. The token works once and
// only until it expires, and not for a revoked device; the password is issued
// here, fresh, and returned this once (only its hashes are stored). Anything
// else answers the same 422 naming `token`, so a guess learns nothing.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices, guards } from "../../../db/schema";
import { hashDeviceSecret, mosquittoPasswordHash, newDeviceSecret } from "../../auth/device-secret";
import type { EnrolledPhoneDto } from "../../contracts/guard-app";
import { AppError } from "../../observability/app-error";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notifyRegistryChanged } from "../registry-changed";

const MQTT_WEBSOCKET_PATH = "/mqtt";

const refused = () =>
  new AppError("invalid_input", "Invalid token: this enrolment code is unknown, used or expired.", {
    issues: [{ path: "token", message: "unknown, used or expired: ask for a new code" }],
  });

export async function redeemPhoneEnrolment(
  db: Db,
  token: string,
  { now = new Date(), userAgent = null }: { now?: Date; userAgent?: string | null } = {},
): Promise<EnrolledPhoneDto> {
  const secret = newDeviceSecret();
  const enrolled = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(devices)
      .set({
        secretHash: hashDeviceSecret(secret),
        mosquittoHash: mosquittoPasswordHash(secret),
        enrolTokenHash: null,
        enrolExpiresAt: null,
      })
      .where(
        and(
          eq(devices.enrolTokenHash, hashDeviceSecret(token)),
          gt(devices.enrolExpiresAt, now),
          isNull(devices.revokedAt),
        ),
      )
      .returning({ tenantId: devices.tenantId, externalId: devices.externalId, guardId: devices.guardId });
    if (!row?.guardId) throw refused();
    const [guard] = await tx
      .select({ externalId: guards.externalId })
      .from(guards)
      .where(and(eq(guards.tenantId, row.tenantId), eq(guards.id, row.guardId)));
    if (!guard) throw refused();
    await recordAuditEvent(
      tx,
      { tenantId: row.tenantId, userId: null, origin: { ip: null, userAgent, channel: "web" } },
      { action: "rotate_credentials", entityType: "device", entityId: row.externalId, after: { enrolled: true } },
    );
    return { username: row.externalId, password: secret, guardExternalId: guard.externalId };
  });
  await notifyRegistryChanged(db, enrolled.username);
  return { ...enrolled, mqttPath: MQTT_WEBSOCKET_PATH };
}
