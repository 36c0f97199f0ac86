import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices, guards } from "../../../db/schema";
import type { DeviceDto } from "../../contracts/api";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../services/actor";
import { toDeviceDto } from "./device-dto";

async function selectDevices(db: Db, actor: Actor, where?: SQL) {
  const rows = await db
    .select({ device: devices, guardExternalId: guards.externalId })
    .from(devices)
    .leftJoin(guards, eq(guards.id, devices.guardId))
    .where(and(eq(devices.tenantId, actor.tenantId), where))
    .orderBy(asc(devices.externalId));
  return rows.map((r) => ({ row: r.device, dto: toDeviceDto(r.device, r.guardExternalId) }));
}

export async function listDevices(db: Db, actor: Actor): Promise<DeviceDto[]> {
  return (await selectDevices(db, actor)).map((d) => d.dto);
}

/** The tenant's device with this external id, or a 404 (also for other tenants' devices). */
export async function findDevice(db: Db, actor: Actor, externalId: string) {
  const [found] = await selectDevices(db, actor, eq(devices.externalId, externalId));
  if (!found) throw new AppError("not_found", `No device "${externalId}".`);
  return found;
}
