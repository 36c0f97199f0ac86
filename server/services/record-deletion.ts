// Every removal of a contact, escalation policy, user or device leaves a row in
// `deletions`: who removed what, when, and the row as it was. Written in the
// transaction that removes it, so a removal is never unrecorded.
import type { Db } from "../../db/client";
import { deletions } from "../../db/schema";
import type { Actor } from "../auth/actor";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Kind = (typeof deletions.$inferInsert)["kind"];

export async function recordDeletion(
  tx: Tx,
  actor: Actor,
  { kind, entityId, label, before }: { kind: Kind; entityId: string; label: string; before: Record<string, unknown> },
): Promise<void> {
  await tx
    .insert(deletions)
    .values({ tenantId: actor.tenantId, kind, entityId, label, before, deletedBy: actor.userId });
}
