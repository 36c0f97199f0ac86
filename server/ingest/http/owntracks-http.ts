// POST /api/v1/ingest/owntracks - OwnTracks's HTTP mode (owntracks.org/booklet/tech/http):
// the app posts the same JSON it publishes in MQTT mode, with HTTP Basic auth
// (the device's external id and secret) and its device name in `X-Limit-D`.
// The message is handed over as if published on the device's own
// `owntracks/{user}/{device}` topic (uplink-delivery.ts) and ingested like
// the app's MQTT messages. Answered before Next.js (start-web.ts): the
// app posts every fix. The answer is the JSON array the app expects: the
// commands waiting for the phone (owntracks-command-claims.ts), or `[]`.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseOwnTracksTopic, OWNTRACKS_ROOT } from "../../contracts/mqtt-topics";
import type { Logger } from "../../observability/logger";
import type { DeviceLogins } from "./device-logins";
import { jsonObjectOf } from "../adapters/adapted-message";
import { jsonAnswer, readBody, type Answer, type RequestTarget } from "./http-answers";
import type { UplinkDelivery } from "./uplink-delivery";
import type { OwnTracksCommandClaims } from "./owntracks-command-claims";

const OWNTRACKS_HTTP_PATH = "/api/v1/ingest/owntracks";
const DEFAULT_DEVICE_NAME = "http";

const error = (status: number, code: string, message: string, headers?: Record<string, string>): Answer =>
  jsonAnswer(status, { error: { code, message } }, headers);

export function createOwnTracksHttp({
  logins,
  delivery,
  commands,
  logger,
  maxBodyBytes,
}: {
  logins: DeviceLogins;
  delivery: UplinkDelivery;
  commands: OwnTracksCommandClaims;
  logger: Logger;
  maxBodyBytes: number;
}) {
  async function answer(req: IncomingMessage, { search }: RequestTarget): Promise<Answer> {
    if (req.method !== "POST") return error(405, "method_not_allowed", "POST only.", { allow: "POST" });
    const user = await logins.deviceOf(req.headers.authorization);
    if (user === null) {
      return error(401, "unauthorized", "Log in with the device's id and secret (HTTP Basic).", {
        "www-authenticate": 'Basic realm="vigil"',
      });
    }
    // The app sends them as headers; as `u` and `d` in the query they are accepted too.
    const query = search === "" ? undefined : new URLSearchParams(search);
    const limitUser = req.headers["x-limit-u"] ?? query?.get("u");
    if (limitUser !== undefined && limitUser !== null && limitUser !== user) {
      return error(403, "forbidden", "X-Limit-U: a device posts as itself only.");
    }
    const deviceName = String(req.headers["x-limit-d"] ?? query?.get("d") ?? DEFAULT_DEVICE_NAME);
    const topic = `${OWNTRACKS_ROOT}/${user}/${deviceName}`;
    if ("refused" in parseOwnTracksTopic(topic)) {
      return error(400, "invalid_input", "X-Limit-D: 1-128 letters, digits or . _ : - only.");
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === null) return error(413, "payload_too_large", `The request body is larger than ${maxBodyBytes} bytes.`);
    // Parsed once: the adapter takes the object as it is.
    const json = jsonObjectOf(body, maxBodyBytes);
    if (!json) return error(400, "invalid_input", "body: an OwnTracks message is a JSON object (UTF-8).");
    if (!(await delivery.ownTracks({ user, deviceName }, { body, json }))) {
      return error(503, "unavailable", "Not stored yet: send it again.");
    }
    return { status: 200, body: await commands.claim(user) };
  }

  /** Answers the OwnTracks endpoint and returns true, or returns false for any other path. */
  return async function handle(req: IncomingMessage, res: ServerResponse, target: RequestTarget): Promise<boolean> {
    if (target.pathname !== OWNTRACKS_HTTP_PATH) return false;
    let result: Answer;
    try {
      result = await answer(req, target);
    } catch (err) {
      logger.error({ err }, "owntracks http ingest failed");
      result = error(503, "unavailable", "Try again later.");
    }
    res
      .writeHead(result.status, { "content-type": "application/json", ...result.headers })
      .end(JSON.stringify(result.body));
    return true;
  };
}
