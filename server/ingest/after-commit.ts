// After a batch commits: count results and broadcast to each tenant's browsers
// (one event per tenant per batch, not one per message), timing each emit from
// the arrival of the messages behind it.
import { socketEvents } from "../contracts/socket-events";
import type { Metrics } from "../observability/metrics";
import type { Broadcaster } from "../realtime/broadcaster";
import type { PersistedBatch } from "./persist/persist-batch";
import type { Receipt } from "./persist/receipt";

function groupByTenant<T extends { tenantId: string }>(rows: T[]): Map<string, Omit<T, "tenantId">[]> {
  const groups = new Map<string, Omit<T, "tenantId">[]>();
  for (const { tenantId, ...rest } of rows) {
    const list = groups.get(tenantId) ?? [];
    list.push(rest);
    groups.set(tenantId, list);
  }
  return groups;
}

export type ReceiptPublisher = (receipt: Receipt) => void;

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
    // Per tenant, the arrival of its oldest message in the batch: every event
    // sent to that tenant below waited at most this long.
    const oldestArrival = new Map<string, number>();
    for (const { family, message, source } of batch.stored) {
      metrics.mqttMessages.inc({ family, result: "accepted" });
      metrics.ingestLatency.observe((now - message.arrivedAt) / 1000);
      const { tenantId } = source;
      oldestArrival.set(tenantId, Math.min(oldestArrival.get(tenantId) ?? Infinity, message.arrivedAt));
    }
    for (const { family } of batch.duplicates) metrics.mqttMessages.inc({ family, result: "duplicate" });
    // Refusals of earlier stages were counted when submitted; these only the transaction could tell.
    for (const { family, reason } of batch.refused) {
      metrics.mqttMessages.inc({ family, result: reason });
      metrics.quarantined.inc({ reason });
    }
    metrics.batchSize.observe(batch.stored.length + batch.duplicates.length + batch.rejections.length);
    const emitted = (tenantId: string, event: string) => {
      const origin = oldestArrival.get(tenantId);
      if (origin !== undefined) metrics.socketDelivery.observe({ event }, (performance.now() - origin) / 1000);
    };
    for (const [tenantId, positions] of groupByTenant(batch.positions)) {
      broadcaster.toTenant(tenantId, socketEvents.guardPositions, positions);
      emitted(tenantId, socketEvents.guardPositions);
    }
    for (const [tenantId, telemetry] of groupByTenant(batch.telemetry)) {
      broadcaster.toTenant(tenantId, socketEvents.deviceTelemetry, telemetry);
      emitted(tenantId, socketEvents.deviceTelemetry);
    }
    for (const [tenantId, alerts] of groupByTenant(batch.alerts.map(({ created: _created, ...a }) => a))) {
      broadcaster.toTenant(tenantId, socketEvents.alertsChanged, alerts);
      emitted(tenantId, socketEvents.alertsChanged);
    }
    for (const [tenantId, changes] of groupByTenant(batch.commands)) {
      broadcaster.toTenant(tenantId, socketEvents.commandsChanged, changes);
      emitted(tenantId, socketEvents.commandsChanged);
    }
    for (const [tenantId, runs] of groupByTenant(batch.tourRuns)) {
      broadcaster.toTenant(tenantId, socketEvents.tourRunsChanged, runs);
      emitted(tenantId, socketEvents.tourRunsChanged);
    }
    for (const result of batch.checkIns) metrics.checkIns.inc({ result });
    for (const alert of batch.alerts) if (alert.created) metrics.alertsRaised.inc({ severity: alert.severity });
    for (const receipt of batch.receipts) publishReceipt(receipt);
  };
}
