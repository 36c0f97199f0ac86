import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guards } from "../../../db/schema";
import type { CreateGuardInput, GuardDto } from "../../contracts/api";
import { toGuardDto } from "../../presenters/guards/guard-dto";
import type { Actor } from "../actor";
import { notifyRegistryChanged } from "../registry-changed";
import { refuseDuplicate } from "../unique-violation";

export async function createGuard(db: Db, actor: Actor, input: CreateGuardInput): Promise<GuardDto> {
  const [row] = await refuseDuplicate({
    field: "externalId",
    conflict: `externalId "${input.externalId}" is already in use`,
    unavailable: `externalId "${input.externalId}" cannot be used; choose another.`,
    takenByCaller: async () =>
      (await db.$count(guards, and(eq(guards.tenantId, actor.tenantId), eq(guards.externalId, input.externalId)))) > 0,
    work: () =>
      db
        .insert(guards)
        .values({
          tenantId: actor.tenantId,
          externalId: input.externalId,
          name: input.name,
          phone: input.phone ?? null,
        })
        .returning(),
  });
  await notifyRegistryChanged(db, input.externalId);
  return toGuardDto(row!);
}
