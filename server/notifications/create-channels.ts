// Every notification channel behind its own circuit breaker, with the
// breaker's state exported as a metric. Web push has one breaker per push
// service host: a tenant can register any public endpoint, and its failures
// must not stop the pushes of every other tenant.
import type { Env } from "../env";
import { createCircuitBreaker } from "../lib/circuit-breaker";
import { createKeyedBreakers } from "../lib/keyed-breakers";
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
    push: {
      channel: createPushChannel(env),
      breakers: createKeyedBreakers({
        name: "push",
        onChange: (notClosed) => metrics.breakerOpen.set({ channel: "push" }, notClosed),
      }),
    },
  };
}
