// A device's recent commands and configuration versions, newest first.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { deviceCommands, deviceConfigs } from "../../../db/schema";
import type { CommandDto, ConfigDto } from "../../contracts/api";
import type { Actor } from "../../auth/actor";
import { findDevice } from "./list-devices";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function listDeviceCommands(db: Db, actor: Actor, externalId: string): Promise<CommandDto[]> {
  const { row } = await findDevice(db, actor, externalId);
  const rows = await db
    .select()
    .from(deviceCommands)
    .where(and(eq(deviceCommands.tenantId, actor.tenantId), eq(deviceCommands.deviceId, row.id)))
    .orderBy(desc(deviceCommands.createdAt))
    .limit(100);
  return rows.map((c) => ({
    id: c.id,
    type: c.type,
    params: c.params,
    status: c.status,
    expiresAt: c.expiresAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
    sentAt: iso(c.sentAt),
    receivedAt: iso(c.receivedAt),
    completedAt: iso(c.completedAt),
    result: c.result,
  }));
}

export async function listDeviceConfigs(db: Db, actor: Actor, externalId: string): Promise<ConfigDto[]> {
  const { row } = await findDevice(db, actor, externalId);
  const rows = await db
    .select()
    .from(deviceConfigs)
    .where(and(eq(deviceConfigs.tenantId, actor.tenantId), eq(deviceConfigs.deviceId, row.id)))
    .orderBy(desc(deviceConfigs.version))
    .limit(20);
  return rows.map((c) => ({
    version: c.version,
    config: c.config,
    createdAt: c.createdAt.toISOString(),
    publishedAt: iso(c.publishedAt),
    appliedAt: iso(c.appliedAt),
  }));
}
