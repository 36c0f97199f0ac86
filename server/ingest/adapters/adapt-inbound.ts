// Where protocol adapters plug into ingestion: a message on an adapter's
// topics (OwnTracks's `owntracks/{user}/{device}`, a gateway's Zigbee2MQTT
// under `zigbee2mqtt/{gateway}/...`) is turned into native uplinks, which then
// run through the same pipeline as Vigil's own topics (whitelist, identify,
// decode, validate, batch, alerts, receipts); every other message goes to the
// pipeline unchanged. The original message is acknowledged once all of its
// native uplinks are (or once it is quarantined).
import type { Sql } from "postgres";
import {
  OWNTRACKS_ROOT,
  parseOwnTracksTopic,
  parseZigbee2MqttTopic,
  ZIGBEE2MQTT_ROOT,
} from "../../contracts/mqtt-topics";
import { socketEvents } from "../../contracts/socket-events";
import type { Logger } from "../../observability/logger";
import type { Metrics } from "../../observability/metrics";
import type { Broadcaster } from "../../realtime/broadcaster";
import { markDeviceOffline } from "../../services/devices/mark-device-offline";
import type { Pipeline } from "../pipeline/run-pipeline";
import type { InboundMessage } from "../pipeline/types";
import type { AdaptedMessage } from "./adapted-message";
import type { SourceRegistry } from "../source-registry";
import type { DeviceGuards } from "./device-guards";
import type { GatewaySensors } from "./gateway-sensors";
import { fromOwnTracks } from "./owntracks";
import { createOwnTracksTopics } from "./owntracks-topics";
import { createZigbee2MqttAdapter } from "./zigbee2mqtt-ingest";
import type { DeviceLiveness } from "../device-liveness";
import { createPhoneTelemetry } from "./phone-telemetry";

const OWNTRACKS_PREFIX = `${OWNTRACKS_ROOT}/`;
const ZIGBEE2MQTT_PREFIX = `${ZIGBEE2MQTT_ROOT}/`;

type OfflineMessage = Extract<AdaptedMessage, { kind: "offline" }>;

export type AdaptedIngest = {
  /** Any broker message: adapted if it is on an adapter's topics, else straight to the pipeline. */
  ingest: Pipeline["ingest"];
  /** One OwnTracks payload from an authenticated device (MQTT or HTTP mode); `json`, the payload if already parsed. */
  ownTracks: (
    message: InboundMessage,
    login: { user: string; deviceName: string },
    json?: Record<string, unknown>,
  ) => Promise<void>;
};

export function createAdaptedIngest({
  pipeline,
  deviceGuards,
  gatewaySensors,
  registry,
  sql,
  broadcaster,
  metrics,
  logger,
  maxPayloadBytes,
  liveness,
}: {
  pipeline: Pipeline;
  deviceGuards: DeviceGuards;
  gatewaySensors: GatewaySensors;
  registry: SourceRegistry;
  sql: Sql;
  broadcaster: Broadcaster;
  metrics: Metrics;
  logger: Logger;
  maxPayloadBytes: number;
  /** The phones' liveness: their fixes are the guard's and do not touch the device. */
  liveness: DeviceLiveness;
}): AdaptedIngest {
  const zigbee2Mqtt = createZigbee2MqttAdapter({ gatewaySensors, registry, maxPayloadBytes });

  async function goOffline({ deviceExternalId, cause, withSensors }: OfflineMessage): Promise<void> {
    const offline = await markDeviceOffline(sql, deviceExternalId, {
      ...(cause === undefined ? {} : { cause }),
      withSensors: withSensors ?? false,
    });
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
      await goOffline(adapted).catch((error: unknown) =>
        logger.error({ err: error, device: adapted.deviceExternalId }, "marking a device offline failed"),
      );
      return message.settle();
    }
    if (adapted.kind === "rejected") return pipeline.submit({ ...adapted.rejection, message });
    let left = adapted.uplinks.length;
    const settleOne = () => {
      left -= 1;
      if (left === 0) message.settle();
    };
    for (const { topic, payload, json } of adapted.uplinks) {
      const { qos, arrivedAt } = message;
      await pipeline.ingest({ topic, payload, ...(json && { json }), qos, arrivedAt, settle: settleOne });
    }
  }

  const ownTracksTopics = createOwnTracksTopics({ sql, logger });

  /**
   * An adapter that throws on a payload nobody foresaw is counted and logged, and the message is quarantined
   * and acknowledged like any refused one: left unacknowledged, the broker would redeliver it at every reconnect.
   */
  async function adaptSafely(protocol: string, adapt: () => AdaptedMessage | Promise<AdaptedMessage>) {
    try {
      return await adapt();
    } catch (error) {
      metrics.handlerErrors.inc({ handler: protocol });
      logger.error({ err: error, protocol }, "protocol adapter failed");
      const rejection = { family: "unknown", source: null, reason: "handler_error", detail: protocol } as const;
      return { kind: "rejected", rejection } satisfies AdaptedMessage;
    }
  }

  const phoneTelemetry = createPhoneTelemetry();

  const ownTracks: AdaptedIngest["ownTracks"] = async (message, login, json) => {
    ownTracksTopics.remember(login.user, `${OWNTRACKS_ROOT}/${login.user}/${login.deviceName}`);
    liveness.heard(login.user);
    const guardExternalId = await deviceGuards.guardOf(login.user);
    const source = {
      deviceExternalId: login.user,
      deviceName: login.deviceName,
      guardExternalId,
      batteryDue: (battery: unknown) => phoneTelemetry.due(login.user, battery),
    };
    const adapted = await adaptSafely("owntracks", () => fromOwnTracks(message.payload, source, maxPayloadBytes, json));
    await handle(adapted, message, "owntracks");
  };

  async function zigbee(message: InboundMessage): Promise<void> {
    const topic = parseZigbee2MqttTopic(message.topic);
    if ("refused" in topic) return pipeline.ingest(message);
    // The broker let this login publish only under its own base (device-acl.ts).
    await handle(await adaptSafely("zigbee2mqtt", () => zigbee2Mqtt(message, topic)), message, "zigbee2mqtt");
  }

  return {
    ownTracks,
    ingest(message) {
      // Native topics (nearly every message) go straight on: no parsing, no extra await on the hot path.
      if (message.topic.startsWith(OWNTRACKS_PREFIX)) {
        const topic = parseOwnTracksTopic(message.topic);
        if ("refused" in topic) return pipeline.ingest(message);
        // The broker let this login publish only under its own user (device-acl.ts).
        return ownTracks(message, { user: topic.user, deviceName: topic.deviceName });
      }
      if (message.topic.startsWith(ZIGBEE2MQTT_PREFIX)) return zigbee(message);
      return pipeline.ingest(message);
    },
  };
}
