import type { DeviceDto } from "../../contracts/api";
import type { devices } from "../../../db/schema";

export function toDeviceDto(row: typeof devices.$inferSelect, guardExternalId: string | null): DeviceDto {
  return {
    id: row.id,
    externalId: row.externalId,
    kind: row.kind,
    name: row.name,
    guardExternalId,
    siteId: row.siteId,
    gatewayAddress: row.gatewayAddress,
    panicActions: row.panicActions,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    revoked: row.revokedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}
