// Asks the worker, in the caller's transaction, to bring the tenant's OwnTracks
// phones' regions in step after a change to assignments, fences or which guard
// a phone belongs to (workers/tasks/sync_owntracks_waypoints.ts). One pending
// job per tenant: a burst of edits sends each phone one list.
import type { Db } from "../../../db/client";
import { jobKey } from "../../contracts/jobs";
import { enqueueJob } from "../commands/enqueue-job";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function syncOwnTracksWaypoints(tx: Tx | Db, tenantId: string): Promise<void> {
  await enqueueJob(tx, "sync_owntracks_waypoints", { tenantId }, { key: jobKey("sync_owntracks_waypoints", tenantId) });
}
