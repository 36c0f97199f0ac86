// Site limits: an operator or supervisor may be limited to some of the tenant's
// sites (users.site_ids), and then sees only those sites and their guards,
// devices and alerts. Every presenter and service that reads for an actor adds
// these conditions beside its tenant condition, so no route can forget them.
// The rule itself is written once, as SQL functions (migration 0026_user_sites):
// - a site: one of the actor's sites;
// - a guard: assigned to one of them (guard_in_sites);
// - a device: at one of them, or bound to a guard who is (device_in_sites);
// - an alert: its site is one of them; without a site, its guard or its device is (alert_in_sites).
// Everything else hangs off these (positions and violations off the guard, tour runs off the site).
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { UserRole } from "../contracts/api";
import type { Actor } from "./actor";

/** The roles a site limit applies to; admins and managers always see the whole tenant. */
export const SITE_LIMITED_ROLES: readonly UserRole[] = ["operator", "supervisor"];

/** The sites a user with this role and these stored site ids is limited to; undefined: the whole tenant. */
export function effectiveSiteIds(role: UserRole, siteIds: readonly string[]): string[] | undefined {
  return SITE_LIMITED_ROLES.includes(role) && siteIds.length > 0 ? [...siteIds] : undefined;
}

/** The actor's sites as a uuid[] SQL value, or undefined when the actor sees the whole tenant. */
export function siteArray(actor: Pick<Actor, "siteIds">): SQL | undefined {
  const ids = actor.siteIds;
  if (!ids || ids.length === 0) return undefined;
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
}

/** A site id column is one of the actor's sites. */
export function siteInScope(actor: Pick<Actor, "siteIds">, siteId: AnyColumn | SQL): SQL | undefined {
  const ids = siteArray(actor);
  return ids && sql`coalesce(${siteId} = any(${ids}), false)`;
}

/** A guard id column names a guard assigned to one of the actor's sites. */
export function guardInScope(actor: Pick<Actor, "siteIds">, guardId: AnyColumn | SQL): SQL | undefined {
  const ids = siteArray(actor);
  return ids && sql`guard_in_sites(${guardId}, ${ids})`;
}

/** A device (its site and guard columns) is at one of the actor's sites or with one of their guards. */
export function deviceInScope(
  actor: Pick<Actor, "siteIds">,
  device: { siteId: AnyColumn; guardId: AnyColumn },
): SQL | undefined {
  const ids = siteArray(actor);
  return ids && sql`device_in_sites(${device.siteId}, ${device.guardId}, ${ids})`;
}

/** An alert (its site, guard and device columns) belongs to one of the actor's sites. */
export function alertInScope(
  actor: Pick<Actor, "siteIds">,
  alert: { siteId: AnyColumn; guardId: AnyColumn; deviceId: AnyColumn },
): SQL | undefined {
  const ids = siteArray(actor);
  return ids && sql`coalesce(alert_in_sites(${alert.siteId}, ${alert.guardId}, ${alert.deviceId}, ${ids}), false)`;
}
