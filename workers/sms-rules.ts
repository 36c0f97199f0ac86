// Guards against SMS pumping and floods: only allowed country codes, at most
// N messages an hour per tenant (a compromised admin adding hundreds of new
// numbers cannot run up the bill), and at most N a minute to one number.
import type { JobHelpers } from "graphile-worker";
import type { NotificationSettings } from "./task-deps";

export type SmsRefusal = "country" | "tenant_cap" | "rate";

export async function smsRefusal(
  helpers: Pick<JobHelpers, "query">,
  { tenantId, phone }: { tenantId: string; phone: string },
  { smsAllowedCountryCodes, smsPerNumberPerMinute, smsTenantPerHour }: NotificationSettings,
): Promise<SmsRefusal | null> {
  const allowed = smsAllowedCountryCodes.includes("*") || smsAllowedCountryCodes.some((code) => phone.startsWith(code));
  if (!allowed) return "country";
  const { rows } = await helpers.query<{ tenant: number; number: number }>(
    `select count(*)::int as tenant,
            (count(*) filter (where recipient = $2 and sent_at > now() - interval '1 minute'))::int as number
     from notification_deliveries
     where tenant_id = $1 and channel = 'sms' and status = 'sent' and sent_at > now() - interval '1 hour'`,
    [tenantId, phone],
  );
  // Counted before sending: jobs running at the same moment may each pass, so
  // the cap can be exceeded by at most the workers' concurrency less one.
  if ((rows[0]?.tenant ?? 0) >= smsTenantPerHour) return "tenant_cap";
  return (rows[0]?.number ?? 0) >= smsPerNumberPerMinute ? "rate" : null;
}
