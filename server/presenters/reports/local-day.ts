// Report days are calendar days in the site's own time zone (UTC for rows
// without a site). The range test keeps an index-friendly bound on the raw
// timestamp (no zone is more than 14 h from UTC) beside the exact local one.
import { and, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { sites } from "../../../db/schema";

export const siteTimezone = sql<string>`coalesce(${sites.timezone}, 'UTC')`;

/** The local calendar day of `at` as YYYY-MM-DD. */
export function localDay(at: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${at} at time zone ${siteTimezone}, 'YYYY-MM-DD')`;
}

export function inLocalDays(at: AnyPgColumn, from: string, to: string): SQL {
  return and(
    sql`${at} >= ${from}::date - interval '14 hours'`,
    sql`${at} < ${to}::date + interval '38 hours'`,
    sql`(${at} at time zone ${siteTimezone})::date between ${from}::date and ${to}::date`,
  )!;
}
