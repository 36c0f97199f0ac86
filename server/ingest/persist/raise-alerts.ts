// Alert messages (alert/{type}/{sourceId}) become alert rows: one open alert
// per (source, type); a repeat raises its count and last-seen time instead of
// creating another (the unique partial index makes this race-free across
// processes). Returns what changed and the receipt each message is owed.
import { downlinkTopic } from "../../contracts/mqtt-topics";
import type { TransactionSql } from "postgres";
import type { AlertRules } from "../../contracts/alert-rules";
import type { AlertSeverity } from "../../contracts/socket-events";
import type { Envelope } from "../pipeline/types";
import { upsertAlerts, type AlertRow, type RaisedAlert } from "../../services/alerts/upsert-alerts";
import { recordedAt } from "./recorded-at";

export type AlertReceipt = { topic: string; msgId: string; alertId: string };

const DEFAULT_SEVERITY: Record<string, AlertSeverity> = {
  panic: "critical",
  "man-down": "critical",
  fire: "critical",
  smoke: "critical",
  intrusion: "high",
  "geofence-violation": "critical",
};

function receiptTopic(envelope: Envelope): string {
  return downlinkTopic(envelope.source!.deviceId ? "device" : "guard", envelope.source!.externalId, "receipts");
}

function sourceKey(envelope: Envelope): string {
  const s = envelope.source!;
  return s.deviceId ? `device:${s.deviceId}` : `guard:${s.guardId}`;
}

const ALWAYS_CRITICAL = new Set(["panic", "man-down"]);

function severityOf(type: string, given: AlertSeverity | undefined, rules: AlertRules | undefined): AlertSeverity {
  if (ALWAYS_CRITICAL.has(type)) return "critical";
  return rules?.severities[type] ?? given ?? DEFAULT_SEVERITY[type] ?? "medium";
}

function toRow(e: Envelope, rules: AlertRules | undefined): AlertRow {
  const d = e.data!;
  const type = e.kind!.toLowerCase();
  const location = d.location as { lat: number; lon: number } | undefined;
  const at = recordedAt(e);
  return {
    tenant_id: e.source!.tenantId,
    device_id: e.source!.deviceId,
    guard_id: e.source!.guardId,
    site_id: e.source!.siteId,
    source_key: sourceKey(e),
    type,
    severity: severityOf(type, d.severity as AlertSeverity | undefined, rules),
    message: (d.message as string | undefined) ?? "",
    lat: location?.lat ?? null,
    lon: location?.lon ?? null,
    count: 1,
    first_seen_at: at,
    last_seen_at: at,
    extra: e.extra ?? null,
  };
}

export async function raiseAlerts(
  tx: TransactionSql,
  envelopes: Envelope[],
  rulesByTenant: Map<string, AlertRules>,
): Promise<{ alerts: RaisedAlert[]; receipts: AlertReceipt[] }> {
  if (envelopes.length === 0) return { alerts: [], receipts: [] };
  // Within one statement a key may appear once: fold repeats in the batch first.
  const groups = new Map<string, { row: AlertRow; envelopes: Envelope[] }>();
  for (const e of envelopes) {
    const row = toRow(e, rulesByTenant.get(e.source!.tenantId));
    const key = `${row.tenant_id}|${row.source_key}|${row.type}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { row, envelopes: [e] });
    else {
      group.row.count += 1;
      if (row.last_seen_at > group.row.last_seen_at) group.row.last_seen_at = row.last_seen_at;
      group.envelopes.push(e);
    }
  }
  const saved = await upsertAlerts(
    tx,
    [...groups.values()].map((g) => g.row),
  );

  const alerts: RaisedAlert[] = [];
  const receipts: AlertReceipt[] = [];
  const refSources: string[] = [];
  const refMsgIds: string[] = [];
  const refIds: string[] = [];
  for (const a of saved) {
    const group = groups.get(a.key)!;
    const { key: _key, ...rest } = a;
    const source = group.envelopes[0]!.source!;
    alerts.push({
      ...rest,
      firstSeenAt: new Date(a.firstSeenAt).toISOString(),
      lastSeenAt: new Date(a.lastSeenAt).toISOString(),
      sourceExternalId: source.externalId,
      sourceName: source.name,
    });
    for (const e of group.envelopes) {
      const msgId = e.data!.msg_id;
      if (typeof msgId !== "string") continue;
      receipts.push({ topic: receiptTopic(e), msgId, alertId: a.id });
      refSources.push(`${e.family}/${e.topicId}`);
      refMsgIds.push(msgId);
      refIds.push(a.id);
    }
  }
  if (refIds.length > 0) {
    await tx`
      update ingest_dedupe d set ref = v.ref
      from unnest(${refSources}::text[], ${refMsgIds}::text[], ${refIds}::text[]) as v(source, msg_id, ref)
      where d.source = v.source and d.msg_id = v.msg_id`;
  }
  return { alerts, receipts };
}

/** Receipts for resent alarms that were already stored: the device stops resending once it has one. */
export async function receiptsForResends(tx: TransactionSql, duplicates: Envelope[]): Promise<AlertReceipt[]> {
  const alarms = duplicates.filter((e) => e.family === "alert" && typeof e.data?.msg_id === "string");
  if (alarms.length === 0) return [];
  const rows = await tx<{ source: string; msgId: string; ref: string | null }[]>`
    select d.source, d.msg_id as "msgId", d.ref from ingest_dedupe d
    join unnest(${alarms.map((e) => `${e.family}/${e.topicId}`)}::text[], ${alarms.map((e) => e.data!.msg_id as string)}::text[])
      as v(source, msg_id) on d.source = v.source and d.msg_id = v.msg_id`;
  const refByKey = new Map(rows.map((r) => [`${r.source}|${r.msgId}`, r.ref]));
  return alarms.flatMap((e) => {
    const msgId = e.data!.msg_id as string;
    const alertId = refByKey.get(`${e.family}/${e.topicId}|${msgId}`);
    return alertId ? [{ topic: receiptTopic(e), msgId, alertId }] : [];
  });
}
