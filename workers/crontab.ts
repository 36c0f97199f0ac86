// graphile-worker crontab: minute hour day month weekday task ?options payload
export const crontab = ["17 * * * * purge_expired_sessions ?max=3", "43 3 * * * prune_ingest_dedupe ?max=3"].join("\n");
