// Quarantined MQTT messages, newest first, a page at a time. A tenant sees
// its own devices' rejects. Those no tenant could be found for (unknown
// devices, malformed topics, where new devices first show up) carry other
// tenants' mistyped ids and payloads, so only the installation's super-admin
// sees them. A user limited to sites sees their sites' devices' rejects
// (and those of unknown ids, which belong to no site).
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices, mqttQuarantine } from "../../../db/schema";
import type { QuarantinePageDto } from "../../contracts/quarantine";
import type { Actor } from "../../auth/actor";
import { siteArray } from "../../auth/site-scope";

const TOPIC_ID = /^(device|sensor|system)\/([A-Za-z0-9._:-]{1,128})\/|^alert\/[^/]+\/([A-Za-z0-9._:-]{1,128})$/;

export function registrableId(topic: string, reason: string): string | null {
  if (reason !== "unknown_source") return null;
  const match = TOPIC_ID.exec(topic);
  return match?.[2] ?? match?.[3] ?? null;
}

/** A user limited to sites sees the rejects of their sites' devices, and those of no registered device. */
function deviceRejectsInScope(actor: Actor): SQL | undefined {
  const sites = siteArray(actor);
  return (
    sites &&
    sql`(${mqttQuarantine.deviceId} is null or exists (select 1 from devices d
          where d.id = ${mqttQuarantine.deviceId} and device_in_sites(d.site_id, d.guard_id, ${sites})))`
  );
}

export const quarantineVisibleTo = (actor: Actor) =>
  actor.isSuperAdmin
    ? or(eq(mqttQuarantine.tenantId, actor.tenantId), isNull(mqttQuarantine.tenantId))
    : and(eq(mqttQuarantine.tenantId, actor.tenantId), deviceRejectsInScope(actor));

export async function listQuarantine(
  db: Db,
  actor: Actor,
  { before, limit }: { before?: number; limit: number },
): Promise<QuarantinePageDto> {
  const rows = await db
    .select({ entry: mqttQuarantine, deviceExternalId: devices.externalId })
    .from(mqttQuarantine)
    .leftJoin(devices, eq(devices.id, mqttQuarantine.deviceId))
    .where(and(quarantineVisibleTo(actor), before ? lt(mqttQuarantine.id, before) : undefined))
    .orderBy(desc(mqttQuarantine.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const registered = await registeredSince(
    db,
    actor,
    page.map(({ entry }) => registrableId(entry.topic, entry.reason)),
  );
  return {
    items: page.map(({ entry, deviceExternalId }) => {
      const unknownId = registrableId(entry.topic, entry.reason);
      // Once the unknown device is registered here, its old rejects link to it instead of offering to register it.
      const nowRegistered = unknownId !== null && registered.has(unknownId);
      return {
        id: entry.id,
        topic: entry.topic,
        reason: entry.reason,
        detail: entry.detail,
        payload: entry.payload,
        deviceExternalId: deviceExternalId ?? (nowRegistered ? unknownId : null),
        receivedAt: entry.receivedAt.toISOString(),
        registrableExternalId: nowRegistered ? null : unknownId,
      };
    }),
    nextBefore: rows.length > limit ? (page.at(-1)?.entry.id ?? null) : null,
  };
}

/** Which of these once-unknown ids are now the tenant's devices. */
async function registeredSince(db: Db, actor: Actor, ids: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .select({ externalId: devices.externalId })
    .from(devices)
    .where(and(eq(devices.tenantId, actor.tenantId), inArray(devices.externalId, wanted)));
  return new Set(rows.map((r) => r.externalId));
}
