// The browser guard app at /g (issue 19, item 7): enrolling a phone with a
// one-time token from the guard's page, what the app shows (its guard, sites,
// current tour run and next checkpoint), and the messages it publishes over
// MQTT over WebSocket. Isomorphic: the app builds its messages from here.
import { z } from "zod";
import { isoTime } from "./iso-time";

/** How long an enrolment code works, and the cancel window of an alarm when the device's config sets none. */
export const ENROLMENT_MINUTES = 15;
export const DEFAULT_CANCEL_WINDOW_SECONDS = 5;

export const phoneEnrolmentDto = z.object({
  deviceExternalId: z.string().describe("The guard-phone device registered for the app (revoke or delete it there)."),
  enrolPath: z
    .string()
    .describe("`/g/enrol#<token>`: the phone opens it; the token is in the fragment, so it never reaches a log."),
  expiresAt: isoTime.describe("The token works once, until then."),
});
export type PhoneEnrolmentDto = z.infer<typeof phoneEnrolmentDto>;

export const redeemEnrolmentInput = z.object({ token: z.string().min(20).max(200) });

export const enrolledPhoneDto = z.object({
  username: z.string().describe("The device's MQTT username (its external id)."),
  password: z.string().describe("Its MQTT password, issued now: the only place it is ever shown."),
  guardExternalId: z.string().describe("The guard whose topics it publishes under."),
  mqttPath: z.string().describe("MQTT over WebSocket on the web port."),
});
export type EnrolledPhoneDto = z.infer<typeof enrolledPhoneDto>;

const guardAppRunDto = z.object({
  id: z.uuid(),
  tourName: z.string(),
  siteName: z.string(),
  status: z.string(),
  closesAt: isoTime,
  visited: z.number().int(),
  total: z.number().int(),
  nextCheckpoint: z.string().nullable().describe("The next checkpoint to visit (the first unvisited one)."),
});

export const guardAppViewDto = z.object({
  deviceExternalId: z.string(),
  guard: z.object({ externalId: z.string(), name: z.string() }),
  sites: z.array(z.object({ id: z.uuid(), name: z.string() })),
  run: guardAppRunDto.nullable().describe("The guard's open tour run due first, or null."),
  cancelWindowSeconds: z
    .number()
    .int()
    .describe(
      "How long the phone waits, with a Cancel button, before an alarm goes out (config `cancelWindowSeconds`).",
    ),
});
export type GuardAppViewDto = z.infer<typeof guardAppViewDto>;

/** The guard app's uplink topics (the MQTT contract; the check-in topic is the lone-worker one). */
export function guardAppTopics(guardId: string) {
  return {
    gps: `guard/${guardId}/gps`,
    checkpoint: `guard/${guardId}/checkpoint`,
    checkIn: `guard/${guardId}/check-in`,
    panic: `alert/panic/${guardId}`,
    receipts: `guard/${guardId}/receipts`,
  };
}

/** The phone's own device topics: its commands, and its answers to them. */
export function deviceAppTopics(deviceId: string) {
  return { commands: `device/${deviceId}/commands`, commandResults: `device/${deviceId}/command-results` };
}

/** A message the app sends and resends until its receipt: a check-in, a scan or the panic. */
export type QueuedMessage = { topic: string; qos: 1 | 2; payload: { msg_id: string; timestamp: string } & object };

/** A receipt on the guard's receipts topic: alarms' `alert_id`; scans' and check-ins' `result` ("wrong_pin"). */
export const receiptPayload = z.looseObject({
  msg_id: z.string(),
  alert_id: z.string().optional(),
  result: z.string().optional(),
});
export type ReceiptPayload = z.infer<typeof receiptPayload>;

/** A command on the device's commands topic (the pre-alarm is `check-in-due`). */
export const deviceCommandPayload = z.object({ command_id: z.string(), type: z.string(), params: z.unknown() });
export type DeviceCommandPayload = z.infer<typeof deviceCommandPayload>;
