// What a Vigil process does after an uncaught exception or an unhandled
// rejection: its state is unknown (a library may have thrown half-way through
// updating itself, as postgres.js did from a timer), so it stops. It first
// drains as on SIGTERM (the ingestor commits and acknowledges what it has,
// the worker finishes its jobs), bounded in time, then exits with code 1 so
// that systemd (Restart=on-failure) or the user starts it again. Nothing
// acknowledged is lost: a QoS 1/2 message is acknowledged to the broker only
// after its commit, so whatever the process held is redelivered to the
// restarted one's persistent session.
import type { EventEmitter } from "node:events";
import type { Logger } from "./observability/logger";

const FATAL_DRAIN_TIMEOUT_MS = 10_000;

export function stopOnFatalError({
  stop,
  logger,
  drainTimeoutMs = FATAL_DRAIN_TIMEOUT_MS,
  events = process,
  exit = (code) => process.exit(code),
}: {
  /** The process's idempotent clean stop. */
  stop: () => Promise<unknown>;
  logger: Logger;
  drainTimeoutMs?: number;
  events?: EventEmitter;
  exit?: (code: number) => void;
}): void {
  let stopping = false;
  const onFatal = (kind: string) => (error: unknown) => {
    logger.fatal({ err: error, kind }, "fatal error: stopping the process");
    if (stopping) return; // already draining; the first error's exit comes
    stopping = true;
    const timer = setTimeout(() => {
      logger.fatal({ timeout_ms: drainTimeoutMs }, "fatal error: drain timed out, exiting");
      exit(1);
    }, drainTimeoutMs);
    void stop()
      .catch((stopError: unknown) => logger.error({ err: stopError }, "fatal error: clean stop failed"))
      .finally(() => {
        clearTimeout(timer);
        exit(1);
      });
  };
  events.on("uncaughtException", onFatal("uncaught exception"));
  events.on("unhandledRejection", onFatal("unhandled rejection"));
}
