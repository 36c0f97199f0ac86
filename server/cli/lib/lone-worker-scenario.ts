// The simulator's `lone-worker` scenario: a guard assigned to Sim HQ must
// check in every 2 minutes (30 s grace). In each 6-minute round the guard's
// phone sends "I'm OK" on `guard/{id}/check-in` once a minute for three
// minutes, then stays quiet for three: the worker's pre-alarm (`check-in-due`
// on the phone's command topic) arrives and is printed, then the NOC gets a
// check-in-missed alert; the next round's first check-in ends the period.
// A man-down "Are you OK?" (`man-down-check`) on the phone is printed and
// answered at once with "I'm OK", so it raises no man-down alert.
import type { MqttClient } from "mqtt";
import { CHECK_IN_DUE_COMMAND, MAN_DOWN_CHECK_COMMAND } from "../../contracts/mqtt-payloads";
import { api, assignGuard, msgId } from "./vigil-api";

const ROUND_MINUTES = 6;
const CHECKING_MINUTES = 3;

type LoneWorkerScenario = { step: () => void };

export async function startLoneWorkerScenario({
  url,
  token,
  siteId,
  guardExternalId,
  phoneExternalId,
  client,
  log,
}: {
  url: string;
  token: string;
  siteId: string;
  guardExternalId: string;
  phoneExternalId: string;
  client: MqttClient;
  log: (message: string) => void;
}): Promise<LoneWorkerScenario> {
  const path = `/api/v1/guards/${encodeURIComponent(guardExternalId)}/assignments/${siteId}`;
  let patched = await api(url, path, { method: "PATCH", token, body: { checkInMinutes: 2, graceSeconds: 30 } });
  if (patched.status === 404) {
    await assignGuard(url, token, guardExternalId, siteId);
    patched = await api(url, path, { method: "PATCH", token, body: { checkInMinutes: 2, graceSeconds: 30 } });
  }
  if (patched.status !== 200) throw new Error(`check-ins for ${guardExternalId}: HTTP ${patched.status}`);
  const commands = `device/${phoneExternalId}/commands`;
  client.on("message", (topic, raw) => {
    const body = JSON.parse(raw.toString()) as { type?: string; params?: unknown; result?: string; msg_id?: string };
    if (topic === commands && body.type === CHECK_IN_DUE_COMMAND) {
      log(`${guardExternalId} pre-alarm on ${phoneExternalId}: ${JSON.stringify(body.params)}`);
    } else if (topic === commands && body.type === MAN_DOWN_CHECK_COMMAND) {
      log(`${guardExternalId} "Are you OK?" on ${phoneExternalId}: ${JSON.stringify(body.params)}, answering I'm OK`);
      const answer = { timestamp: new Date().toISOString(), msg_id: `ok-${msgId()}` };
      client.publish(`guard/${guardExternalId}/check-in`, JSON.stringify(answer), { qos: 1 });
    } else if (topic === `guard/${guardExternalId}/receipts` && body.msg_id?.startsWith("ok-")) {
      log(`${guardExternalId} check-in receipt: ${body.result}`);
    }
  });
  await client.subscribeAsync([commands, `guard/${guardExternalId}/receipts`], { qos: 1 });
  log(
    `${guardExternalId} checks in every minute for ${CHECKING_MINUTES} of each ${ROUND_MINUTES} minutes (due every 2)`,
  );
  let minute = 0;
  return {
    step() {
      const inRound = minute++ % ROUND_MINUTES;
      if (inRound >= CHECKING_MINUTES) {
        if (inRound === CHECKING_MINUTES) log(`${guardExternalId} stops checking in: a missed check-in follows`);
        return;
      }
      const checkIn = { timestamp: new Date().toISOString(), msg_id: `ok-${msgId()}` };
      client.publish(`guard/${guardExternalId}/check-in`, JSON.stringify(checkIn), { qos: 1 });
    },
  };
}
