// Live sockets whose session has ended (signed out, expired, the user
// disabled) are disconnected within a few seconds, whichever process ended
// the session: one query per sweep for all the sockets of this process. So are
// sockets whose user's sites changed (server/auth/site-scope.ts): their rooms
// were chosen at connection, and the browser reconnects into the new ones.
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sessions, users } from "../../db/schema";
import type { Logger } from "../observability/logger";
import { effectiveSiteIds } from "../auth/site-scope";

const SESSION_SWEEP_MS = 2_000;

type SweptSocket = {
  data: { tokenHash?: string; actor?: { siteIds?: readonly string[] } };
  disconnect: (close?: boolean) => unknown;
};

/** The rooms a socket's sites put it in, as one comparable string ("" for the whole tenant). */
const scopeKey = (siteIds: readonly string[] | undefined) => [...(siteIds ?? [])].sort().join(",");

export function startSessionSweep({
  db,
  logger,
  sockets,
}: {
  db: Db;
  logger: Logger;
  sockets: () => Iterable<SweptSocket>;
}): () => void {
  const timer = setInterval(() => {
    const byToken = new Map<string, SweptSocket[]>();
    for (const socket of sockets()) {
      const hash = socket.data.tokenHash;
      if (hash) byToken.set(hash, [...(byToken.get(hash) ?? []), socket]);
    }
    if (byToken.size === 0) return;
    db.select({ hash: sessions.tokenHash, role: users.role, siteIds: users.siteIds })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          inArray(sessions.tokenHash, [...byToken.keys()]),
          gt(sessions.expiresAt, new Date()),
          isNull(users.disabledAt),
        ),
      )
      .then(
        (live) => {
          const scopes = new Map(live.map((s) => [s.hash, scopeKey(effectiveSiteIds(s.role, s.siteIds))]));
          const ended = [...byToken].filter(([hash]) => !scopes.has(hash));
          for (const [, group] of ended) for (const socket of group) socket.disconnect(true);
          for (const [hash, group] of byToken) {
            const scope = scopes.get(hash);
            if (scope === undefined) continue;
            for (const socket of group) if (scopeKey(socket.data.actor?.siteIds) !== scope) socket.disconnect(true);
          }
          if (ended.length > 0) logger.info({ sessions: ended.length }, "disconnected sockets of ended sessions");
        },
        (error: unknown) => logger.warn({ err: error }, "session sweep failed"),
      );
  }, SESSION_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
