// Quarantined MQTT messages, newest first, a page at a time. A tenant sees
// its own devices' rejects plus those no tenant could be found for (unknown
// devices, malformed topics), which is where new devices first show up.
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices, mqttQuarantine } from "../../../db/schema";
import type { Actor } from "../../services/actor";

export type QuarantineEntryDto = {
  id: number;
  topic: string;
  reason: string;
  detail: string | null;
  payload: string;
  deviceExternalId: string | null;
  receivedAt: string;
  /** The id an admin can register as a new device, for unknown-source rejects. */
  registrableExternalId: string | null;
};

const TOPIC_ID = /^(device|sensor|system)\/([A-Za-z0-9._:-]{1,128})\/|^alert\/[^/]+\/([A-Za-z0-9._:-]{1,128})$/;

export function registrableId(topic: string, reason: string): string | null {
  if (reason !== "unknown_source") return null;
  const match = TOPIC_ID.exec(topic);
  return match?.[2] ?? match?.[3] ?? null;
}

export const tenantOrUnattributed = (actor: Actor) =>
  or(eq(mqttQuarantine.tenantId, actor.tenantId), isNull(mqttQuarantine.tenantId));

export async function listQuarantine(
  db: Db,
  actor: Actor,
  { before, limit }: { before?: number; limit: number },
): Promise<{ items: QuarantineEntryDto[]; nextBefore: number | null }> {
  const rows = await db
    .select({ entry: mqttQuarantine, deviceExternalId: devices.externalId })
    .from(mqttQuarantine)
    .leftJoin(devices, eq(devices.id, mqttQuarantine.deviceId))
    .where(and(tenantOrUnattributed(actor), before ? lt(mqttQuarantine.id, before) : undefined))
    .orderBy(desc(mqttQuarantine.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(({ entry, deviceExternalId }) => ({
      id: entry.id,
      topic: entry.topic,
      reason: entry.reason,
      detail: entry.detail,
      payload: entry.payload,
      deviceExternalId,
      receivedAt: entry.receivedAt.toISOString(),
      registrableExternalId: registrableId(entry.topic, entry.reason),
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.entry.id ?? null) : null,
  };
}
