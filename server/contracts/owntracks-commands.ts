// Vigil's device commands that OwnTracks understands (owntracks.org/booklet/
// tech/json, `_type: cmd`): the NOC's "report location" is the app's
// `reportLocation`, and `set-waypoints` (queued by the worker when a guard's
// sites or their fences change) is `setWaypoints`, whose shape is the booklet's
// (features/waypoints, "Remote loading of regions"). Other command types have
// no OwnTracks meaning and are not sent to the app (they expire).
import { z } from "zod";
import { OWNTRACKS_COMMAND_LEAF } from "./mqtt-topics";

/** One region as the app takes it: `rid` is its key on the phone, `tst` its key on older iOS apps. */
const ownTracksWaypoint = z.object({
  _type: z.literal("waypoint"),
  desc: z.string(),
  lat: z.number(),
  lon: z.number(),
  rad: z.number().int(),
  tst: z.number().int(),
  rid: z.string(),
});
export type OwnTracksWaypoint = z.infer<typeof ownTracksWaypoint>;

/** A set-waypoints command's params: the regions, and what they were computed from (to skip resending them). */
const setWaypointsParams = z.object({ waypoints: z.array(ownTracksWaypoint), fingerprint: z.string() });
export type SetWaypointsParams = z.infer<typeof setWaypointsParams>;

export const SET_WAYPOINTS_COMMAND = "set-waypoints";

export type OwnTracksCommand =
  | { _type: "cmd"; action: "reportLocation" }
  | {
      _type: "cmd";
      action: "setWaypoints";
      waypoints: { _type: "waypoints"; waypoints: OwnTracksWaypoint[] };
    };

/** The OwnTracks `cmd` for a Vigil command, or null when the app has none (or its params are not the app's). */
export function ownTracksCommandFor(type: string, params: unknown): OwnTracksCommand | null {
  if (type === "report-location") return { _type: "cmd", action: "reportLocation" };
  if (type !== SET_WAYPOINTS_COMMAND) return null;
  const parsed = setWaypointsParams.safeParse(params);
  if (!parsed.success) return null;
  return {
    _type: "cmd",
    action: "setWaypoints",
    waypoints: { _type: "waypoints", waypoints: parsed.data.waypoints },
  };
}

/** The command types the app understands, for the queries that pick them. */
export const OWNTRACKS_COMMAND_TYPES = ["report-location", SET_WAYPOINTS_COMMAND];

/** Where the app listens for commands: its own base topic's `cmd` leaf. */
export const ownTracksCommandTopic = (baseTopic: string) => `${baseTopic}/${OWNTRACKS_COMMAND_LEAF}`;

/** A phone that posted over HTTP within this long gets its commands in the answer to its next post. */
export const OWNTRACKS_HTTP_RECENT_MS = 60 * 60 * 1000;
