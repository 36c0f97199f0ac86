// What a job uses to reach browsers: one user (all of their tabs) or a
// tenant's NOC consoles, with a priority in the payload so the browser knows
// how loudly to show it. Only events whose payload carries a priority can be
// sent this way.
import type { BroadcastPriority, ServerToClientEvents } from "../contracts/socket-events";
import type { Broadcaster } from "./broadcaster";

type PayloadOf<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** Events with a single payload that carries a priority. */
export type PrioritisedEvent = {
  [E in keyof ServerToClientEvents]: Parameters<ServerToClientEvents[E]> extends [{ priority: BroadcastPriority }]
    ? E
    : never;
}[keyof ServerToClientEvents];

type Message<E extends PrioritisedEvent> = {
  event: E;
  payload: Omit<PayloadOf<E>, "priority">;
  priority?: BroadcastPriority;
};

function withPriority<E extends PrioritisedEvent>({ payload, priority = "normal" }: Message<E>) {
  return [{ ...payload, priority }] as unknown as Parameters<ServerToClientEvents[E]>;
}

export function broadcastToUser<E extends PrioritisedEvent>(
  broadcaster: Broadcaster,
  userId: string,
  message: Message<E>,
): void {
  broadcaster.toUser(userId, message.event, ...withPriority(message));
}

export function broadcastToNoc<E extends PrioritisedEvent>(
  broadcaster: Broadcaster,
  tenantId: string,
  message: Message<E>,
): void {
  broadcaster.toTenant(tenantId, message.event, ...withPriority(message));
}
