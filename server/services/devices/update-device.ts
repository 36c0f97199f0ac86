// An admin renames a device or gives it another guard or site (null takes them
// away), or names the button actions of a gateway sensor that raise a panic. The guard and site must be the tenant's (422 naming the field). The
// device is locked for the change, so the audit entry's `before` is exactly
// what it replaced. The ingest processes and the broker's ACL drop their cached
// view of the device (and of the guards it moved between) at once.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices, guards } from "../../../db/schema";
import type { DeviceDto, UpdateDeviceInput } from "../../contracts/api";
import { AppError } from "../../observability/app-error";
import { toDeviceDto } from "../../presenters/devices/device-dto";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notifyRegistryChanged } from "../registry-changed";
import { assertTenantSite } from "../sites/assert-tenant-site";
import { syncOwnTracksWaypoints } from "../sites/sync-owntracks-waypoints";

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
  const newGuardId = input.guardExternalId && (await tenantGuardId(db, actor, input.guardExternalId));
  if (input.siteId) await assertTenantSite(db, actor, input.siteId);
  const { before, after } = await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ device: devices, guardExternalId: guards.externalId })
      .from(devices)
      .leftJoin(guards, eq(guards.id, devices.guardId))
      .where(and(eq(devices.tenantId, actor.tenantId), eq(devices.externalId, externalId)))
      .for("update", { of: devices });
    if (!found) throw new AppError("not_found", `No device "${externalId}".`);
    const row = found.device;
    if (input.panicActions !== undefined && row.gatewayId === null) {
      const message = "only a sensor behind a gateway (Zigbee2MQTT) reports button actions";
      throw new AppError("invalid_input", "This device has no button actions.", {
        issues: [{ path: "panicActions", message }],
      });
    }
    const [updated] = await tx
      .update(devices)
      .set({
        name: input.name === undefined ? row.name : input.name,
        guardId: input.guardExternalId === undefined ? row.guardId : newGuardId || null,
        siteId: input.siteId === undefined ? row.siteId : input.siteId,
        panicActions: input.panicActions === undefined ? row.panicActions : [...new Set(input.panicActions)],
      })
      .where(and(eq(devices.tenantId, actor.tenantId), eq(devices.id, row.id)))
      .returning();
    const guardExternalId = input.guardExternalId === undefined ? found.guardExternalId : input.guardExternalId;
    const change = { before: toDeviceDto(row, found.guardExternalId), after: toDeviceDto(updated!, guardExternalId) };
    await recordAuditEvent(tx, actor, { action: "update", entityType: "device", entityId: externalId, ...change });
    if (updated!.guardId !== row.guardId) await syncOwnTracksWaypoints(tx, actor.tenantId);
    return change;
  });
  for (const id of new Set([externalId, before.guardExternalId, after.guardExternalId])) {
    if (id) await notifyRegistryChanged(db, id);
  }
  return after;
}
