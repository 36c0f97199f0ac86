// Collects pipeline results and commits them in batches: at most maxRows per
// transaction, at most maxWaitMs after the first item waits (0: as soon as
// the batch before has committed, with all that arrived meanwhile). Batches commit
// one after another, so messages are stored in arrival order. A message is
// settled (acknowledged to the broker) only after its batch commits.
import type { Sql } from "postgres";
import type { Logger } from "../observability/logger";
import { isRejected, type BatchItem, type RejectedMessage, type ValidatedMessage } from "./pipeline/types";
import { persistBatch, type PersistedBatch } from "./persist/persist-batch";
import type { LastSeenWrites } from "./persist/touch-devices";
import type { TenantRules } from "./tenant-rules";
import type { TenantFenceCache } from "../geofence/tenant-fences";
import type { TenantPatrols } from "./tenant-patrols";
import { isConflict, isTransientStorageError } from "./storage-errors";
import { ingestTrace } from "./ingest-trace";

export type BatchWriter = {
  add: (item: BatchItem) => boolean;
  readonly buffered: number;
  /** Commits everything buffered, then resolves. */
  drain: () => Promise<void>;
  /** Forgets buffered items without settling them (the broker redelivers). */
  discard: () => number;
};

export function createBatchWriter({
  sql,
  tenantRules,
  tenantFences,
  tenantPatrols,
  maxRows,
  maxWaitMs,
  maxBuffered,
  logger,
  onCommitted,
  onStorageDown,
}: {
  sql: Sql;
  tenantRules: TenantRules;
  tenantFences: TenantFenceCache;
  tenantPatrols: TenantPatrols;
  maxRows: number;
  maxWaitMs: number;
  maxBuffered: number;
  logger: Logger;
  onCommitted: (batch: PersistedBatch, items: BatchItem[]) => void;
  onStorageDown: (error: unknown) => void;
}): BatchWriter {
  let buffer: BatchItem[] = [];
  const lastSeen: LastSeenWrites = new Map();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function commit(items: BatchItem[]): Promise<void> {
    ingestTrace.batchStart(items);
    const accepted: ValidatedMessage[] = [];
    const rejections: RejectedMessage[] = [];
    for (const item of items) {
      if (isRejected(item)) rejections.push(item);
      else accepted.push(item);
    }
    const tenantIds = accepted.map((m) => m.source.tenantId);
    const guardTenants = accepted.filter((m) => m.family === "guard").map((m) => m.source.tenantId);
    const [rules, fences, patrols] = await Promise.all([
      tenantRules.forTenants(tenantIds),
      tenantFences.forTenants(guardTenants),
      tenantPatrols.forTenants(guardTenants),
    ]);
    ingestTrace.mark("caches");
    const batch = await commitRetryingConflicts(() =>
      persistBatch(sql, { accepted, rejections, lastSeen, rules, fences, patrols }),
    );
    ingestTrace.mark("commit");
    // Visits change the GPS targets: the next batch reloads them without waiting for the NOTIFY to come back.
    for (const { tenantId } of batch.tourRuns) tenantPatrols.invalidate(tenantId);
    for (const item of items) item.message.settle();
    onCommitted(batch, items);
    ingestTrace.mark("broadcast");
    ingestTrace.batchEnd();
  }

  // Another process's transaction (a shared subscription's other ingestor, a worker) that locks the same rows (a
  // tour run two guards visit) in the opposite order: PostgreSQL ends one of the two with a deadlock, and running
  // the batch again once the other has committed succeeds. Not a database outage.
  async function commitRetryingConflicts<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (!isConflict(error) || attempt === 3) throw error;
        logger.warn({ err: error, attempt }, "ingest batch conflicted with another transaction: retrying");
      }
    }
  }

  // A row PostgreSQL refuses must not block the others: retry one by one and
  // quarantine whatever still fails.
  async function commitOneByOne(items: BatchItem[]): Promise<void> {
    for (const item of items) {
      try {
        await commit([item]);
      } catch (error) {
        if (isTransientStorageError(error)) throw error;
        logger.warn({ err: error, topic: item.message.topic }, "message refused by storage");
        const { message, family, source } = item;
        await commit([
          { message, family, source, reason: "storage_error", detail: String((error as Error).message).slice(0, 200) },
        ]);
      }
    }
  }

  async function flushLoop(): Promise<void> {
    while (buffer.length > 0) {
      const items = buffer.slice(0, maxRows);
      buffer = buffer.slice(items.length);
      try {
        try {
          await commit(items);
        } catch (error) {
          if (isTransientStorageError(error)) throw error;
          await commitOneByOne(items);
        }
      } catch (error) {
        logger.error({ err: error, items: items.length }, "ingest batch failed");
        buffer = [];
        onStorageDown(error);
        return;
      }
    }
  }

  function startFlush(): void {
    running = flushLoop().finally(() => {
      running = undefined;
      if (buffer.length > 0) schedule();
    });
  }

  function schedule(): void {
    if (running) return;
    if (buffer.length >= maxRows || maxWaitMs === 0) {
      clearTimeout(timer);
      timer = undefined;
      startFlush();
    } else {
      timer ??= setTimeout(() => {
        timer = undefined;
        if (!running) startFlush();
      }, maxWaitMs);
    }
  }

  return {
    add(item) {
      if (buffer.length >= maxBuffered) return false;
      buffer.push(item);
      schedule();
      return true;
    },
    get buffered() {
      return buffer.length;
    },
    async drain() {
      clearTimeout(timer);
      timer = undefined;
      while (running || buffer.length > 0) {
        if (!running) startFlush();
        await running;
      }
    },
    discard() {
      const n = buffer.length;
      buffer = [];
      return n;
    },
  };
}
