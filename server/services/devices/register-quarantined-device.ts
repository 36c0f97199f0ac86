// One action from the quarantine list: register the unknown device that sent
// a rejected message, under the admin's tenant, and return its credentials.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { mqttQuarantine } from "../../../db/schema";
import type { RegisterDeviceInput } from "../../contracts/api";
import { AppError } from "../../observability/app-error";
import { registrableId, quarantineVisibleTo } from "../../presenters/quarantine/list-quarantine";
import type { Actor } from "../../auth/actor";
import { registerDevice } from "./register-device";

export async function registerQuarantinedDevice(
  db: Db,
  actor: Actor,
  { quarantineId, kind, name }: { quarantineId: number; kind: RegisterDeviceInput["kind"]; name?: string },
  { serviceUsername }: { serviceUsername?: string | undefined } = {},
) {
  const [entry] = await db
    .select()
    .from(mqttQuarantine)
    .where(and(eq(mqttQuarantine.id, quarantineId), quarantineVisibleTo(actor)));
  if (!entry) throw new AppError("not_found", "No such quarantine entry.");
  const externalId = registrableId(entry.topic, entry.reason);
  if (!externalId) throw new AppError("conflict", "This message was not rejected for an unknown device.");
  return registerDevice(db, actor, { externalId, kind, ...(name ? { name } : {}) }, { serviceUsername });
}
