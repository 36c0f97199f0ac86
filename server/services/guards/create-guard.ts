// Creates a guard. Its external id is an MQTT id, one namespace with devices across tenants (mqtt_identities):
// held in the caller's tenant a duplicate is a 409, elsewhere the 422 of any unusable id.
import type { Db } from "../../../db/client";
import { guards } from "../../../db/schema";
import type { CreateGuardInput, GuardDto } from "../../contracts/api";
import { toGuardDto } from "../../presenters/guards/guard-dto";
import type { Actor } from "../../auth/actor";
import { insertWithMqttId } from "../insert-with-mqtt-id";
import { notifyRegistryChanged } from "../registry-changed";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function createGuard(db: Db, actor: Actor, input: CreateGuardInput): Promise<GuardDto> {
  const guard = await insertWithMqttId(db, { tenantId: actor.tenantId, externalId: input.externalId }, () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(guards)
        .values({
          tenantId: actor.tenantId,
          externalId: input.externalId,
          name: input.name,
          phone: input.phone ?? null,
        })
        .returning();
      const dto = toGuardDto(row!);
      await recordAuditEvent(tx, actor, {
        action: "create",
        entityType: "guard",
        entityId: dto.externalId,
        after: dto,
      });
      return dto;
    }),
  );
  await notifyRegistryChanged(db, input.externalId);
  return guard;
}
