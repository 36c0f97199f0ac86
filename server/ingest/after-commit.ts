// After a batch commits: count results and broadcast to each tenant's browsers
// (one event per tenant per batch, not one per message).
import { socketEvents } from "../contracts/socket-events";
import type { Metrics } from "../observability/metrics";
import type { Broadcaster } from "../realtime/broadcaster";
import type { PersistedBatch } from "./persist/persist-batch";
import type { AlertReceipt } from "./persist/raise-alerts";

function groupByTenant<T extends { tenantId: string }>(rows: T[]): Map<string, Omit<T, "tenantId">[]> {
  const groups = new Map<string, Omit<T, "tenantId">[]>();
  for (const { tenantId, ...rest } of rows) {
    const list = groups.get(tenantId) ?? [];
    list.push(rest);
    groups.set(tenantId, list);
  }
  return groups;
}

export type ReceiptPublisher = (receipt: AlertReceipt) => void;

export function createAfterCommit({
  metrics,
  broadcaster,
  publishReceipt,
}: {
  metrics: Metrics;
  broadcaster: Broadcaster;
  publishReceipt: ReceiptPublisher;
}) {
  return function afterCommit(batch: PersistedBatch): void {
    const now = performance.now();
    for (const e of batch.stored) {
      metrics.mqttMessages.inc({ family: e.family!, result: "accepted" });
      metrics.ingestLatency.observe((now - e.message.arrivedAt) / 1000);
    }
    for (const e of batch.duplicates) metrics.mqttMessages.inc({ family: e.family!, result: "duplicate" });
    metrics.batchSize.observe(batch.stored.length + batch.duplicates.length + batch.rejections.length);
    for (const [tenantId, positions] of groupByTenant(batch.positions)) {
      broadcaster.toTenant(tenantId, socketEvents.guardPositions, positions);
    }
    for (const [tenantId, telemetry] of groupByTenant(batch.telemetry)) {
      broadcaster.toTenant(tenantId, socketEvents.deviceTelemetry, telemetry);
    }
    for (const [tenantId, alerts] of groupByTenant(batch.alerts.map(({ created: _created, ...a }) => a))) {
      broadcaster.toTenant(tenantId, socketEvents.alertsChanged, alerts);
    }
    for (const [tenantId, changes] of groupByTenant(batch.commands)) {
      broadcaster.toTenant(tenantId, socketEvents.commandsChanged, changes);
    }
    for (const alert of batch.alerts) if (alert.created) metrics.alertsRaised.inc({ severity: alert.severity });
    for (const receipt of batch.receipts) publishReceipt(receipt);
  };
}
