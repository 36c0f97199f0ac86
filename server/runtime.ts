// The live parts of this process (database clients, broadcaster, role
// handles), created once by server/main.ts and read by route handlers, which
// Next bundles separately and so cannot share module state any other way.
import type { Db, Sql } from "../db/client";
import type { Env } from "./env";
import { getGlobal, setGlobal } from "./lib/global-singleton";
import type { ReadinessCheck } from "./observability/readiness-check";
import type { Broadcaster } from "./realtime/broadcaster";

export type Runtime = {
  env: Env;
  sql: Sql;
  db: Db;
  broadcaster: Broadcaster;
  /** Signs and verifies alert links sent to contacts. */
  linkSecret: string;
  /** Named checks for /readyz: each resolves to null when healthy, else the problem. */
  readiness: Record<string, ReadinessCheck>;
};

export function setRuntime(runtime: Runtime): Runtime {
  return setGlobal("runtime", runtime);
}

export function getRuntime(): Runtime {
  const runtime = getGlobal<Runtime>("runtime");
  if (!runtime) throw new Error("Vigil runtime not started (run the server through server/main.ts)");
  return runtime;
}
