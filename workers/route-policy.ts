// Which escalation policy notifies about an alert: the first, by priority
// (lowest first, then name), whose match the alert fits — each list the match
// gives must hold the alert's type, severity or site — with the tenant's
// default (empty match) after every other. Only that one policy notifies.
import type { PoolClient } from "pg";
import type { EscalationTier, QuietHours } from "../db/schema/escalation-policies";

export type RoutedPolicy = { id: string; tiers: EscalationTier[]; repeats: number; quiet_hours: QuietHours | null };
export type RoutedAlert = { tenant_id: string; type: string; severity: string; site_id: string | null };

const fits = (field: string, param: string) => `(not match ? '${field}' or match->'${field}' ? ${param})`;

async function routePolicy(client: Pick<PoolClient, "query">, alert: RoutedAlert): Promise<RoutedPolicy | null> {
  const { rows } = await client.query<RoutedPolicy>(
    `select id, tiers, repeats, quiet_hours from escalation_policies
     where tenant_id = $1 and ${fits("types", "$2::text")} and ${fits("severities", "$3::text")}
       and ${fits("siteIds", "coalesce($4::text, '')")}
     order by match = '{}'::jsonb, priority, name, id limit 1`,
    [alert.tenant_id, alert.type, alert.severity, alert.site_id],
  );
  return rows[0] ?? null;
}

type AlertRow = RoutedAlert & { status: string };

/**
 * The alert, locked for share until the caller's transaction ends, and its policy; null when the alert is gone or no
 * longer NEW (acknowledged alerts notify nobody more). `policy` is null when no policy takes the alert.
 */
export async function routeNewAlert(
  client: Pick<PoolClient, "query">,
  alertId: string,
): Promise<{ alert: RoutedAlert; policy: RoutedPolicy | null } | null> {
  const { rows } = await client.query<AlertRow>(
    "select tenant_id, site_id, status, severity, type from alerts where id = $1 for share",
    [alertId],
  );
  const alert = rows[0];
  if (!alert || alert.status !== "NEW") return null;
  return { alert, policy: await routePolicy(client, alert) };
}
