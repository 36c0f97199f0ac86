import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices, guards } from "../../../db/schema";
import type { DeviceDto } from "../../contracts/api";
import type { Page, PageQuery } from "../../contracts/pagination";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { deviceInScope } from "../../auth/site-scope";
import { afterCursor, toPage } from "../keyset-page";
import { toDeviceDto } from "./device-dto";

async function selectDevices(db: Db, actor: Actor, where?: SQL, limit?: number) {
  const rows = await db
    .select({ device: devices, guardExternalId: guards.externalId })
    .from(devices)
    .leftJoin(guards, eq(guards.id, devices.guardId))
    .where(and(eq(devices.tenantId, actor.tenantId), deviceInScope(actor, devices), where))
    .orderBy(asc(devices.externalId), asc(devices.id))
    .limit(limit ?? Number.MAX_SAFE_INTEGER);
  return rows.map((r) => ({ row: r.device, dto: toDeviceDto(r.device, r.guardExternalId) }));
}

/** The tenant's devices by external id, a page at a time. */
export async function listDevices(db: Db, actor: Actor, { limit, cursor }: PageQuery): Promise<Page<DeviceDto>> {
  const rows = await selectDevices(db, actor, afterCursor(devices.externalId, devices.id, cursor), limit + 1);
  return toPage(
    rows,
    limit,
    (d) => d.dto,
    (d) => [d.row.externalId, d.row.id],
  );
}

/** The tenant's device with this external id, or a 404 (also for other tenants' devices, and for a user limited
 * to sites, for devices of none of them). */
export async function findDevice(db: Db, actor: Actor, externalId: string) {
  const [found] = await selectDevices(db, actor, eq(devices.externalId, externalId));
  if (!found) throw new AppError("not_found", `No device "${externalId}".`);
  return found;
}
