import type { GuardDto } from "../../contracts/api";
import type { guards } from "../../../db/schema";

export function toGuardDto(row: typeof guards.$inferSelect): GuardDto {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    phone: row.phone,
    active: row.deactivatedAt === null,
    hasPins: row.pinHash !== null && row.duressPinHash !== null,
    createdAt: row.createdAt.toISOString(),
  };
}
