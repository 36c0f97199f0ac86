import type { Db } from "../../../db/client";
import { guards } from "../../../db/schema";
import type { CreateGuardInput, GuardDto } from "../../contracts/api";
import { toGuardDto } from "../../presenters/guards/guard-dto";
import type { Actor } from "../actor";
import { notifyRegistryChanged } from "../registry-changed";
import { unavailableOnDuplicate } from "../unique-violation";

export async function createGuard(db: Db, actor: Actor, input: CreateGuardInput): Promise<GuardDto> {
  const [row] = await unavailableOnDuplicate(
    "externalId",
    `externalId "${input.externalId}" cannot be used; choose another.`,
    () =>
      db
        .insert(guards)
        .values({
          tenantId: actor.tenantId,
          externalId: input.externalId,
          name: input.name,
          phone: input.phone ?? null,
        })
        .returning(),
  );
  await notifyRegistryChanged(db, input.externalId);
  return toGuardDto(row!);
}
