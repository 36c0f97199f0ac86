// What every role's start receives from startVigil: the parsed configuration,
// the database and broker it reaches, where realtime events go, and where to
// register its stop and its readiness check.
import type { Sql } from "../../db/client";
import type { Env } from "../env";
import type { Broadcaster } from "../realtime/broadcaster";
import type { ReadinessCheck } from "../observability/readiness-check";
import type { DeviceLiveness } from "../ingest/device-liveness";

export type MqttLogin = { username?: string; password?: string; protocolVersion: 4 | 5 };

export type RoleContext = {
  env: Env;
  sql: Sql;
  databaseUrl: string;
  mqttUrl: string;
  mqttLogin: MqttLogin;
  broadcaster: Broadcaster;
  /** Names this process's MQTT clients (VIGIL_INSTANCE_ID, else host and port). */
  instanceId: string;
  linkSecret: string;
  readiness: Record<string, ReadinessCheck>;
  /** The phone apps' liveness (their fixes are the guard's), one writer per process. */
  deviceLiveness: DeviceLiveness;
  /** Stops run in reverse order of registration when the process stops. */
  onStop: (stop: () => Promise<unknown>) => void;
};
