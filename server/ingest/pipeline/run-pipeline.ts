// Runs a message through the ordered handlers and hands the result to the
// batch writer. Any handler may reject with a reason; a handler that throws
// is logged and counted, the message is quarantined and ingestion carries on.
import type { Logger } from "../../observability/logger";
import type { Metrics } from "../../observability/metrics";
import type { BatchWriter } from "../batch-writer";
import type { Envelope, Handler, InboundMessage, Verdict } from "./types";

// Telemetry-like traffic sent at QoS 0 may be shed under overload; alarms never.
const SHEDDABLE = new Set(["device", "guard", "system", "unknown"]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Pipeline = (message: InboundMessage) => Promise<void>;

export function createPipeline({
  handlers,
  writer,
  metrics,
  logger,
}: {
  handlers: Handler[];
  writer: BatchWriter;
  metrics: Metrics;
  logger: Logger;
}): Pipeline {
  async function evaluate(envelope: Envelope): Promise<Verdict> {
    for (const handler of handlers) {
      let verdict: Verdict;
      try {
        verdict = await handler.run(envelope);
      } catch (error) {
        metrics.handlerErrors.inc({ handler: handler.name });
        logger.error({ err: error, handler: handler.name, topic: envelope.message.topic }, "ingest handler failed");
        return { ok: false, reason: "handler_error", detail: handler.name };
      }
      if (!verdict.ok) return verdict;
    }
    return { ok: true };
  }

  return async function ingest(message) {
    const envelope: Envelope = { message };
    const verdict = await evaluate(envelope);
    const family = envelope.family ?? "unknown";
    const item = verdict.ok
      ? { envelope }
      : { envelope, rejection: { reason: verdict.reason, detail: verdict.detail } };
    if (!verdict.ok) {
      metrics.mqttMessages.inc({ family, result: verdict.reason });
      metrics.quarantined.inc({ reason: verdict.reason });
    }
    if (writer.add(item)) return;
    if (message.qos === 0 && SHEDDABLE.has(family)) {
      metrics.shed.inc({ family });
      message.settle();
      return;
    }
    // Not sheddable: hold this message (and so the broker's stream) until there is room.
    while (!writer.add(item)) await sleep(2);
  };
}
