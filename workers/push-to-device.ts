// Web push to a guard phone's guard app (its device-owned subscriptions): the
// "Check in now" pre-alarm beside the check-in-due command, and "Are you OK?"
// beside the man-down-check command. Best effort: the
// command on MQTT is what the open app acts on; the push wakes a phone whose
// app is closed. A subscription the push service says is gone is deleted.
import type { JobHelpers } from "graphile-worker";
import type { KeyedBreakers } from "../server/lib/keyed-breakers";
import type { PushChannel, PushMessage } from "../server/notifications/push-channel";
import { CHECK_IN_DUE_COMMAND, MAN_DOWN_CHECK_COMMAND } from "../server/contracts/mqtt-payloads";
import { componentLogger } from "../server/observability/logger";

const logger = componentLogger("push");

const PRE_ALARM_TTL_SECONDS = 300;

/** The lone-worker pre-alarm: a check-in is due. */
function checkInDuePush(commandId: string): PushMessage {
  return {
    title: "Check in now",
    body: "Open the guard app and tap “I’m OK”.",
    url: "/g",
    tag: `check-in-due-${commandId}`,
    severity: "high",
  };
}

/** The man-down pre-alarm: the guard lay still; the alarm goes up unless they answer in the app. */
function manDownCheckPush(commandId: string): PushMessage {
  return {
    title: "Are you OK?",
    body: "You have not moved for a while. Open the guard app and tap “I’m OK”, or an alarm is raised.",
    url: "/g",
    tag: `man-down-check-${commandId}`,
    severity: "critical",
  };
}

/** The push that goes with a command, if any. */
export function pushForCommand(type: string, commandId: string): PushMessage | null {
  if (type === CHECK_IN_DUE_COMMAND) return checkInDuePush(commandId);
  if (type === MAN_DOWN_CHECK_COMMAND) return manDownCheckPush(commandId);
  return null;
}

type Subscription = { id: string; endpoint: string; p256dh: string; auth: string };

export async function pushToDevice(
  helpers: Pick<JobHelpers, "query">,
  { channel, breakers }: { channel: PushChannel; breakers: KeyedBreakers },
  { tenantId, deviceId, message }: { tenantId: string; deviceId: string; message: PushMessage },
): Promise<number> {
  if (channel.unavailable) return 0;
  const { rows } = await helpers.query<Subscription>(
    "select id, endpoint, p256dh, auth from push_subscriptions where tenant_id = $1 and device_id = $2",
    [tenantId, deviceId],
  );
  const sent = await Promise.all(
    rows.map(async (subscription) => {
      try {
        const breaker = breakers.forKey(new URL(subscription.endpoint).host);
        const result = await breaker.run(() =>
          channel.send(subscription, message, { ttlSeconds: PRE_ALARM_TTL_SECONDS }),
        );
        if (result.outcome === "gone") {
          await helpers.query("delete from push_subscriptions where id = $1", [subscription.id]);
        }
        return result.outcome === "sent";
      } catch (err) {
        logger.warn({ err, device_id: deviceId }, "guard app push failed");
        return false;
      }
    }),
  );
  return sent.filter(Boolean).length;
}
