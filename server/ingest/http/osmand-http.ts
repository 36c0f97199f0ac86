// GET|POST /api/v1/ingest/osmand - Traccar Client and OsmAnd (traccar.org/osmand):
// a fix as query or form fields, or as Traccar Client 9's JSON body. The
// protocol has no password, so its device identifier must be the device's
// tracking key (its external id is not accepted). The fix is checked against
// the native GPS schema here, so a bad one is a 400 naming the field (and
// kept in quarantine under the device's tenant), then handed over as the
// native topics' uplinks (uplink-delivery.ts). Answered before Next.js (start-web.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Sql } from "postgres";
import { gpsPayload } from "../../contracts/mqtt-payloads";
import { fromOsmAndForm, fromOsmAndJson, osmAndDeviceId, type OsmAndFix } from "../adapters/osmand";
import { printablePayload } from "../../lib/printable-payload";
import type { Logger } from "../../observability/logger";
import { jsonAnswer, readBody, type Answer, type RequestTarget } from "./http-answers";
import type { TrackedDevice, TrackingKeys } from "./tracking-keys";
import type { UplinkDelivery } from "./uplink-delivery";
import type { DeviceLiveness } from "../device-liveness";
import { createPhoneTelemetry } from "../adapters/phone-telemetry";

const OSMAND_HTTP_PATH = "/api/v1/ingest/osmand";

/** How each protocol names the native fields, so that a 400 names the field the client sent. */
const FORM_NAMES: Record<string, string> = { heading: "bearing", battery: "batt" };
const JSON_NAMES: Record<string, string> = {
  lat: "location.coords.latitude",
  lon: "location.coords.longitude",
  accuracy: "location.coords.accuracy",
  speed: "location.coords.speed",
  heading: "location.coords.heading",
  battery: "location.battery.level",
  timestamp: "location.timestamp",
};

const invalid = (message: string): Answer => jsonAnswer(400, { error: { code: "invalid_input", message } });

export function createOsmAndHttp({
  trackingKeys,
  delivery,
  liveness,
  sql,
  logger,
  maxBodyBytes,
}: {
  trackingKeys: TrackingKeys;
  delivery: UplinkDelivery;
  /** The phone's liveness: its fix is the guard's and does not touch the device. */
  liveness: DeviceLiveness;
  sql: Sql;
  logger: Logger;
  maxBodyBytes: number;
}) {
  const phoneTelemetry = createPhoneTelemetry();

  function quarantine(device: TrackedDevice, detail: string, fields: () => unknown): void {
    sql`
      insert into mqtt_quarantine (tenant_id, device_id, topic, reason, detail, payload)
      values (${device.tenantId}, ${device.deviceId}, ${OSMAND_HTTP_PATH}, 'invalid_schema', ${detail},
              ${printablePayload(Buffer.from(JSON.stringify(fields())))})`.catch((error: unknown) =>
      logger.error({ err: error }, "quarantine insert failed"),
    );
  }

  async function answer(req: IncomingMessage, { search }: RequestTarget): Promise<Answer> {
    if (req.method !== "GET" && req.method !== "POST") {
      return jsonAnswer(
        405,
        { error: { code: "method_not_allowed", message: "GET or POST." } },
        { allow: "GET, POST" },
      );
    }
    const form = new URLSearchParams(search);
    let json: unknown;
    if (req.method === "POST") {
      const body = await readBody(req, maxBodyBytes);
      if (body === null) return jsonAnswer(413, { error: { code: "payload_too_large", message: "body too large." } });
      const text = body.toString("utf8");
      if (/json/i.test(req.headers["content-type"] ?? "")) {
        try {
          json = JSON.parse(text);
        } catch {
          return invalid("body: not JSON.");
        }
      } else {
        for (const [key, value] of new URLSearchParams(text)) form.append(key, value);
      }
    }
    const key = osmAndDeviceId(form, json);
    if (!key) return invalid("id: the device's tracking key is required.");
    const device = await trackingKeys.deviceOf(key);
    if (!device) {
      return jsonAnswer(401, {
        error: { code: "unauthorized", message: "id: not a tracking key (use the device's tracking key, not its id)." },
      });
    }
    liveness.heard(device.externalId);
    // The key stays out of quarantine: it is the device's credential.
    form.delete("id");
    form.delete("deviceid");
    const fields = () =>
      json === undefined ? Object.fromEntries(form) : { ...(json as object), device_id: undefined };
    const fix: OsmAndFix = json === undefined ? fromOsmAndForm(form) : fromOsmAndJson(json);
    const names = json === undefined ? FORM_NAMES : JSON_NAMES;
    const checked = gpsPayload.safeParse(fix.gps);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const path = issue?.path.join(".") ?? "";
      const detail = `${names[path] ?? (path || "body")}: ${issue?.message ?? "invalid"}`;
      quarantine(device, detail, fields);
      return invalid(detail);
    }
    if (!device.guardExternalId) {
      const detail = "id: this device has no guard whose position it could report";
      quarantine(device, detail, fields);
      return invalid(detail);
    }
    // A client resending a buffered fix sends the same fix time: stored once.
    const msgId = typeof fix.gps.timestamp === "string" ? `osmand:${fix.gps.timestamp}` : undefined;
    const delivered = [delivery.native(`guard/${device.guardExternalId}/gps`, { ...fix.gps, msg_id: msgId })];
    if (fix.telemetry && phoneTelemetry.due(device.externalId, fix.telemetry.battery)) {
      delivered.push(delivery.native(`device/${device.externalId}/telemetry`, { ...fix.telemetry, msg_id: msgId }));
    }
    if (!(await Promise.all(delivered)).every(Boolean)) {
      return jsonAnswer(503, { error: { code: "unavailable", message: "Not stored yet: send it again." } });
    }
    return jsonAnswer(200, {});
  }

  /** Answers the OsmAnd endpoint and returns true, or returns false for any other path. */
  return async function handle(req: IncomingMessage, res: ServerResponse, target: RequestTarget): Promise<boolean> {
    if (target.pathname !== OSMAND_HTTP_PATH) return false;
    let result: Answer;
    try {
      result = await answer(req, target);
    } catch (err) {
      logger.error({ err }, "osmand http ingest failed");
      result = jsonAnswer(503, { error: { code: "unavailable", message: "Try again later." } });
    }
    res
      .writeHead(result.status, { "content-type": "application/json", ...result.headers })
      .end(JSON.stringify(result.body));
    return true;
  };
}
