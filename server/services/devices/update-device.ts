// An admin renames a device or gives it another guard or site (null takes them
// away). The guard and site must be the tenant's (422 naming the field). The
// ingest processes and the broker's ACL drop their cached view of the device
// (and of the guards it moved between) at once.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices, guards } from "../../../db/schema";
import type { DeviceDto, UpdateDeviceInput } from "../../contracts/api";
import { AppError } from "../../observability/app-error";
import { findDevice } from "../../presenters/devices/list-devices";
import type { Actor } from "../../auth/actor";
import { notifyRegistryChanged } from "../registry-changed";
import { assertTenantSite } from "../sites/assert-tenant-site";

async function tenantGuardId(db: Db, actor: Actor, externalId: string): Promise<string> {
  const [guard] = await db
    .select({ id: guards.id })
    .from(guards)
    .where(and(eq(guards.tenantId, actor.tenantId), eq(guards.externalId, externalId)));
  if (guard) return guard.id;
  throw new AppError("invalid_input", "Unknown guard.", {
    issues: [{ path: "guardExternalId", message: "no such guard" }],
  });
}

export async function updateDevice(
  db: Db,
  actor: Actor,
  externalId: string,
  input: UpdateDeviceInput,
): Promise<DeviceDto> {
  const { row, dto } = await findDevice(db, actor, externalId);
  const guardId =
    input.guardExternalId === undefined
      ? row.guardId
      : input.guardExternalId && (await tenantGuardId(db, actor, input.guardExternalId));
  if (input.siteId) await assertTenantSite(db, actor, input.siteId);
  await db
    .update(devices)
    .set({
      name: input.name === undefined ? row.name : input.name,
      guardId: guardId || null,
      siteId: input.siteId === undefined ? row.siteId : input.siteId,
    })
    .where(and(eq(devices.tenantId, actor.tenantId), eq(devices.id, row.id)));
  for (const id of new Set([externalId, dto.guardExternalId, input.guardExternalId])) {
    if (id) await notifyRegistryChanged(db, id);
  }
  return (await findDevice(db, actor, externalId)).dto;
}
