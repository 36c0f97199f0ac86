// Gives each OwnTracks phone of the tenant its guard's regions: one circular
// region (the app has no other kind) per fence of each site the guard is
// assigned to, and one per GPS checkpoint there (one with a point and a radius, named
// after it: the app's `enter` transition for it is a visit, see
// server/ingest/persist/record-region-visits.ts), sent as a set-waypoints
// command through the usual command path (the phone's `cmd` topic in MQTT
// mode, the answer to its next post in HTTP mode). The app merges regions by
// `rid` (booklet, features/waypoints), so the fence's or checkpoint's id is
// the `rid`, and a phone whose regions and topic are what it was last sent is
// skipped. A newer list replaces one still queued. The app cannot
// be told to forget a region: a removed fence stays on the phone until the
// guard deletes it (the runbook says so).
import { createHash } from "node:crypto";
import type { Task } from "graphile-worker";
import type { Polygon } from "geojson";
import { jobSql, parseJobPayload } from "../../server/contracts/jobs";
import {
  SET_WAYPOINTS_COMMAND,
  type OwnTracksWaypoint,
  type SetWaypointsParams,
} from "../../server/contracts/owntracks-commands";
import { enclosingCircle } from "../../server/geofence/enclosing-circle";

/** A phone offline for a week still gets its regions when it comes back within this. */
const TTL_SECONDS = 7 * 24 * 3600;

type Phone = { id: string; guard_id: string; owntracks_topic: string; fingerprint: string | null };
type CheckpointRow = {
  guard_id: string;
  id: string;
  name: string;
  lat: number;
  lon: number;
  radius_m: number;
  created_at: Date;
};

type FenceRow = {
  guard_id: string;
  id: string;
  site_name: string;
  name: string;
  kind: "circle" | "polygon";
  polygon: Polygon | null;
  center_lon: number | null;
  center_lat: number | null;
  radius_m: number | null;
  created_at: Date;
};

function toWaypoint(f: FenceRow): OwnTracksWaypoint {
  const circle =
    f.kind === "circle"
      ? enclosingCircle({ kind: "circle", centerLon: f.center_lon!, centerLat: f.center_lat!, radiusM: f.radius_m! })
      : enclosingCircle({ kind: "polygon", polygon: f.polygon! });
  return {
    _type: "waypoint",
    desc: f.name ? `${f.site_name}: ${f.name}` : f.site_name,
    lat: Number(circle.lat.toFixed(6)),
    lon: Number(circle.lon.toFixed(6)),
    rad: Math.max(1, Math.ceil(circle.radiusM)),
    tst: Math.floor(f.created_at.getTime() / 1000),
    rid: f.id,
  };
}

function checkpointWaypoint(c: CheckpointRow): OwnTracksWaypoint {
  return {
    _type: "waypoint",
    desc: c.name,
    lat: Number(c.lat.toFixed(6)),
    lon: Number(c.lon.toFixed(6)),
    rad: Math.max(1, Math.ceil(c.radius_m)),
    tst: Math.floor(c.created_at.getTime() / 1000),
    rid: c.id,
  };
}

export const sync_owntracks_waypoints: Task = async (raw, helpers) => {
  const { tenantId } = parseJobPayload("sync_owntracks_waypoints", raw);
  const { rows: phones } = await helpers.query<Phone>(
    `select d.id, d.guard_id, d.owntracks_topic,
            (select c.params->>'fingerprint' from device_commands c
             where c.device_id = d.id and c.type = $2 and c.status not in ('expired', 'failed')
             order by c.created_at desc limit 1) as fingerprint
     from devices d
     where d.tenant_id = $1 and d.owntracks_topic is not null and d.guard_id is not null and d.revoked_at is null`,
    [tenantId, SET_WAYPOINTS_COMMAND],
  );
  if (phones.length === 0) return;
  const { rows: fences } = await helpers.query<FenceRow>(
    `select a.guard_id, g.id, s.name as site_name, g.name, g.kind::text as kind, g.polygon, g.center_lon,
            g.center_lat, g.radius_m, g.created_at
     from guard_assignments a
     join sites s on s.id = a.site_id and s.tenant_id = a.tenant_id
     join geofences g on g.site_id = s.id and g.tenant_id = s.tenant_id
     where a.tenant_id = $1 and a.guard_id = any($2::uuid[])
     order by g.created_at, g.id`,
    [tenantId, [...new Set(phones.map((p) => p.guard_id))]],
  );
  const { rows: points } = await helpers.query<CheckpointRow>(
    `select a.guard_id, c.id, c.name, c.lat, c.lon, c.radius_m, c.created_at
     from guard_assignments a
     join checkpoints c on c.site_id = a.site_id and c.tenant_id = a.tenant_id
     where a.tenant_id = $1 and a.guard_id = any($2::uuid[]) and c.lat is not null and c.lon is not null and c.radius_m is not null
     order by c.created_at, c.id`,
    [tenantId, [...new Set(phones.map((p) => p.guard_id))]],
  );
  const publish = jobSql("publish_device_command");
  let queued = 0;
  for (const phone of phones) {
    const waypoints = [
      ...fences.filter((f) => f.guard_id === phone.guard_id).map(toWaypoint),
      ...points.filter((c) => c.guard_id === phone.guard_id).map(checkpointWaypoint),
    ];
    // An empty list would change nothing on the phone (the app merges).
    if (waypoints.length === 0) continue;
    const fingerprint = createHash("sha256")
      .update(JSON.stringify([phone.owntracks_topic, waypoints]))
      .digest("base64url");
    if (fingerprint === phone.fingerprint) continue;
    const params: SetWaypointsParams = { waypoints, fingerprint };
    // One statement, so the older list is never expired without the newer one queued.
    await helpers.query(
      `with superseded as (
         update device_commands set status = 'expired'
         where device_id = $2 and type = $3 and status = 'queued'),
       command as (
         insert into device_commands (tenant_id, device_id, type, params, expires_at)
         values ($1, $2, $3, $4::jsonb, now() + make_interval(secs => $5)) returning id)
       select graphile_worker.add_job($6::text, json_build_object('commandId', id),
                max_attempts => $7::int, priority => -5)
       from command`,
      [
        tenantId,
        phone.id,
        SET_WAYPOINTS_COMMAND,
        JSON.stringify(params),
        TTL_SECONDS,
        publish.name,
        publish.maxAttempts,
      ],
    );
    queued += 1;
  }
  if (queued > 0) helpers.logger.info(`queued OwnTracks regions for ${queued} phones`);
};
