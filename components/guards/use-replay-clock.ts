"use client";
// The replay's clock: a moment between the track's first and last fix that
// advances speed times faster than real time while playing (one step per
// animation frame) and stops at the end; play at the end starts over.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReplaySpeed } from "./replay";

export type ReplayClock = {
  t: number;
  playing: boolean;
  speed: ReplaySpeed;
  play: () => void;
  pause: () => void;
  setSpeed: (speed: ReplaySpeed) => void;
  seek: (t: number) => void;
};

export function useReplayClock(start: number, end: number): ReplayClock {
  const [t, setT] = useState(start);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(16);
  const now = useRef(start);

  const seek = useCallback(
    (to: number) => {
      now.current = Math.min(end, Math.max(start, to));
      setT(now.current);
    },
    [start, end],
  );

  // A new track starts at its beginning, paused.
  useEffect(() => {
    setPlaying(false);
    seek(start);
  }, [start, end, seek]);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(at) {
      now.current = Math.min(end, now.current + (at - last) * speed);
      last = at;
      setT(now.current);
      if (now.current >= end) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, end]);

  const play = useCallback(() => {
    if (now.current >= end) seek(start);
    setPlaying(true);
  }, [start, end, seek]);
  const pause = useCallback(() => setPlaying(false), []);
  return { t, playing, speed, play, pause, setSpeed, seek };
}
