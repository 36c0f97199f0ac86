"use client";
// The operator's alarm sound control: Mute / Unmute, and, while the browser
// keeps sound blocked, a button whose click is the gesture that enables it;
// while muted, when the mute ends by itself.
import { ClockTime } from "../ui/clock-time";
import type { Alarm } from "./use-alarm";

export function SoundToggle({ alarm }: { alarm: Alarm }) {
  return (
    <span className="sound-toggle">
      {alarm.blocked && (
        <button type="button" className="btn-ghost btn-small sound-blocked" onClick={alarm.enable}>
          Click to enable sound
        </button>
      )}
      <button type="button" className="btn-ghost btn-small" onClick={() => alarm.setMuted(!alarm.muted)}>
        {alarm.muted ? "Unmute alarm" : "Mute alarm"}
      </button>
      {alarm.mutedUntil && (
        <span className="muted small mute-until">
          sound back at <ClockTime iso={alarm.mutedUntil} />
        </span>
      )}
    </span>
  );
}
