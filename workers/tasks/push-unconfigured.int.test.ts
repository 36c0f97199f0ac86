// Without VAPID keys a push tier records its deliveries as skipped, saying
// what to set, and the other channels of the tier still go out.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AlertDetailDto, AlertListItemDto } from "../../server/contracts/alert-api";
import type { ContactDto } from "../../server/contracts/notifications";
import type { VapidPublicKeyDto } from "../../server/contracts/push";
import { api, createGuardWithPhone } from "../../test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "../../test/harness/fake-providers";
import { connectDevice, endQuietly, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

let vigil: TestVigil;
let fake: FakeProviders;

beforeAll(async () => {
  fake = await startFakeProviders();
  const { VAPID_PUBLIC_KEY: _pub, VAPID_PRIVATE_KEY: _priv, VAPID_SUBJECT: _sub, ...withoutPush } = fake.vigilEnv;
  vigil = await startTestVigil({ env: withoutPush });
}, 60_000);

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

it("push deliveries are skipped with the reason, email still goes, and the browser is told push is off", async () => {
  const { body: key } = await api<VapidPublicKeyDto>(vigil.url, "/api/v1/push/vapid-public-key");
  expect(key).toEqual({ publicKey: null });
  const { body: contact } = await api<ContactDto>(vigil.url, "/api/v1/contacts", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: "Sam Supervisor", email: "sam@vigil.test" },
  });
  await api(vigil.url, "/api/v1/escalation-policies", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: "Phones", tiers: [{ contactIds: [contact.id], channels: ["push", "email"], delaySeconds: 0 }] },
  });
  const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  await publishJson(client, `alert/panic/${guard.externalId}`, {
    alert_type: "panic",
    severity: "critical",
    message: "help",
    timestamp: new Date().toISOString(),
    msg_id: "one",
  });
  await endQuietly(client);
  const deliveries = await waitFor(
    async () => {
      const { body: alerts } = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open", {
        token: vigil.adminToken,
      });
      const alert = alerts.find((a) => a.sourceExternalId === guard.externalId);
      if (!alert) return null;
      const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, { token: vigil.adminToken });
      return body.deliveries.every((d) => d.status !== "queued") && body.deliveries.length === 2
        ? body.deliveries
        : null;
    },
    { timeoutMs: 10_000, what: "both deliveries settled" },
  );
  expect(deliveries.find((d) => d.channel === "push")).toMatchObject({
    status: "skipped",
    error: "Web push is not configured (set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT)",
  });
  expect(deliveries.find((d) => d.channel === "email")).toMatchObject({ status: "sent" });
  expect(fake.requests.filter((r) => r.provider === "push")).toEqual([]);
}, 30_000);
