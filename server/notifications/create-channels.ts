// Every notification channel behind its own circuit breaker, with the
// breaker's state exported as a metric.
import type { Env } from "../env";
import { createCircuitBreaker } from "../lib/circuit-breaker";
import type { Metrics } from "../observability/metrics";
import { createEmailChannel, createSmsChannel } from "./channels";
import { createPushChannel } from "./push-channel";

export function createNotificationChannels(env: Env, metrics: Metrics) {
  const guarded = <C extends { name: string }>(channel: C) => ({
    channel,
    breaker: createCircuitBreaker({
      name: channel.name,
      onChange: (state) => metrics.breakerOpen.set({ channel: channel.name }, state === "closed" ? 0 : 1),
    }),
  });
  return {
    sms: guarded(createSmsChannel(env)),
    email: guarded(createEmailChannel(env)),
    push: guarded(createPushChannel(env)),
  };
}
