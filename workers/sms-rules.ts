// Guards against SMS pumping and floods: only allowed country codes, and at
// most N messages a minute to one number.
import type { JobHelpers } from "graphile-worker";
import type { NotificationSettings } from "./task-deps";

export async function smsRefusal(
  helpers: Pick<JobHelpers, "query">,
  phone: string,
  { smsAllowedCountryCodes, smsPerNumberPerMinute }: NotificationSettings,
): Promise<"country" | "rate" | null> {
  const allowed = smsAllowedCountryCodes.includes("*") || smsAllowedCountryCodes.some((code) => phone.startsWith(code));
  if (!allowed) return "country";
  const { rows } = await helpers.query<{ n: number }>(
    `select count(*)::int as n from notification_deliveries
     where channel = 'sms' and recipient = $1 and status = 'sent' and sent_at > now() - interval '1 minute'`,
    [phone],
  );
  return (rows[0]?.n ?? 0) >= smsPerNumberPerMinute ? "rate" : null;
}
