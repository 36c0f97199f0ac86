// What tasks need from the process besides the database: the downlink
// publisher, the realtime broadcaster, the notification channels (each behind
// its circuit breaker), the settings for links and SMS limits, and how
// false-alarm models train.
import type { Sql } from "postgres";
import type { CircuitBreaker } from "../server/lib/circuit-breaker";
import type { KeyedBreakers } from "../server/lib/keyed-breakers";
import type { MqttPublisher } from "../server/infra/mqtt-publisher";
import type { Channel } from "../server/notifications/channels";
import type { PushChannel } from "../server/notifications/push-channel";
import type { Broadcaster } from "../server/realtime/broadcaster";
import type { RetrySettings } from "./delivery-retry";

export type NotificationSettings = {
  publicUrl: string;
  linkSecret: string;
  linkTtlSeconds: number;
  smsAllowedCountryCodes: string[];
  smsPerNumberPerMinute: number;
  /** When a failed delivery is tried again. */
  retry: RetrySettings;
  /** SMS_TENANT_PER_HOUR: SMS sent for one tenant in the last hour, at most; more are skipped. */
  smsTenantPerHour: number;
};

type TrainingSettings = {
  /** Epochs of a cron run (manual runs name theirs when they are requested). */
  epochs: number;
  /** Shortest epoch in ms (see ML_MIN_EPOCH_MS). */
  minEpochMs: number;
};

export type TaskDeps = {
  /** The process's postgres.js pool, for tasks that share code with the ingest path. */
  sql: Sql;
  publisher: MqttPublisher;
  broadcaster: Broadcaster;
  channels: Record<Channel["name"], { channel: Channel; breaker: CircuitBreaker }> & {
    push: { channel: PushChannel; breakers: KeyedBreakers };
  };
  notifications: NotificationSettings;
  training: TrainingSettings;
  /** Days of history kept in the partitioned tables (VIGIL_RETENTION_DAYS). */
  retentionDays: number;
};
