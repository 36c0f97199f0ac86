// Fault: a worker process killed with SIGKILL after Twilio received
// an SMS request but before the job completed. Its job stays locked; the
// watchdog of a new worker frees it within a minute and the SMS is sent
// again: at most one duplicate per (alert, recipient), and the delivery row
// ends as sent. The web and worker roles run as separate children (a killed
// worker must not take the test process with it) on Mosquitto and one database.
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ContactDto } from "../server/contracts/notifications";
import { api, logIn } from "../test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "../test/harness/fake-providers";
import { startMosquitto, type Mosquitto } from "../test/harness/mosquitto";
import { raisePanic } from "../test/harness/panic";
import { createTestDatabase } from "../test/harness/test-database";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "../test/harness/vigil";
import { spawnVigil, type VigilProcess } from "../test/harness/vigil-process";
import { waitFor } from "../test/harness/wait-for";

let mosquitto: Mosquitto | undefined;
let fake: FakeProviders | undefined;
let sql: Sql | undefined;
let env: Record<string, string>;
let web: VigilProcess | undefined;
const workers: VigilProcess[] = [];
let token: string;
let contact: ContactDto;

beforeAll(async () => {
  [mosquitto, fake] = await Promise.all([startMosquitto(), startFakeProviders()]);
  const databaseUrl = await createTestDatabase();
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  env = { ...fake.vigilEnv, DATABASE_URL: databaseUrl, MQTT_URL: mosquitto.url };
  const started = await Promise.allSettled([
    spawnVigil({ instanceId: "crash-web", env: { ...env, VIGIL_ROLES: "web,ingest" } }),
    spawnVigil({ instanceId: "crash-worker-1", env: { ...env, VIGIL_ROLES: "worker" } }),
  ]);
  if (started[0].status === "fulfilled") web = started[0].value;
  if (started[1].status === "fulfilled") workers.push(started[1].value);
  for (const result of started) if (result.status === "rejected") throw result.reason;

  token = await logIn(web!.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  const post = <T>(route: string, body: unknown) => api<T>(web!.url, route, { method: "POST", token, body });
  contact = (await post<ContactDto>("/api/v1/contacts", { name: "Sam Supervisor", phone: "+919800000001" })).body;
  const policy = await post("/api/v1/escalation-policies", {
    name: "Supervisor",
    tiers: [{ contactIds: [contact.id], channels: ["sms"], delaySeconds: 0 }],
  });
  expect(policy.status).toBe(201);
}, 120_000);

afterAll(async () => {
  await Promise.all([web?.dispose(), ...workers.map((w) => w.dispose())]);
  await sql?.end({ timeout: 5 });
  await fake?.close();
  await mosquitto?.dispose();
}, 30_000);

test("a worker killed after Twilio received the SMS request is replaced: the job runs again within 60 s and the SMS goes out at most twice", async () => {
  const held = fake!.hold("twilio");
  const { alert } = await raisePanic({ url: web!.url, adminToken: token, mqttUrl: mosquitto!.url }, "Help");
  const first = await waitFor(
    () => Promise.race([held.arrived, new Promise<false>((r) => setTimeout(r, 100, false))]),
    {
      timeoutMs: 15_000,
      what: "Twilio to receive the SMS request",
    },
  );
  expect(first.body.Body).toContain(`/m/alerts/${alert.id}?t=`);
  // The provider has the request (a real Twilio would send it); the worker dies before it hears back.
  await workers[0]!.kill("SIGKILL");
  const killedAt = performance.now();
  held.release();
  const [job] = await sql!<{ locked_by: string | null }[]>`
    select j.locked_by from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'deliver_notification'`;
  expect(job?.locked_by).toBeTruthy();

  workers.push(await spawnVigil({ instanceId: "crash-worker-2", env: { ...env, VIGIL_ROLES: "worker" } }));
  const smsFor = () => fake!.requests.filter((r) => r.provider === "twilio" && r.body.Body?.includes(alert.id));
  await waitFor(() => smsFor().length >= 2, { timeoutMs: 60_000, intervalMs: 100, what: "the SMS to be sent again" });
  const retriedAfterS = (performance.now() - killedAt) / 1000;
  expect(retriedAfterS).toBeLessThanOrEqual(60);
  const delivery = await waitFor(
    async () => {
      const [row] = await sql!<{ status: string; attempts: number }[]>`
        select status, attempts from notification_deliveries where alert_id = ${alert.id} and channel = 'sms'`;
      return row?.status === "sent" && row;
    },
    { what: "the delivery row to say sent" },
  );
  // Nothing runs it a third time.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const sent = smsFor();
  expect(sent.every((r) => r.body.To === contact.phone)).toBe(true);
  expect(sent.length).toBeLessThanOrEqual(2);
  console.info(
    `worker crash: SIGKILL after Twilio received the SMS request; sent again ${retriedAfterS.toFixed(1)} s later by the new ` +
      `worker; ${sent.length} SMS in all for the (alert, recipient) (${sent.length - 1} duplicate); row ${delivery.status} ` +
      `after ${delivery.attempts} attempt`,
  );
}, 100_000);
