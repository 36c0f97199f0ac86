// Resolved alert history written straight into the database, with a pattern
// a model can learn: one faulty door sensor that alarms at night, nearly
// always for nothing, among sensors whose alarms are mostly real.
import { randomBytes } from "node:crypto";
import type { Sql } from "postgres";
import { seededRandom } from "../../server/ml/split-examples";

export type SeededHistory = { siteId: string; faultyDoorId: string; alerts: number };

async function insertDevice(sql: Sql, tenantId: string, siteId: string, name: string): Promise<string> {
  const externalId = `${name}-${randomBytes(4).toString("hex")}`;
  const [device] = await sql<{ id: string }[]>`
    insert into devices (tenant_id, external_id, kind, name, site_id, secret_hash)
    values (${tenantId}, ${externalId}, 'sensor', ${name}, ${siteId}, ${randomBytes(32).toString("hex")})
    returning id`;
  return device!.id;
}

export async function seedAlertHistory(
  sql: Sql,
  { tenantId, count = 200, seed = 3 }: { tenantId: string; count?: number; seed?: number },
): Promise<SeededHistory> {
  const random = seededRandom(seed);
  const [site] = await sql<{ id: string }[]>`
    insert into sites (tenant_id, name, timezone) values (${tenantId}, 'Warehouse', 'UTC') returning id`;
  const siteId = site!.id;
  const faultyDoorId = await insertDevice(sql, tenantId, siteId, "door-faulty");
  const others = [
    { id: await insertDevice(sql, tenantId, siteId, "door-front"), type: "intrusion" },
    { id: await insertDevice(sql, tenantId, siteId, "motion-hall"), type: "activity" },
    { id: await insertDevice(sql, tenantId, siteId, "smoke-kitchen"), type: "fire" },
  ];
  const day = 24 * 3600 * 1000;
  const start = Date.now() - 60 * day;
  const rows = Array.from({ length: count }, (_, i) => {
    const faulty = random() < 0.4;
    const source = faulty ? { id: faultyDoorId, type: "intrusion" } : others[i % others.length]!;
    const hour = faulty
      ? random() < 0.85
        ? Math.floor(random() * 5)
        : 9 + Math.floor(random() * 8)
      : Math.floor(random() * 24);
    const at = new Date(
      start + Math.floor((i / count) * 58) * day + hour * 3600 * 1000 + Math.floor(random() * 3600_000),
    );
    const falseAlarm = faulty ? (hour < 6 ? random() < 0.95 : random() < 0.3) : random() < 0.12;
    return {
      tenant_id: tenantId,
      device_id: source.id,
      site_id: siteId,
      source_key: `device:${source.id}`,
      type: source.type,
      severity: source.type === "fire" ? "critical" : "high",
      status: "RESOLVED",
      message: "seeded history",
      count: 1,
      first_seen_at: at,
      last_seen_at: at,
      resolved_at: new Date(at.getTime() + 600_000),
      outcome: falseAlarm ? "false_alarm" : "real",
    };
  });
  await sql`insert into alerts ${sql(rows)}`;
  const telemetry = rows.map((r) => ({
    tenant_id: tenantId,
    device_id: r.device_id,
    recorded_at: new Date(r.first_seen_at.getTime() - 60_000),
    battery: r.device_id === faultyDoorId ? 20 + random() * 20 : 60 + random() * 40,
    signal_dbm: r.device_id === faultyDoorId ? -95 : -65,
  }));
  await sql`insert into device_telemetry ${sql(telemetry)}`;
  return { siteId, faultyDoorId, alerts: count };
}
