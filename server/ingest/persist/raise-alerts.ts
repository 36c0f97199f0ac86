// The batch's alert candidates (alarms sent on alert/{type}/{sourceId}, and
// those the rules and the geofence check derived) become alert rows through
// upsertAlerts: one open alert per (source, type). The tenant's rules set the
// severity of each type (panic, man-down, duress and check-in-missed stay critical). Returns what
// changed and the receipt each alarm with a msg_id is owed.
import type { TransactionSql } from "postgres";
import type { AlertRules } from "../../contracts/alert-rules";
import type { AlertSeverity } from "../../contracts/socket-events";
import type { ValidatedAs } from "../pipeline/types";
import { alertKey, type AlertCandidate } from "../../services/alerts/alert-candidate";
import { upsertAlerts, type RaisedAlert } from "../../services/alerts/upsert-alerts";
import { alertSubject } from "./alert-subject";
import { dedupeSource } from "./dedupe-messages";
import { receiptTopic, type Receipt } from "./receipt";

type Alarm = ValidatedAs<"alert">;

const DEFAULT_SEVERITY: Record<string, AlertSeverity> = {
  panic: "critical",
  "man-down": "critical",
  fire: "critical",
  smoke: "critical",
  intrusion: "high",
  "geofence-violation": "critical",
};

const ALWAYS_CRITICAL = new Set(["panic", "man-down", "duress", "check-in-missed"]);

/** An alarm as a candidate; its severity is the sender's, else the type's default. */
function alarmCandidate({ source, kind, data, extra, recordedAt }: Alarm): AlertCandidate {
  const type = kind.toLowerCase();
  return {
    tenantId: source.tenantId,
    subject: alertSubject(source),
    siteId: source.siteId,
    type,
    severity: data.severity ?? DEFAULT_SEVERITY[type] ?? "medium",
    message: data.message ?? "",
    location: data.location ?? null,
    at: recordedAt,
    extra,
  };
}

function withTenantSeverity(candidate: AlertCandidate, rules: AlertRules | undefined): AlertCandidate {
  const severity = ALWAYS_CRITICAL.has(candidate.type)
    ? "critical"
    : (rules?.severities[candidate.type] ?? candidate.severity);
  return severity === candidate.severity ? candidate : { ...candidate, severity };
}

export async function raiseAlerts(
  tx: TransactionSql,
  { alarms, derived }: { alarms: Alarm[]; derived: AlertCandidate[] },
  rulesByTenant: Map<string, AlertRules>,
): Promise<{ alerts: RaisedAlert[]; receipts: Receipt[] }> {
  if (alarms.length === 0 && derived.length === 0) return { alerts: [], receipts: [] };
  const owed: { key: string; alarm: Alarm; msgId: string }[] = [];
  const candidates = derived.map((c) => withTenantSeverity(c, rulesByTenant.get(c.tenantId)));
  for (const alarm of alarms) {
    const candidate = withTenantSeverity(alarmCandidate(alarm), rulesByTenant.get(alarm.source.tenantId));
    candidates.push(candidate);
    if (alarm.data.msg_id !== undefined) owed.push({ key: alertKey(candidate), alarm, msgId: alarm.data.msg_id });
  }
  const raised = await upsertAlerts(tx, candidates);

  const receipts: Receipt[] = [];
  const refSources: string[] = [];
  const refMsgIds: string[] = [];
  const refIds: string[] = [];
  for (const { key, alarm, msgId } of owed) {
    const alert = raised.get(key);
    if (!alert) continue;
    receipts.push({ topic: receiptTopic(alarm.source), msgId, body: { alert_id: alert.id } });
    refSources.push(dedupeSource(alarm));
    refMsgIds.push(msgId);
    refIds.push(alert.id);
  }
  if (refIds.length > 0) {
    await tx`
      update ingest_dedupe d set ref = v.ref
      from unnest(${refSources}::text[], ${refMsgIds}::text[], ${refIds}::text[]) as v(source, msg_id, ref)
      where d.source = v.source and d.msg_id = v.msg_id`;
  }
  return { alerts: [...raised.values()], receipts };
}

/** Receipts for resent alarms that were already stored: the device stops resending once it has one. */
export async function receiptsForResends(tx: TransactionSql, duplicates: Alarm[]): Promise<Receipt[]> {
  const resent = duplicates.flatMap((alarm) => {
    const msgId = alarm.data.msg_id;
    return msgId === undefined ? [] : [{ alarm, msgId, source: dedupeSource(alarm) }];
  });
  if (resent.length === 0) return [];
  const rows = await tx<{ source: string; msgId: string; ref: string | null }[]>`
    select d.source, d.msg_id as "msgId", d.ref from ingest_dedupe d
    join unnest(${resent.map((r) => r.source)}::text[], ${resent.map((r) => r.msgId)}::text[])
      as v(source, msg_id) on d.source = v.source and d.msg_id = v.msg_id`;
  const refByKey = new Map(rows.map((r) => [`${r.source}|${r.msgId}`, r.ref]));
  return resent.flatMap(({ alarm, msgId, source }) => {
    const alertId = refByKey.get(`${source}|${msgId}`);
    return alertId ? [{ topic: receiptTopic(alarm.source), msgId, body: { alert_id: alertId } }] : [];
  });
}
