// The tenant's audit log, newest first, filtered by who, what and when, a page
// at a time by keyset (at, id), so pages stay put while entries are added.
import { and, desc, eq, getTableColumns, gte, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { auditEvents } from "../../../db/schema";
import type { AuditEventDto, ListAuditEventsQuery } from "../../contracts/audit";
import type { Page } from "../../contracts/pagination";
import type { Actor } from "../../auth/actor";
import { decodeCursor, toPage } from "../keyset-page";

type Row = typeof auditEvents.$inferSelect & { atKey: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function byActor(actor: string): SQL {
  return UUID.test(actor)
    ? eq(auditEvents.actorUserId, actor)
    : sql`lower(${auditEvents.actorEmail}) = ${actor.toLowerCase()}`;
}

function olderThan(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [at, id] = decodeCursor(cursor);
  return sql`(${auditEvents.at}, ${auditEvents.id}) < (${at}::timestamptz, ${id}::uuid)`;
}

function filters(tenantId: string, query: Omit<ListAuditEventsQuery, "limit">): SQL | undefined {
  return and(
    eq(auditEvents.tenantId, tenantId),
    query.actor ? byActor(query.actor) : undefined,
    query.entityType ? eq(auditEvents.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditEvents.entityId, query.entityId) : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.from ? gte(auditEvents.at, new Date(query.from)) : undefined,
    query.to ? lte(auditEvents.at, new Date(query.to)) : undefined,
    olderThan(query.cursor),
  );
}

// What only admins may read elsewhere (the users, tenants and notifications pages, a device's configurations) stays
// theirs here: a manager sees that it changed, who changed it and when, not its contents.
const ADMIN_ONLY_ENTITIES = new Set(["user", "tenant", "contact", "escalation_policy"]);

function withheldFrom(actor: Actor, row: Row): boolean {
  return actor.role !== "admin" && (ADMIN_ONLY_ENTITIES.has(row.entityType) || row.action === "set_config");
}

function toDto(row: Row, withheld: boolean): AuditEventDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorUserId ? { userId: row.actorUserId, email: row.actorEmail, role: row.actorRole } : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: withheld ? null : row.before,
    after: withheld ? null : row.after,
    withheld,
    ip: row.ip,
    userAgent: row.userAgent,
    channel: row.channel,
  };
}

export async function listAuditEvents(db: Db, actor: Actor, query: ListAuditEventsQuery): Promise<Page<AuditEventDto>> {
  const rows = await db
    .select({
      ...getTableColumns(auditEvents),
      // The time to the microsecond: the page key (an ISO string in milliseconds would skip entries).
      atKey: sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(auditEvents)
    .where(filters(actor.tenantId, query))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => toDto(r, withheldFrom(actor, r)),
    (r) => [r.atKey, r.id],
  );
}
