// Records one change in the audit log. Call it with the transaction of the
// write it describes, so a change cannot be committed without its entry (nor
// an entry without its change):
//
//   await db.transaction(async (tx) => {
//     const [row] = await tx.update(contacts).set(...).returning();
//     await recordAuditEvent(tx, actor, { action: "update", entityType: "contact", entityId: row.id, before, after });
//   });
//
// Who and from where come from the actor (the API wrapper puts the request's
// origin on it); before and after are redacted here, whatever the caller passes.
import type { Db } from "../../../db/client";
import { auditEvents } from "../../../db/schema";
import type { UserRole } from "../../contracts/api";
import type { AuditAction, AuditEntityType, RequestOrigin } from "../../contracts/audit";
import { redactSecrets } from "./redact-secrets";

/** An Actor, or someone who is not a user (a contact through a signed link: userId null). */
export type AuditActor = {
  tenantId: string;
  userId: string | null;
  email?: string;
  role?: UserRole;
  origin?: RequestOrigin;
};

type AuditChange = {
  action: AuditAction;
  entityType: AuditEntityType;
  /** The id the API names the entity by: a device's or guard's external id, else its uuid. */
  entityId: string;
  /** The entity before the change; absent when it is created. */
  before?: unknown;
  /** The entity after the change; absent when it is deleted. */
  after?: unknown;
};

const USER_AGENT_MAX = 512;

function asJson(value: unknown): unknown {
  return value === undefined ? null : redactSecrets(value);
}

export async function recordAuditEvent(
  tx: Pick<Db, "insert">,
  actor: AuditActor,
  { action, entityType, entityId, before, after }: AuditChange,
): Promise<void> {
  await tx.insert(auditEvents).values({
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorEmail: actor.userId ? (actor.email ?? null) : null,
    actorRole: actor.userId ? (actor.role ?? null) : null,
    action,
    entityType,
    entityId,
    before: asJson(before),
    after: asJson(after),
    ip: actor.origin?.ip ?? null,
    userAgent: actor.origin?.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
    channel: actor.origin?.channel ?? null,
  });
}
