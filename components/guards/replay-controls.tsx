"use client";
// Play / pause, the speed (1x to 64x), a slider to move through the range,
// and the moment the marker shows.
import { replaySpeeds } from "./replay";
import type { ReplayClock } from "./use-replay-clock";

type Props = { clock: ReplayClock; start: number; end: number; timeLabel: string; outside: boolean };

export function ReplayControls({ clock, start, end, timeLabel, outside }: Props) {
  return (
    <div className="replay-controls">
      <div className="replay-buttons">
        <button
          type="button"
          className="btn replay-play"
          onClick={clock.playing ? clock.pause : clock.play}
          aria-label={clock.playing ? "Pause" : "Play"}
        >
          {clock.playing ? "❚❚ Pause" : "▶ Play"}
        </button>
        <div className="speeds" role="group" aria-label="Speed">
          {replaySpeeds.map((speed) => (
            <button
              key={speed}
              type="button"
              className="btn-ghost btn-small"
              aria-pressed={clock.speed === speed}
              onClick={() => clock.setSpeed(speed)}
            >
              {speed}x
            </button>
          ))}
        </div>
      </div>
      <input
        className="replay-slider"
        type="range"
        min={start}
        max={Math.max(end, start + 1)}
        step={1000}
        value={clock.t}
        onChange={(e) => clock.seek(Number(e.target.value))}
        aria-label="Moment"
      />
      <p className="replay-time-label" data-testid="replay-time">
        <time dateTime={new Date(clock.t).toISOString()}>{timeLabel}</time>
        {outside && (
          <span className="badge" data-tone="danger">
            Outside
          </span>
        )}
      </p>
    </div>
  );
}
