// One page of the tenant's devices for the devices page, optionally filtered
// by external id or name, with the total so the page can say how many there are.
import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices, guards } from "../../../db/schema";
import type { DeviceDto } from "../../contracts/api";
import type { Actor } from "../../auth/actor";
import { deviceInScope } from "../../auth/site-scope";
import { toDeviceDto } from "./device-dto";

export type DevicePage = { items: DeviceDto[]; total: number; page: number; pageSize: number };

function matching(search: string | undefined) {
  const q = search?.trim();
  if (!q) return undefined;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(devices.externalId, pattern), ilike(devices.name, pattern));
}

export async function listDevicesPage(
  db: Db,
  actor: Actor,
  { page, pageSize, search }: { page: number; pageSize: number; search?: string },
): Promise<DevicePage> {
  const where = and(eq(devices.tenantId, actor.tenantId), deviceInScope(actor, devices), matching(search));
  const [rows, [total]] = await Promise.all([
    db
      .select({ device: devices, guardExternalId: guards.externalId })
      .from(devices)
      .leftJoin(guards, eq(guards.id, devices.guardId))
      .where(where)
      .orderBy(asc(devices.externalId))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(devices).where(where),
  ]);
  return {
    items: rows.map((r) => toDeviceDto(r.device, r.guardExternalId)),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
