// Command status only moves forward (queued -> sent -> received -> done,
// failed or expired), as on the server. Socket events and reloads can arrive
// out of order, so the view never lets a later one move a command back.
import type { CommandDto } from "@/server/contracts/api";
import type { CommandChangeDto, CommandStatus } from "@/server/contracts/socket-events";

const rank: Record<CommandStatus, number> = { queued: 0, sent: 1, received: 2, done: 3, failed: 3, expired: 3 };

export function laterStatus(current: CommandStatus, next: CommandStatus): CommandStatus {
  return rank[next] > rank[current] ? next : current;
}

/** Applies socket changes to the commands they name. */
export function applyCommandChanges(commands: CommandDto[], changes: CommandChangeDto[]): CommandDto[] {
  const byId = new Map(changes.map((c) => [c.commandId, c.status]));
  return commands.map((c) => {
    const status = byId.get(c.id);
    return status && laterStatus(c.status, status) !== c.status ? { ...c, status } : c;
  });
}

/** A reloaded list, keeping any status the view already saw further along. */
export function mergeReloaded(current: CommandDto[], reloaded: CommandDto[]): CommandDto[] {
  const seen = new Map(current.map((c) => [c.id, c.status]));
  return reloaded.map((c) => {
    const status = seen.get(c.id);
    return status && laterStatus(c.status, status) !== c.status ? { ...c, status } : c;
  });
}
