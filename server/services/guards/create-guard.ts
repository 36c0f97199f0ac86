// Creates a guard. Its external id is an MQTT id, one namespace with devices across tenants (mqtt_identities):
// held in the caller's tenant a duplicate is a 409, elsewhere the 422 of any unusable id.
import type { Db } from "../../../db/client";
import { guards } from "../../../db/schema";
import type { CreateGuardInput, GuardDto } from "../../contracts/api";
import { toGuardDto } from "../../presenters/guards/guard-dto";
import type { Actor } from "../../auth/actor";
import { insertWithMqttId } from "../insert-with-mqtt-id";
import { notifyRegistryChanged } from "../registry-changed";

export async function createGuard(db: Db, actor: Actor, input: CreateGuardInput): Promise<GuardDto> {
  const [row] = await insertWithMqttId(db, { tenantId: actor.tenantId, externalId: input.externalId }, () =>
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
