// The phone apps (OwnTracks, Traccar Client) put the battery level in every
// fix. It is stored with the guard's fix each time (guard_locations.battery);
// as the phone's own telemetry reading (the device page, low-battery alerts)
// only when the level changed or a minute after the last one, since a phone
// posting every second would otherwise store a telemetry row for every fix,
// twice the ingest work of the fix, for a reading that repeats. The phone's
// liveness does not depend on it: every fix counts (device-liveness.ts).
export type PhoneTelemetry = {
  /** True when this fix's battery level is to be stored as the phone's telemetry reading (and remembered as sent). */
  due: (deviceExternalId: string, battery: unknown) => boolean;
};

export function createPhoneTelemetry({
  everyMs = 60_000,
  maxTracked = 100_000,
  now = Date.now,
}: { everyMs?: number; maxTracked?: number; now?: () => number } = {}): PhoneTelemetry {
  const last = new Map<string, { battery: unknown; at: number }>();
  return {
    due(deviceExternalId, battery) {
      const at = now();
      const sent = last.get(deviceExternalId);
      if (sent && sent.battery === battery && at - sent.at < everyMs) return false;
      if (last.size >= maxTracked) last.clear();
      last.set(deviceExternalId, { battery, at });
      return true;
    },
  };
}
