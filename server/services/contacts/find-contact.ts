// The tenant's contact with this id, locked for the change about to be made;
// a removed contact or another tenant's is a 404 like one that never existed.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { contacts } from "../../../db/schema";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function lockContact(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, actor.tenantId), eq(contacts.id, id), isNull(contacts.deletedAt)))
    .for("update");
  if (!row) throw new AppError("not_found", `No contact ${id}.`);
  return row;
}
