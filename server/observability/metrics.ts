// The Prometheus registry and every metric Vigil exports. Names here are the
// contract with grafana/ dashboards and alert rules; labels stay bounded
// (families, results, routes), never device or tenant ids. Node's default
// metrics keep their standard names (process_*, nodejs_*) so that stock Node
// dashboards work, and the labelled counters that rules take increase() of
// exist at 0 from the start (otherwise the first event only creates the
// series, and increase() over it is 0).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { globalSingleton } from "../lib/global-singleton";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = {
    registry,
    mqttMessages: new Counter({
      name: "vigil_mqtt_messages_total",
      help: "MQTT messages received, by topic family and result (accepted, duplicate, or a rejection reason)",
      labelNames: ["family", "result"] as const,
      registers: [registry],
    }),
    quarantined: new Counter({
      name: "vigil_quarantine_total",
      help: "Messages kept in quarantine, by reason",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    ingestLatency: new Histogram({
      name: "vigil_ingest_latency_seconds",
      help: "Time from a message's arrival at the ingestor to the commit of its batch",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: "vigil_ingest_batch_size",
      help: "Messages committed per ingest batch",
      buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500],
      registers: [registry],
    }),
    cacheInvalidations: new Counter({
      name: "vigil_ingest_cache_invalidations_total",
      help: "Entries the ingestor dropped from a cache on a change announced by NOTIFY (registry, rules, fences, patrols)",
      labelNames: ["cache"] as const,
      registers: [registry],
    }),
    batchFailures: new Counter({
      name: "vigil_ingest_batch_failures_total",
      help: "Ingest batches whose transaction failed (their messages are redelivered by the broker)",
      registers: [registry],
    }),
    shed: new Counter({
      name: "vigil_ingest_shed_total",
      help: "Messages shed under overload, by family (telemetry only, never alarms)",
      labelNames: ["family"] as const,
      registers: [registry],
    }),
    handlerErrors: new Counter({
      name: "vigil_ingest_handler_errors_total",
      help: "Ingest pipeline handlers that threw, by handler",
      labelNames: ["handler"] as const,
      registers: [registry],
    }),
    mqttConnectionsRefused: new Counter({
      name: "vigil_mqtt_connections_refused_total",
      help: "Connections the embedded broker closed before serving them, by reason (connect timeout, too many pending from one address, a bad first packet or length, a client id reserved for Vigil or owned by another identity)",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    mqttPublishesThrottled: new Counter({
      name: "vigil_mqtt_publishes_throttled_total",
      help: "Device publishes the embedded broker held back over the per-client rate (MQTT_PUBLISH_RATE_PER_CLIENT; alarms are exempt), by topic family",
      labelNames: ["family"] as const,
      registers: [registry],
    }),
    mqttConnected: new Gauge({
      name: "vigil_mqtt_connected",
      help: "1 while the ingestor is connected to the broker",
      registers: [registry],
    }),
    socketConnections: new Gauge({
      name: "vigil_socketio_connections",
      help: "Open Socket.IO connections",
      registers: [registry],
    }),
    socketBroadcasts: new Counter({
      name: "vigil_socketio_broadcasts_total",
      help: "Socket.IO events broadcast to tenant rooms, by event",
      labelNames: ["event"] as const,
      registers: [registry],
    }),
    socketDelivery: new Histogram({
      name: "vigil_socketio_delivery_seconds",
      help: "Time from the arrival at the ingestor of the oldest message behind a Socket.IO event to its emit, by event",
      labelNames: ["event"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    httpRequests: new Counter({
      name: "vigil_http_requests_total",
      help: "API requests by route and status",
      labelNames: ["route", "method", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "vigil_http_request_duration_seconds",
      help: "API request duration by route",
      labelNames: ["route", "method"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    jobs: new Counter({
      name: "vigil_jobs_total",
      help: "graphile-worker jobs finished, by task and result",
      labelNames: ["task", "result"] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "vigil_job_duration_seconds",
      help: "graphile-worker job duration by task",
      labelNames: ["task"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
      registers: [registry],
    }),
    jobsQueued: new Counter({
      name: "vigil_jobs_queued_total",
      help: "graphile-worker jobs Vigil's code added, by task (cron jobs are not counted; counted when added, so a transaction rolled back afterwards still counts)",
      labelNames: ["task"] as const,
      registers: [registry],
    }),
    jobsPending: new Gauge({
      name: "vigil_jobs_pending",
      help: "graphile-worker jobs due now and waiting for a worker, by task (sampled from the database every 10 s)",
      labelNames: ["task"] as const,
      registers: [registry],
    }),
    jobsOldestPending: new Gauge({
      name: "vigil_jobs_oldest_pending_seconds",
      help: "How long the oldest due job has waited for a worker, by task; 0 when none waits (sampled every 10 s)",
      labelNames: ["task"] as const,
      registers: [registry],
    }),
    jobsLocked: new Gauge({
      name: "vigil_jobs_locked",
      help: "graphile-worker jobs locked by a worker (running, or held by a worker that died), by task (sampled every 10 s)",
      labelNames: ["task"] as const,
      registers: [registry],
    }),
    jobsLockedLongest: new Gauge({
      name: "vigil_jobs_locked_longest_seconds",
      help: "How long the longest-locked job of a task has been locked; 0 when none is (sampled every 10 s)",
      labelNames: ["task"] as const,
      registers: [registry],
    }),
    alertsRaised: new Counter({
      name: "vigil_alerts_raised_total",
      help: "Alerts opened (not repeats of an open one), by severity",
      labelNames: ["severity"] as const,
      registers: [registry],
    }),
    alertsOpen: new Gauge({
      name: "vigil_alerts_open",
      help: "Alerts not yet resolved, by type (unknown device types as other), severity and status (sampled every 10 s)",
      labelNames: ["type", "severity", "status"] as const,
      registers: [registry],
    }),
    alertsOldestUnacknowledged: new Gauge({
      name: "vigil_alerts_oldest_unacknowledged_seconds",
      help: "Age of the oldest alert nobody has acknowledged (status NEW), by severity; 0 when none (sampled every 10 s)",
      labelNames: ["severity"] as const,
      registers: [registry],
    }),
    timeToAcknowledge: new Histogram({
      name: "vigil_alert_time_to_acknowledge_seconds",
      help: "Time from an alert's creation to its acknowledgement (console, API or signed link), by severity",
      labelNames: ["severity"] as const,
      buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 14400],
      registers: [registry],
    }),
    notifications: new Counter({
      name: "vigil_notifications_total",
      help: "Notification delivery attempts by channel and result (sent, failed, retry, skipped)",
      labelNames: ["channel", "result"] as const,
      registers: [registry],
    }),
    providerLatency: new Histogram({
      name: "vigil_notification_provider_seconds",
      help: "Time a notification provider (Twilio, Resend) took to accept a message, by channel",
      labelNames: ["channel"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobsUnlocked: new Counter({
      name: "vigil_jobs_unlocked_total",
      help: "Workers whose notification jobs stayed locked too long and were unlocked by the watchdog",
      registers: [registry],
    }),
    breakerOpen: new Gauge({
      name: "vigil_notification_breaker_open",
      help: "1 while a notification provider's circuit breaker is open (or half-open), by channel (push: how many push hosts' breakers are)",
      labelNames: ["channel"] as const,
      registers: [registry],
    }),
    geofenceChecks: new Counter({
      name: "vigil_geofence_checks_total",
      help: "GPS fixes checked against their guard's fences, by result (inside, outside, stale: older than the last)",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    geofenceCheckSeconds: new Histogram({
      name: "vigil_geofence_check_seconds",
      help: "Time the geofence step took for one ingest batch (state lock, evaluation of every fix)",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers: [registry],
    }),
    loginFailures: new Counter({
      name: "vigil_login_failures_total",
      help: "Failed logins, by reason (bad_credentials, bad_code, rate_limited)",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    checkIns: new Counter({
      name: "vigil_check_ins_total",
      help: "Guards' check-ins, by result (ok, including the duress PIN; wrong_pin; locked after too many wrong PINs)",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
  };
  zeroKnownSeries(metrics);
  return metrics;
}

/** The uplink topic families, notification channels and delivery results that always have a series. */
const KNOWN_LABELS = {
  families: ["device", "guard", "sensor", "alert", "system"],
  channels: ["sms", "email", "push"],
  deliveryResults: ["sent", "retry", "failed", "skipped"],
} as const;

function zeroKnownSeries(m: {
  mqttMessages: Counter<"family" | "result">;
  shed: Counter<"family">;
  notifications: Counter<"channel" | "result">;
  loginFailures: Counter<"reason">;
}): void {
  for (const reason of ["bad_credentials", "bad_code", "rate_limited"]) m.loginFailures.inc({ reason }, 0);
  for (const family of KNOWN_LABELS.families) {
    for (const result of ["accepted", "duplicate"]) m.mqttMessages.inc({ family, result }, 0);
    m.shed.inc({ family }, 0);
  }
  for (const channel of KNOWN_LABELS.channels) {
    for (const result of KNOWN_LABELS.deliveryResults) m.notifications.inc({ channel, result }, 0);
  }
}

export type Metrics = ReturnType<typeof createMetrics>;

export const metrics: Metrics = globalSingleton("metrics", createMetrics);
