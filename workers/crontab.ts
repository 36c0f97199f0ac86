// graphile-worker crontab: minute hour day month weekday task ?options payload
export const crontab = [
  // Commands nobody answered in time show as expired within a minute (device pages update live).
  "* * * * * expire_device_commands ?max=1",
  "17 * * * * purge_expired_sessions ?max=3",
  "43 3 * * * prune_ingest_dedupe ?max=3",
  // Day partitions a week ahead (db/partitioned-tables.ts); on a (re)start, a missed run is caught up.
  "7 * * * * create_day_partitions ?max=3&fill=1h",
  "23 2 * * * drop_expired_partitions ?max=3&fill=1d",
].join("\n");
