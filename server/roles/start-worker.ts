// The worker role: graphile-worker with Vigil's tasks and crontab, the MQTT
// publisher its downlink tasks use, and the watchdog for jobs locked by a
// process that is gone.
import { startLockedJobWatchdog } from "../../workers/locked-job-watchdog";
import { startWorker } from "../../workers/runner";
import { createMqttPublisher } from "../infra/mqtt-publisher";
import { createNotificationChannels } from "../notifications/create-channels";
import { componentLogger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import type { RoleContext } from "./role-context";

export async function startWorkerRole(context: RoleContext): Promise<void> {
  const { env, sql, broadcaster, linkSecret, onStop } = context;
  const publisher = createMqttPublisher({
    url: context.mqttUrl,
    clientId: `vigil-publisher-${context.instanceId}`,
    ...context.mqttLogin,
    logger: componentLogger("mqtt-publisher"),
  });
  onStop(publisher.close);
  const worker = await startWorker({
    connectionString: context.databaseUrl,
    concurrency: env.WORKER_CONCURRENCY,
    mlRetrainCron: env.ML_RETRAIN_CRON,
    logger: componentLogger("worker"),
    metrics,
    deps: {
      sql,
      publisher,
      broadcaster,
      channels: createNotificationChannels(env, metrics),
      notifications: {
        publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
        linkSecret,
        linkTtlSeconds: env.ALERT_LINK_TTL_SECONDS,
        smsAllowedCountryCodes: env.SMS_ALLOWED_COUNTRY_CODES,
        smsPerNumberPerMinute: env.SMS_PER_NUMBER_PER_MINUTE,
        retry: { baseMs: env.NOTIFICATION_RETRY_BASE_MS, maxMs: env.NOTIFICATION_RETRY_MAX_MS },
        smsTenantPerHour: env.SMS_TENANT_PER_HOUR,
      },
      training: { epochs: env.ML_TRAINING_EPOCHS, minEpochMs: env.ML_MIN_EPOCH_MS },
      retentionDays: env.VIGIL_RETENTION_DAYS,
    },
  });
  onStop(() => worker.stop());
  const watchdog = await startLockedJobWatchdog({
    connectionString: context.databaseUrl,
    logger: componentLogger("watchdog"),
    metrics,
    checkEveryMs: env.JOB_WATCHDOG_CHECK_MS,
  });
  onStop(watchdog.stop);
  let workerProblem: string | null = null;
  worker.promise.then(
    () => (workerProblem = "worker stopped"),
    (error: unknown) => (workerProblem = `worker crashed: ${(error as Error).message}`),
  );
  context.readiness.worker = async () => workerProblem;
}
