// Whether an MQTT id (a guard's or a device's external id, one namespace
// across tenants) is held in the caller's own tenant: there a duplicate is a
// 409 the caller can see anyway; elsewhere it is the 422 of any unusable id.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { mqttIdentities } from "../../db/schema";

export async function mqttIdTakenByTenant(db: Db, tenantId: string, externalId: string): Promise<boolean> {
  return (
    (await db.$count(
      mqttIdentities,
      and(eq(mqttIdentities.tenantId, tenantId), eq(mqttIdentities.externalId, externalId)),
    )) > 0
  );
}
