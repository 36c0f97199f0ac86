// graphile-worker crontab: minute hour day month weekday task ?options payload
const fixed = [
  // Commands nobody answered in time show as expired within a minute (device pages update live).
  "* * * * * expire_device_commands ?max=1",
  // Offline devices, devices back online and guards who stopped moving (server/liveness).
  "* * * * * check_liveness ?max=1",
  // Patrol tours: runs made when due, missed with an alert when their window closes unfinished (server/patrols).
  "* * * * * advance_tour_runs ?max=1",
  // Lone-worker check-ins: the pre-alarm when one is due, check-in-missed after the grace (server/services/check-ins).
  "* * * * * advance_check_ins ?max=1",
  "17 * * * * purge_expired_sessions ?max=3",
  "43 3 * * * prune_ingest_dedupe ?max=3",
  // Day partitions a week ahead (db/partitioned-tables.ts); on a (re)start, a missed run is caught up.
  "7 * * * * create_day_partitions ?max=3&fill=1h",
  "23 2 * * * drop_expired_partitions ?max=3&fill=1d",
];

/** The crontab, with the false-alarm models' retraining when ML_RETRAIN_CRON is not "off". */
export function buildCrontab({ mlRetrainCron }: { mlRetrainCron: string | null }): string {
  return [...fixed, ...(mlRetrainCron ? [`${mlRetrainCron} retrain_false_alarm_models ?max=1`] : [])].join("\n");
}
