// A QoS 1 stream of GPS fixes from several phones, and how many rows each fix
// became: the scale-out tests' way of checking "stored exactly once".
import type { MqttClient } from "mqtt";
import type { Sql } from "postgres";
import type { GuardResponse } from "./api-client";
import type { GpsFix } from "./mqtt-device";

export type Phone = { guard: GuardResponse; client: MqttClient };

/**
 * Publishes the fixes spread over the phones, QoS 1; `perSecond` paces them,
 * else they go as fast as the broker acknowledges. Resolves on the last PUBACK.
 */
export async function publishFixes(
  phones: Phone[],
  fixes: GpsFix[],
  { perSecond, progress = { published: 0 } }: { perSecond?: number; progress?: { published: number } } = {},
): Promise<void> {
  const startedAt = performance.now();
  const acknowledged: Promise<unknown>[] = [];
  for (const [i, fix] of fixes.entries()) {
    if (perSecond) {
      const wait = startedAt + (i * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const { guard, client } = phones[i % phones.length]!;
    acknowledged.push(client.publishAsync(`guard/${guard.externalId}/gps`, JSON.stringify(fix), { qos: 1 }));
    progress.published = i + 1;
  }
  await Promise.all(acknowledged);
}

/** Rows per msg_id among the given fixes (a fix not stored is absent). */
export async function storedCounts(sql: Sql, fixes: GpsFix[]): Promise<Map<string, number>> {
  const ids = fixes.map((f) => f.msg_id!);
  const rows = await sql<{ msg_id: string; n: number }[]>`
    select msg_id, count(*)::int as n from guard_locations where msg_id = any(${ids}) group by msg_id`;
  return new Map(rows.map((r) => [r.msg_id, r.n]));
}
