// Inserting a row that takes an MQTT id (a guard's or a device's external id,
// one namespace across tenants, kept by mqtt_identities): held in the
// caller's own tenant a duplicate is a 409 the caller can see anyway;
// elsewhere it is the 422 of any unusable id, which says nothing of whether,
// or where, it exists.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { mqttIdentities } from "../../db/schema";
import { refuseDuplicate } from "./unique-violation";

export function insertWithMqttId<T>(
  db: Db,
  { tenantId, externalId }: { tenantId: string; externalId: string },
  insert: () => Promise<T>,
): Promise<T> {
  return refuseDuplicate({
    field: "externalId",
    conflict: `externalId "${externalId}" is already in use`,
    unavailable: `externalId "${externalId}" cannot be used; choose another.`,
    takenByCaller: async () =>
      (await db.$count(
        mqttIdentities,
        and(eq(mqttIdentities.tenantId, tenantId), eq(mqttIdentities.externalId, externalId)),
      )) > 0,
    work: insert,
  });
}
