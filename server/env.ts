// The only module that reads process.env: parses it once with zod and hands
// a typed, frozen config to everything else.
import proxyAddr from "proxy-addr";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", ""]).transform((v) => v === "true" || v === "1");
const port = z.coerce.number().int().min(0).max(65535);
const roles = ["web", "ingest", "worker"] as const;

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: port.default(3000),
  // Where /healthz, /readyz and /metrics are served by a thread of their own (unset: only on PORT, with the web role).
  METRICS_PORT: port.optional(),
  // Also serve /readyz and /metrics on PORT (the public web port); /healthz is always there.
  OPS_ON_WEB_PORT: bool.default(false),
  PUBLIC_URL: z.url().optional(),
  // Where phones and devices reach the MQTT broker (mqtt://host:1883, or mqtts://host:8883 through a TLS listener),
  // for the onboarding links; unset: PUBLIC_URL's (or the request's) host and MQTT_PORT, plaintext.
  MQTT_PUBLIC_URL: z.url({ protocol: /^mqtts?$/ }).optional(),
  // Reverse proxies whose X-Forwarded-For/-Host/-Proto are believed: addresses, CIDRs or proxy-addr's names
  // (loopback, linklocal, uniquelocal), comma-separated. Unset: no header of that kind is believed.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => {
        try {
          proxyAddr.compile(list);
          return true;
        } catch {
          return false;
        }
      },
      { message: "addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8,::1) or loopback, linklocal, uniquelocal" },
    ),
  // The largest request body any route reads (JSON, forms, server actions); beyond it: 413.
  HTTP_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  VIGIL_DATA_DIR: z.string().default("./.vigil"),
  VIGIL_ROLES: z
    .string()
    .default("web,ingest,worker")
    .transform((s) =>
      s
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(roles)).min(1)),
  VIGIL_INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
  VIGIL_DEV_SERVER: bool.default(false),
  DATABASE_URL: z.string().optional(),
  EMBEDDED_PG_PORT: port.default(54329),
  MQTT_URL: z.string().optional(),
  MQTT_PORT: port.default(1883),
  MQTT_USERNAME: z.string().optional(),
  MQTT_PASSWORD: z.string().optional(),
  MQTT_ALLOW_ANONYMOUS: bool.default(false),
  // Production: the embedded broker (plaintext MQTT) may listen on a non-loopback HOST only when this is true.
  MQTT_ALLOW_PLAINTEXT: bool.default(false),
  // Embedded broker: a connection whose CONNECT has not arrived by then is closed (aedes's own default is 30 s).
  MQTT_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(5000),
  // Embedded broker: connections one address (an IPv6 /64) may have open before their CONNECT arrives.
  MQTT_MAX_PENDING_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(1000),
  // Embedded broker: publishes a second one device may make on average (after a burst of MQTT_PUBLISH_BURST_PER_CLIENT)
  // before the broker holds the rest back; alarms (alert/...) are exempt. 0 turns the limit off.
  MQTT_PUBLISH_RATE_PER_CLIENT: z.coerce.number().min(0).max(100_000).default(20),
  MQTT_PUBLISH_BURST_PER_CLIENT: z.coerce.number().int().min(1).max(1_000_000).default(500),
  MQTT_SHARED_SUBSCRIPTION: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  ADMIN_EMAIL: z.email().default("admin@vigil.local"),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  // Set by systemd for a service: the generated admin password then goes to a file, not to the journal.
  INVOCATION_ID: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  MAP_TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  INGEST_MAX_PAYLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(256)
    .max(1024 * 1024)
    .default(64 * 1024),
  INGEST_BATCH_MAX_ROWS: z.coerce.number().int().min(1).max(10_000).default(500),
  // 0: a batch commits as soon as the one before it has, with whatever arrived meanwhile (lower latency than a
  // fixed wait, and no less throughput: BENCHMARKS.md).
  INGEST_BATCH_MAX_WAIT_MS: z.coerce.number().int().min(0).max(1000).default(0),
  // Benchmarks only: times every ingest stage and writes the figures here on SIGUSR2 (docs/architecture.md, the tail).
  INGEST_TRACE_FILE: z.string().optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_PHONE_NUMBER: z.string().optional(),
  TWILIO_API_BASE_URL: z.url().optional(),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().optional(),
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, "the base64url public key (65 bytes) from `npx web-push generate-vapid-keys`")
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "the base64url private key (32 bytes) from `npx web-push generate-vapid-keys`")
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, "a mailto: or https:// address push services can reach you at")
    .optional(),
  WEB_PUSH_ALLOW_HTTP: bool.default(false),
  // A push subscription made through a signed alert link (no account) lasts this long, and only while the
  // contact keeps the email, phone and account it had then.
  PUSH_LINK_SUBSCRIPTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SMS_ALLOWED_COUNTRY_CODES: z
    .string()
    .default("*")
    .transform((s) =>
      s
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  SMS_PER_NUMBER_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  // A provider request (Twilio, Resend, web push) that has not answered by then counts as failed and is retried.
  // At most 30 s: the locked-job watchdog takes a delivery job locked for 40 s for one whose worker died.
  NOTIFICATION_PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(10_000),
  // Retries of a failed delivery wait base x 2^(attempt - 1), at most max, with +-20% jitter.
  NOTIFICATION_RETRY_BASE_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
  NOTIFICATION_RETRY_MAX_MS: z.coerce.number().int().min(10).max(600_000).default(30_000),
  // SMS pumping: a compromised admin adding hundreds of numbers sends at most this many SMS an hour for the tenant.
  SMS_TENANT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(200),
  ALERT_LINK_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(3600),
  VIGIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /** How often the worker role looks for jobs locked by a dead worker (workers/locked-job-watchdog.ts). */
  JOB_WATCHDOG_CHECK_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  // Nightly retraining of every tenant's false-alarm model (a cron line's five fields); "off" disables it.
  ML_RETRAIN_CRON: z
    .string()
    .trim()
    .regex(/^(off|\S+ \S+ \S+ \S+ \S+)$/, 'five cron fields ("30 2 * * *") or "off"')
    .default("30 2 * * *")
    .transform((s) => (s === "off" ? null : s)),
  ML_TRAINING_EPOCHS: z.coerce.number().int().min(1).max(500).default(40),
  // Each epoch lasts at least this long: training on a few thousand alerts would otherwise finish before
  // anyone sees it move, and the pause leaves the worker's CPU to ingest and notifications.
  ML_MIN_EPOCH_MS: z.coerce.number().int().min(0).max(60_000).default(100),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (`DATABASE_URL=` in a .env file) counts as unset; else it
  // would coerce to port 0 or pass as a URL while still starting the embedded server.
  const result = envSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return Object.freeze(result.data);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
