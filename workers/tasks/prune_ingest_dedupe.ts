// Forgets msg_ids older than the dedupe window: devices resend within minutes,
// brokers redeliver within a session's life, so a week is ample.
import type { Task } from "graphile-worker";
import { parseJobPayload } from "../../server/contracts/jobs";

export const prune_ingest_dedupe: Task = async (raw, helpers) => {
  const { days } = parseJobPayload("prune_ingest_dedupe", raw);
  const result = await helpers.query(
    "delete from ingest_dedupe where received_at < now() - make_interval(days => $1)",
    [days],
  );
  helpers.logger.info(`pruned ${result.rowCount ?? 0} dedupe keys`);
};
