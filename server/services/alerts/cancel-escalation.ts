// Acknowledging or resolving an alert removes its pending escalation step (the
// job keyed escalate:<alert id>), in the same transaction as the change.
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { jobKey } from "../../contracts/jobs";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export function cancelEscalation(alertId: string) {
  return async (tx: Tx) => {
    await tx.execute(sql`select graphile_worker.remove_job(${jobKey("notify_alert", alertId)})`);
  };
}
