"use client";
// The audible alarm: a two-tone beep every 3 s while `ringing`, from a WebAudio
// oscillator (no audio files). Browsers keep an AudioContext suspended until a
// user gesture, so the first click or key press anywhere starts it; until then
// `blocked` says sound is off. Mute is per operator, remembered in localStorage,
// and ends by itself after ALARM_MUTE_MS: a muted alarm must not stay silent
// through the next shift's panic.
import { useCallback, useEffect, useRef, useState } from "react";

const REPEAT_MS = 3000;
const ALARM_MUTE_MS = 10 * 60_000;

function beep(context: AudioContext): void {
  const start = context.currentTime + 0.01;
  const gain = context.createGain();
  gain.connect(context.destination);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
  gain.gain.setValueAtTime(0.25, start + 0.5);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.6);
  const oscillator = context.createOscillator();
  oscillator.type = "square";
  oscillator.frequency.setValueAtTime(880, start);
  oscillator.frequency.setValueAtTime(660, start + 0.3);
  oscillator.connect(gain);
  oscillator.start(start);
  oscillator.stop(start + 0.62);
}

// Storage can be disabled (private windows, kiosk policies): the choice then lasts for the page only.
function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // not remembered
  }
}

export type Alarm = {
  muted: boolean;
  /** When the mute ends (ISO), while muted. */
  mutedUntil: string | null;
  setMuted: (muted: boolean) => void;
  blocked: boolean;
  enable: () => void;
};

/** The stored mute's end, if it is still ahead (older versions stored "1": not a time, so not muted). */
function storedMuteEnd(value: string | null, now: number): number | null {
  const until = Number(value);
  return Number.isFinite(until) && until > now ? until : null;
}

export function useAlarm({ ringing, operatorId }: { ringing: boolean; operatorId: string }): Alarm {
  const key = `vigil:alarm-muted:${operatorId}`;
  const context = useRef<AudioContext | null>(null);
  const [running, setRunning] = useState(false);
  // undefined until the stored choice is read (after hydration): no beep before that; null: not muted.
  const [mutedUntil, setMutedUntil] = useState<number | null | undefined>(undefined);

  useEffect(() => {
    setMutedUntil(storedMuteEnd(readStored(key), Date.now()));
  }, [key]);

  const setMuted = useCallback(
    (next: boolean) => {
      const until = next ? Date.now() + ALARM_MUTE_MS : null;
      setMutedUntil(until);
      writeStored(key, until ? String(until) : "0");
    },
    [key],
  );

  useEffect(() => {
    if (!mutedUntil) return;
    const timer = setTimeout(() => setMutedUntil(null), mutedUntil - Date.now());
    return () => clearTimeout(timer);
  }, [mutedUntil]);
  const muted = mutedUntil === undefined ? null : mutedUntil !== null;

  const enable = useCallback(() => {
    if (!context.current) {
      context.current = new AudioContext();
      context.current.addEventListener("statechange", () => setRunning(context.current?.state === "running"));
    }
    void context.current.resume().catch(() => {});
    setRunning(context.current.state === "running");
  }, []);

  // Any click or key press is a gesture that lets the context start.
  useEffect(() => {
    if (running) return;
    window.addEventListener("pointerdown", enable, true);
    window.addEventListener("keydown", enable, true);
    return () => {
      window.removeEventListener("pointerdown", enable, true);
      window.removeEventListener("keydown", enable, true);
    };
  }, [running, enable]);

  const sounding = ringing && muted === false;
  useEffect(() => {
    if (!sounding) return;
    // Try without a gesture: kiosk browsers may allow it; elsewhere it stays suspended.
    if (!context.current) enable();
    const ring = () => {
      if (context.current?.state === "running") beep(context.current);
    };
    ring();
    const timer = setInterval(ring, REPEAT_MS);
    return () => clearInterval(timer);
  }, [sounding, running, enable]);

  useEffect(
    () => () => {
      void context.current?.close().catch(() => {});
      context.current = null;
    },
    [],
  );

  return {
    muted: muted === true,
    mutedUntil: mutedUntil ? new Date(mutedUntil).toISOString() : null,
    setMuted,
    blocked: sounding && !running,
    enable,
  };
}
