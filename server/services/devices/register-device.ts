// Registers a device and issues its MQTT credentials. The secret is returned
// once; only its hash is stored.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices } from "../../../db/schema";
import type { DeviceDto, RegisterDeviceInput } from "../../contracts/api";
import { findGuard } from "../../presenters/guards/find-guard";
import { toDeviceDto } from "../../presenters/devices/device-dto";
import type { Actor } from "../actor";
import { assertTenantSite } from "../sites/assert-tenant-site";
import { notifyRegistryChanged } from "../registry-changed";
import { refuseDuplicate } from "../unique-violation";
import { hashDeviceSecret, mosquittoPasswordHash, newDeviceSecret } from "./device-secret";

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
): Promise<DeviceDto & { mqtt: { username: string; password: string } }> {
  const guard = input.guardExternalId ? await findGuard(db, actor, input.guardExternalId) : null;
  await assertTenantSite(db, actor, input.siteId);
  const secret = newDeviceSecret();
  const [row] = await refuseDuplicate({
    field: "externalId",
    conflict: `externalId "${input.externalId}" is already in use`,
    unavailable: `externalId "${input.externalId}" cannot be used; choose another.`,
    takenByCaller: async () =>
      (await db.$count(devices, and(eq(devices.tenantId, actor.tenantId), eq(devices.externalId, input.externalId)))) >
      0,
    work: () =>
      db
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
          expectedIntervalS: DEFAULT_INTERVAL_S[input.kind],
        })
        .returning(),
  });
  await notifyRegistryChanged(db, input.externalId);
  return { ...toDeviceDto(row!, guard?.externalId ?? null), mqtt: { username: input.externalId, password: secret } };
}
