// Tells the tenant's consoles how a training run stands (after every epoch,
// at low priority) and, when it has ended, the user who started it.
import type { TrainingRunDto } from "../../contracts/ml";
import { socketEvents } from "../../contracts/socket-events";
import { broadcastToNoc, broadcastToUser } from "../../realtime/broadcast-to";
import type { Broadcaster } from "../../realtime/broadcaster";

const ENDED = new Set(["succeeded", "failed", "cancelled"]);

export function announceTrainingRun(
  broadcaster: Broadcaster,
  { tenantId, requestedBy }: { tenantId: string; requestedBy: string | null },
  run: TrainingRunDto,
): void {
  const ended = ENDED.has(run.status);
  broadcastToNoc(broadcaster, tenantId, {
    event: socketEvents.trainingProgress,
    payload: { run },
    priority: ended ? "normal" : "low",
  });
  if (ended && requestedBy) {
    broadcastToUser(broadcaster, requestedBy, {
      event: socketEvents.trainingFinished,
      payload: { run },
      priority: run.status === "failed" ? "high" : "normal",
    });
  }
}
