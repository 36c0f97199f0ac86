// graphile-worker crontab: minute hour day month weekday task ?options payload
export const crontab = [
  // Commands nobody answered in time show as expired within a minute (device pages update live).
  "* * * * * expire_device_commands ?max=1",
  // Offline devices, devices back online and guards who stopped moving (server/liveness).
  "* * * * * check_liveness ?max=1",
  "17 * * * * purge_expired_sessions ?max=3",
  "43 3 * * * prune_ingest_dedupe ?max=3",
].join("\n");
