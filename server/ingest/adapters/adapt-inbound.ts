// Where protocol adapters plug into ingestion: a message on an adapter's
// topics (OwnTracks's `owntracks/{user}/{device}`) is turned into native
// uplinks, which then run through the same pipeline as Vigil's own topics
// (whitelist, identify, decode, validate, batch, alerts, receipts); every
// other message goes to the pipeline unchanged. The original message is
// acknowledged once all of its native uplinks are.
import type { Sql } from "postgres";
import { OWNTRACKS_ROOT, parseOwnTracksTopic } from "../../contracts/mqtt-topics";
import { socketEvents } from "../../contracts/socket-events";
import type { Logger } from "../../observability/logger";
import type { Metrics } from "../../observability/metrics";
import type { Broadcaster } from "../../realtime/broadcaster";
import { markDeviceOffline } from "../../services/devices/mark-device-offline";
import type { Pipeline } from "../pipeline/run-pipeline";
import type { InboundMessage } from "../pipeline/types";
import type { AdaptedMessage } from "./adapted-message";
import type { DeviceGuards } from "./device-guards";
import { fromOwnTracks } from "./owntracks";
import { createOwnTracksTopics } from "./owntracks-topics";

const OWNTRACKS_PREFIX = `${OWNTRACKS_ROOT}/`;

export type AdaptedIngest = {
  /** Any broker message: adapted if it is on an adapter's topics, else straight to the pipeline. */
  ingest: Pipeline["ingest"];
  /** One OwnTracks payload from an authenticated device (MQTT or HTTP mode). */
  ownTracks: (message: InboundMessage, login: { user: string; deviceName: string }) => Promise<void>;
};

export function createAdaptedIngest({
  pipeline,
  deviceGuards,
  sql,
  broadcaster,
  metrics,
  logger,
  maxPayloadBytes,
}: {
  pipeline: Pipeline;
  deviceGuards: DeviceGuards;
  sql: Sql;
  broadcaster: Broadcaster;
  metrics: Metrics;
  logger: Logger;
  maxPayloadBytes: number;
}): AdaptedIngest {
  async function goOffline(deviceExternalId: string): Promise<void> {
    const offline = await markDeviceOffline(sql, deviceExternalId);
    if (!offline?.alert) return;
    const { created: _created, tenantId, ...alert } = offline.alert;
    broadcaster.toTenant(tenantId, socketEvents.alertsChanged, [alert]);
  }

  async function handle(adapted: AdaptedMessage, message: InboundMessage, protocol: string): Promise<void> {
    if (adapted.kind === "ignored") {
      metrics.mqttMessages.inc({ family: protocol, result: "ignored" });
      return message.settle();
    }
    if (adapted.kind === "offline") {
      metrics.mqttMessages.inc({ family: protocol, result: "offline" });
      // A lost last will costs little: liveness finds the device silent soon after.
      await goOffline(adapted.deviceExternalId).catch((error: unknown) =>
        logger.error({ err: error, device: adapted.deviceExternalId }, "marking a device offline failed"),
      );
      return message.settle();
    }
    let left = adapted.uplinks.length;
    const settleOne = () => {
      left -= 1;
      if (left === 0) message.settle();
    };
    for (const { topic, payload } of adapted.uplinks) {
      await pipeline.ingest({ topic, payload, qos: message.qos, arrivedAt: message.arrivedAt, settle: settleOne });
    }
  }

  const ownTracksTopics = createOwnTracksTopics({ sql, logger });

  async function ownTracks(message: InboundMessage, login: { user: string; deviceName: string }): Promise<void> {
    ownTracksTopics.remember(login.user, `${OWNTRACKS_ROOT}/${login.user}/${login.deviceName}`);
    const guardExternalId = await deviceGuards.guardOf(login.user);
    const source = { deviceExternalId: login.user, deviceName: login.deviceName, guardExternalId };
    await handle(fromOwnTracks(message.payload, source, maxPayloadBytes), message, "owntracks");
  }

  return {
    ownTracks,
    ingest(message) {
      // Native topics (nearly every message) go straight on: no parsing, no extra await on the hot path.
      if (!message.topic.startsWith(OWNTRACKS_PREFIX)) return pipeline.ingest(message);
      const topic = parseOwnTracksTopic(message.topic);
      if ("refused" in topic) return pipeline.ingest(message);
      // The broker let this login publish only under its own user (device-acl.ts).
      return ownTracks(message, { user: topic.user, deviceName: topic.deviceName });
    },
  };
}
