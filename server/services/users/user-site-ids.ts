// The sites an admin limits a user to (server/auth/site-scope.ts): sites of the
// admin's tenant, and only for the roles a limit applies to; a user made admin
// or manager loses their limit, so the audit log never shows one that does not
// apply.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { sites } from "../../../db/schema";
import type { UserRole } from "../../contracts/api";
import { AppError } from "../../observability/app-error";
import { SITE_LIMITED_ROLES } from "../../auth/site-scope";

type Tx = Pick<Db, "select">;

function invalid(message: string): never {
  throw new AppError("invalid_input", message, { issues: [{ path: "siteIds", message }] });
}

/** The site ids to store for a user who will have `role`: `asked` checked, else `current` (cleared if moot). */
export async function userSiteIds(
  tx: Tx,
  tenantId: string,
  { role, asked, current }: { role: UserRole; asked: string[] | undefined; current: string[] },
): Promise<string[]> {
  const limitable = SITE_LIMITED_ROLES.includes(role);
  if (asked === undefined) return limitable ? current : [];
  const unique = [...new Set(asked)];
  if (unique.length === 0) return [];
  if (!limitable) invalid(`Only operators and supervisors can be limited to sites, not a ${role}.`);
  const found = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.tenantId, tenantId), inArray(sites.id, unique)));
  const known = new Set(found.map((s) => s.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) invalid(`No such site: ${unknown.join(", ")}.`);
  return unique;
}
