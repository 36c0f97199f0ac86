import type { TaskList } from "graphile-worker";
import { prune_ingest_dedupe } from "./tasks/prune_ingest_dedupe";
import { purge_expired_sessions } from "./tasks/purge_expired_sessions";

export const taskList: TaskList = { purge_expired_sessions, prune_ingest_dedupe };
