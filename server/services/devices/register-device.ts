// Registers a device and issues its MQTT credentials and its tracking key
// (OsmAnd/Traccar Client). Both are returned once; only their hashes are stored. Its id may be neither a reserved MQTT name
// (422) nor any guard's or device's id in any tenant: mqtt_identities refuses
// the insert, a 409 when the caller's tenant holds the id, else the 422 of any
// unusable id (nothing said of whether or where it exists).
import type { Db } from "../../../db/client";
import { devices } from "../../../db/schema";
import type { DeviceWithCredentialsDto, RegisterDeviceInput } from "../../contracts/api";
import { findGuard } from "../../presenters/guards/find-guard";
import { toDeviceDto } from "../../presenters/devices/device-dto";
import type { Actor } from "../../auth/actor";
import { assertTenantSite } from "../sites/assert-tenant-site";
import { notifyRegistryChanged } from "../registry-changed";
import { recordAuditEvent } from "../audit/record-audit-event";
import { insertWithMqttId } from "../insert-with-mqtt-id";
import { assertRegistrableDeviceId } from "./assert-registrable-device-id";
import { hashDeviceSecret, mosquittoPasswordHash, newDeviceSecret, newTrackingKey } from "../../auth/device-secret";

const DEFAULT_INTERVAL_S: Record<RegisterDeviceInput["kind"], number> = {
  "guard-phone": 30,
  sensor: 300,
  "panic-button": 3600,
  gateway: 60,
};

export async function registerDevice(
  db: Db,
  actor: Actor,
  input: RegisterDeviceInput,
  { serviceUsername }: { serviceUsername?: string | undefined } = {},
): Promise<Omit<DeviceWithCredentialsDto, "onboarding">> {
  assertRegistrableDeviceId(input.externalId, { serviceUsername });
  const guard = input.guardExternalId ? await findGuard(db, actor, input.guardExternalId) : null;
  await assertTenantSite(db, actor, input.siteId);
  const secret = newDeviceSecret();
  const trackingKey = newTrackingKey();
  const registered = await insertWithMqttId(db, { tenantId: actor.tenantId, externalId: input.externalId }, () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(devices)
        .values({
          tenantId: actor.tenantId,
          externalId: input.externalId,
          kind: input.kind,
          name: input.name ?? null,
          guardId: guard?.id ?? null,
          siteId: input.siteId ?? null,
          secretHash: hashDeviceSecret(secret),
          mosquittoHash: mosquittoPasswordHash(secret),
          trackingKeyHash: hashDeviceSecret(trackingKey),
          expectedIntervalS: DEFAULT_INTERVAL_S[input.kind],
        })
        .returning();
      const answer = {
        ...toDeviceDto(row!, guard?.externalId ?? null),
        mqtt: { username: input.externalId, password: secret },
        trackingKey,
      };
      await recordAuditEvent(tx, actor, {
        action: "create",
        entityType: "device",
        entityId: input.externalId,
        after: answer,
      });
      return answer;
    }),
  );
  await notifyRegistryChanged(db, input.externalId);
  return registered;
}
