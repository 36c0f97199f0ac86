// An operator's note on an alert ("called the site, guard is safe"): one more
// entry in its append-only event log (and in the audit log, in the same
// transaction), written only if the alert is the actor's tenant's, whatever
// its status (notes are added after resolving too).
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alerts } from "../../../db/schema";
import type { AlertEventDto, AlertNoteInput } from "../../contracts/alert-api";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { alertInScope } from "../../auth/site-scope";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function addAlertNote(
  db: Db,
  actor: Actor,
  alertId: string,
  { text }: AlertNoteInput,
  channel: string,
): Promise<AlertEventDto> {
  const detail = { note: text };
  return db.transaction(async (tx) => {
    const [row] = await tx.execute<{ at: Date | string }>(sql`
      insert into alert_events (tenant_id, alert_id, action, channel, user_id, detail)
      select tenant_id, id, 'note', ${channel}, ${actor.userId}, ${JSON.stringify(detail)}::jsonb
      from alerts where tenant_id = ${actor.tenantId} and id = ${alertId} and ${alertInScope(actor, alerts) ?? sql`true`}
      returning at`);
    if (!row) throw new AppError("not_found", "No such alert.");
    await recordAuditEvent(tx, actor, { action: "note", entityType: "alert", entityId: alertId, after: detail });
    return { action: "note", channel, by: actor.email, at: new Date(row.at).toISOString(), detail };
  });
}
