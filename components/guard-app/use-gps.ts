"use client";
// Reports the phone's position while the guard app is open: the Geolocation
// API's watchPosition, each fix handed on in the guard GPS contract's shape.
import { useEffect, useState } from "react";
import type { GpsFix } from "./use-guard-link";

type GpsState = "off" | "waiting" | "on" | "denied" | "unavailable";

function toGpsFix({ coords, timestamp }: GeolocationPosition): GpsFix {
  return {
    lat: coords.latitude,
    lon: coords.longitude,
    accuracy: Math.round(coords.accuracy),
    timestamp: new Date(timestamp).toISOString(),
    ...(coords.speed !== null && Number.isFinite(coords.speed) ? { speed: coords.speed } : {}),
    ...(coords.heading !== null && Number.isFinite(coords.heading) ? { heading: coords.heading } : {}),
  };
}

export function useGps(enabled: boolean, onFix: (fix: GpsFix) => void): GpsState {
  const [state, setState] = useState<GpsState>("off");
  useEffect(() => {
    if (!enabled) return;
    if (!("geolocation" in navigator)) {
      setState("unavailable");
      return;
    }
    setState("waiting");
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        setState("on");
        onFix(toGpsFix(position));
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? "denied" : "unavailable"),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 60_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [enabled, onFix]);
  return state;
}
