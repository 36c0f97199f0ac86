// Makes a reset link's token for an enabled user (by id, or by email for the
// forgotten-password request): 256 random bits for the link, SHA-256 in the
// database, valid 30 minutes; a new link replaces the user's unused ones.
// null when there is no such enabled user (the request is dropped quietly).
// postgres.js rather than drizzle: the worker, which sends the link, has no drizzle client.
import type { Sql } from "../../../db/client";
import { hashToken, newToken } from "../../auth/session-token";

const RESET_LINK_TTL_MS = 30 * 60 * 1000;

export async function issuePasswordReset(
  sql: Sql,
  who: { userId: string } | { email: string },
): Promise<{ token: string; tokenId: string; email: string } | null> {
  const token = newToken();
  const [row] = await sql<{ id: string; email: string }[]>`
    with target as (
      select id, tenant_id, email from users
      where ${"userId" in who ? sql`id = ${who.userId}` : sql`lower(email) = ${who.email.trim().toLowerCase()}`}
        and disabled_at is null
      for update),
    replaced as (
      delete from password_reset_tokens where user_id in (select id from target) and used_at is null)
    insert into password_reset_tokens (tenant_id, user_id, token_hash, expires_at)
    select tenant_id, id, ${hashToken(token)}, now() + ${RESET_LINK_TTL_MS / 1000}::int * interval '1 second' from target
    returning id, (select email from target) as email`;
  return row ? { token, tokenId: row.id, email: row.email } : null;
}
