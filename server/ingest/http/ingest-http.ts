// The HTTP ingest adapters as one handler for the web role (start-web.ts),
// answered before Next.js: OwnTracks's HTTP mode and the OsmAnd protocol
// (Traccar Client). Measured (scripts/bench/http-ingest-bench.ts, 32
// keep-alive connections): whole OwnTracks fixes, each stored before its
// answer, at 2,041/s; Next's cheapest API answer, a 401, at 1,027/s.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Sql } from "postgres";
import type { Logger } from "../../observability/logger";
import { createDeviceLogins } from "./device-logins";
import { createOsmAndHttp } from "./osmand-http";
import { createOwnTracksHttp } from "./owntracks-http";
import { createTrackingKeys } from "./tracking-keys";
import type { UplinkDelivery } from "./uplink-delivery";
import { targetOf } from "./http-answers";
import type { DeviceLiveness } from "../device-liveness";
import type { OwnTracksCommandClaims } from "./owntracks-command-claims";

const PREFIX = "/api/v1/ingest/";

export function createIngestHttp({
  sql,
  delivery,
  liveness,
  commands,
  logger,
  maxBodyBytes,
}: {
  sql: Sql;
  delivery: UplinkDelivery;
  liveness: DeviceLiveness;
  commands: OwnTracksCommandClaims;
  logger: Logger;
  maxBodyBytes: number;
}) {
  const ownTracks = createOwnTracksHttp({
    logins: createDeviceLogins({ sql }),
    delivery,
    commands,
    logger,
    maxBodyBytes,
  });
  const trackingKeys = createTrackingKeys({ sql });
  const osmAnd = createOsmAndHttp({ trackingKeys, delivery, liveness, sql, logger, maxBodyBytes });
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (!req.url?.startsWith(PREFIX)) return false;
    const target = targetOf(req.url);
    return (await ownTracks(req, res, target)) || osmAnd(req, res, target);
  };
}
