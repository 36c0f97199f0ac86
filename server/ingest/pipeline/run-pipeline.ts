// Runs a message through the stages in order (route, identify, decode,
// validate) and hands the result to the batch writer. Any stage may refuse
// with a reason; a stage that throws is logged and counted, the message is
// quarantined and ingestion carries on. `submit` is the entry point after
// validation: protocol adapters hand their validated messages (and their
// refusals) to it, and they are stored exactly like those of native topics.
import type { Logger } from "../../observability/logger";
import type { Metrics } from "../../observability/metrics";
import type { BatchWriter } from "../batch-writer";
import {
  isRejected,
  type BatchItem,
  type DecodedMessage,
  type Family,
  type IdentifiedMessage,
  type InboundMessage,
  type Refusal,
  type RejectedMessage,
  type RoutedMessage,
  type Source,
  type Stage,
  type StageResult,
  type ValidatedMessage,
} from "./types";

// Telemetry-like traffic sent at QoS 0 may be shed under overload; alarms never.
const SHEDDABLE = new Set<Family | "unknown">(["device", "guard", "system", "unknown"]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type PipelineStages = {
  route: Stage<InboundMessage, RoutedMessage>;
  identify: Stage<RoutedMessage, IdentifiedMessage>;
  decode: Stage<IdentifiedMessage, DecodedMessage>;
  validate: Stage<DecodedMessage, ValidatedMessage>;
};

export type Pipeline = {
  /** A message on a native topic: through the stages, then `submit`. */
  ingest: (message: InboundMessage) => Promise<void>;
  /**
   * Into the batch writer: stored (or quarantined) in the next batch and settled
   * after its commit. Resolves once the writer has taken it: at once, or when it
   * has room again (back-pressure), or at once if it is QoS 0 telemetry shed under
   * overload.
   */
  submit: (item: BatchItem) => Promise<void>;
};

export function createPipeline({
  stages,
  writer,
  metrics,
  logger,
}: {
  stages: PipelineStages;
  writer: BatchWriter;
  metrics: Metrics;
  logger: Logger;
}): Pipeline {
  async function step<In, Out>(stage: Stage<In, Out>, input: In, topic: string): Promise<StageResult<Out>> {
    try {
      return await stage.run(input);
    } catch (error) {
      metrics.handlerErrors.inc({ handler: stage.name });
      logger.error({ err: error, handler: stage.name, topic }, "ingest handler failed");
      return { ok: false, reason: "handler_error", detail: stage.name };
    }
  }

  const refused = (
    message: InboundMessage,
    family: Family | "unknown",
    source: Source | null,
    { reason, detail }: Refusal,
  ): RejectedMessage => ({ message, family, source, reason, detail });

  async function evaluate(message: InboundMessage): Promise<BatchItem> {
    const { topic } = message;
    const routed = await step(stages.route, message, topic);
    if (!routed.ok) return refused(message, "unknown", null, routed);
    const { family } = routed.value;
    const identified = await step(stages.identify, routed.value, topic);
    if (!identified.ok) return refused(message, family, null, identified);
    const { source } = identified.value;
    const decoded = await step(stages.decode, identified.value, topic);
    if (!decoded.ok) return refused(message, family, source, decoded);
    const validated = await step(stages.validate, decoded.value, topic);
    if (!validated.ok) return refused(message, family, source, validated);
    return validated.value;
  }

  async function submit(item: BatchItem): Promise<void> {
    if (isRejected(item)) {
      metrics.mqttMessages.inc({ family: item.family, result: item.reason });
      metrics.quarantined.inc({ reason: item.reason });
    }
    if (writer.add(item)) return;
    if (item.message.qos === 0 && SHEDDABLE.has(item.family)) {
      metrics.shed.inc({ family: item.family });
      item.message.settle();
      return;
    }
    // Not sheddable: hold this message (and so the broker's stream) until there is room.
    while (!writer.add(item)) await sleep(2);
  }

  return {
    ingest: async (message) => submit(await evaluate(message)),
    submit,
  };
}
