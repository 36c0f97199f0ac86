// Vigil's device commands that OwnTracks understands (owntracks.org/booklet/
// tech/json, `_type: cmd`): the NOC's "report location" is the app's
// `reportLocation`. Other command types have no OwnTracks meaning and are not
// sent to the app (they expire).
import { OWNTRACKS_COMMAND_LEAF } from "./mqtt-topics";

export type OwnTracksCommand = { _type: "cmd"; action: "reportLocation" };

const ACTIONS: Record<string, OwnTracksCommand["action"]> = { "report-location": "reportLocation" };

/** The OwnTracks `cmd` for a Vigil command type, or null when the app has none. */
export function ownTracksCommandFor(type: string): OwnTracksCommand | null {
  const action = ACTIONS[type];
  return action ? { _type: "cmd", action } : null;
}

/** The command types the app understands, for the queries that pick them. */
export const OWNTRACKS_COMMAND_TYPES = Object.keys(ACTIONS);

/** Where the app listens for commands: its own base topic's `cmd` leaf. */
export const ownTracksCommandTopic = (baseTopic: string) => `${baseTopic}/${OWNTRACKS_COMMAND_LEAF}`;

/** A phone that posted over HTTP within this long gets its commands in the answer to its next post. */
export const OWNTRACKS_HTTP_RECENT_MS = 60 * 60 * 1000;
