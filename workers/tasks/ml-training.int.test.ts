// The false-alarm model end to end on a real Vigil: a manager's training run
// reports every epoch in order (API and socket), cancelling stops a run and
// says so, a promoted model scores new sensor alerts, and panics are never
// scored.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AlertDetailDto, AlertListItemDto } from "@/server/contracts/alert-api";
import type { MlModelDto, TrainingRunDto } from "@/server/contracts/ml";
import { socketEvents } from "@/server/contracts/socket-events";
import { seedAlertHistory, type SeededHistory } from "@/test/harness/alert-history";
import { api, createGuardWithPhone, logIn, uniqueId, type DeviceResponse } from "@/test/harness/api-client";
import { collect, connectSocket, type LiveSocket } from "@/test/harness/live-socket";
import { connectDevice, endQuietly, publishJson } from "@/test/harness/mqtt-device";
import { createUser, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";

let vigil: TestVigil;
let history: SeededHistory;
let managerToken: string;
let socket: LiveSocket;

beforeAll(async () => {
  vigil = await startTestVigil({
    env: { ML_MIN_EPOCH_MS: "40", ML_TRAINING_EPOCHS: "5", ML_RETRAIN_CRON: "off" },
  });
  const tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
  history = await seedAlertHistory(vigil.sql, { tenantId, count: 200 });
  const manager = await createUser(vigil.sql, { tenantId, role: "manager" });
  managerToken = await logIn(vigil.url, manager);
  socket = await connectSocket(vigil.url, managerToken);
}, 60_000);

afterAll(async () => {
  socket?.close();
  await vigil?.dispose();
});

const getRun = async (id: string) =>
  (await api<TrainingRunDto>(vigil.url, `/api/v1/training-runs/${id}`, { token: managerToken })).body;

describe("training the false-alarm model", () => {
  test("a manager's run reports every epoch in order, over the API and the socket, and stores model v1", async () => {
    const progress = collect(socket, socketEvents.trainingProgress);
    const finished = collect(socket, socketEvents.trainingFinished);
    const started = await api<TrainingRunDto>(vigil.url, "/api/v1/training-runs", {
      method: "POST",
      token: managerToken,
      body: { epochs: 8 },
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ totalEpochs: 8, trigger: "manual" });
    // The worker may have taken it already between the commit and the answer.
    expect(["queued", "running"]).toContain(started.body.status);

    const run = await waitFor(
      async () => {
        const r = await getRun(started.body.id);
        return r.status === "succeeded" && r;
      },
      { timeoutMs: 30_000, what: "the run to succeed" },
    );
    expect(run.progress.map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(run.progress.every((p) => p.loss > 0 && p.validationAuc !== null)).toBe(true);
    expect(run.modelVersion).toBe(1);
    expect(run.metrics!.testAuc).toBeGreaterThan(0.5);
    expect(run.metrics).toHaveProperty("baseRate");

    await waitFor(() => finished.length === 1, { what: "training:finished to the manager" });
    const mine = progress.filter((e) => e.run.id === run.id);
    const epochs = mine.map((e) => e.run.epoch);
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
    expect(epochs).toContain(8);
    expect(mine.at(-1)).toMatchObject({ priority: "normal", run: { status: "succeeded", modelVersion: 1 } });
    expect(mine.find((e) => e.run.status === "running" && e.run.epoch === 3)?.priority).toBe("low");
    expect(finished[0]!.run.id).toBe(run.id);

    const models = await api<MlModelDto[]>(vigil.url, "/api/v1/ml-models", { token: managerToken });
    expect(models.body).toMatchObject([{ version: 1, trainingRunId: run.id, promotedAt: null }]);
  });

  test("an operator may not start a run", async () => {
    const operator = await createUser(vigil.sql, {
      tenantId: await tenantOf(vigil.sql, ADMIN_EMAIL),
      role: "operator",
    });
    const token = await logIn(vigil.url, operator);
    const refused = await api(vigil.url, "/api/v1/training-runs", { method: "POST", token, body: {} });
    expect(refused.status).toBe(403);
  });

  test("cancelling stops the run after its current epoch and says so", async () => {
    const started = await api<TrainingRunDto>(vigil.url, "/api/v1/training-runs", {
      method: "POST",
      token: managerToken,
      body: { epochs: 400 },
    });
    expect(started.status).toBe(202);
    const again = await api(vigil.url, "/api/v1/training-runs", { method: "POST", token: managerToken, body: {} });
    expect(again.status).toBe(409);
    await waitFor(async () => (await getRun(started.body.id)).epoch >= 2, { timeoutMs: 20_000, what: "epoch 2" });

    const cancel = await api<TrainingRunDto>(vigil.url, `/api/v1/training-runs/${started.body.id}/cancel`, {
      method: "POST",
      token: managerToken,
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body.cancelRequestedAt).not.toBeNull();
    const run = await waitFor(
      async () => {
        const r = await getRun(started.body.id);
        return r.status === "cancelled" && r;
      },
      { timeoutMs: 10_000, what: "the run to end cancelled" },
    );
    expect(run.error).toMatch(/^Cancelled after epoch \d+ of 400\.$/);
    expect(run.epoch).toBeLessThan(400);
    expect(run.progress.map((p) => p.epoch)).toEqual(Array.from({ length: run.epoch }, (_, i) => i + 1));
    expect(run.modelVersion).toBeNull();

    const late = await api(vigil.url, `/api/v1/training-runs/${started.body.id}/cancel`, {
      method: "POST",
      token: managerToken,
    });
    expect(late.status).toBe(409);
  });

  test("the promoted model scores a new door alert, and never a panic", async () => {
    const { body: models } = await api<MlModelDto[]>(vigil.url, "/api/v1/ml-models", { token: managerToken });
    const promoted = await api<MlModelDto>(vigil.url, `/api/v1/ml-models/${models[0]!.id}/promote`, {
      method: "POST",
      token: managerToken,
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.promotedAt).not.toBeNull();

    const door = await api<DeviceResponse>(vigil.url, "/api/v1/devices", {
      method: "POST",
      token: vigil.adminToken,
      body: { externalId: uniqueId("door"), kind: "sensor", siteId: history.siteId },
    });
    expect(door.status).toBe(201);
    const { guard, device: phone } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const alerts = collect(socket, socketEvents.alertsChanged);
    const doorClient = await connectDevice(vigil.mqttUrl, door.body.mqtt);
    const phoneClient = await connectDevice(vigil.mqttUrl, phone.mqtt);
    try {
      await publishJson(phoneClient, `alert/panic/${guard.externalId}`, {
        severity: "critical",
        message: "Help",
        timestamp: new Date().toISOString(),
        msg_id: uniqueId("panic"),
      });
      await publishJson(doorClient, `alert/intrusion/${door.body.externalId}`, {
        message: "Door opened",
        timestamp: new Date().toISOString(),
        msg_id: uniqueId("door"),
      });
    } finally {
      await endQuietly(doorClient, phoneClient);
    }
    const open = async () =>
      (await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", { token: vigil.adminToken }))
        .body;
    const doorAlert = await waitFor(
      async () => (await open()).find((a) => a.sourceExternalId === door.body.externalId && a.falseAlarmScore !== null),
      { timeoutMs: 15_000, what: "the door alert's score" },
    );
    expect(doorAlert.falseAlarmScore).toBeGreaterThanOrEqual(0);
    expect(doorAlert.falseAlarmScore).toBeLessThanOrEqual(1);
    const detail = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${doorAlert.id}`, { token: managerToken });
    expect(detail.body).toMatchObject({ falseAlarmScore: doorAlert.falseAlarmScore, scoredByModelVersion: 1 });
    await waitFor(() => alerts.flat().some((a) => a.id === doorAlert.id && typeof a.falseAlarmScore === "number"), {
      what: "the score on alerts:changed",
    });

    // Once no scoring job is left, the panic is still unscored.
    await waitFor(
      async () => {
        const [left] = await vigil.sql<{ n: number }[]>`
          select count(*)::int as n from graphile_worker.jobs where task_identifier = 'score_alert'`;
        return left!.n === 0;
      },
      { what: "no scoring job left" },
    );
    const panic = (await open()).find((a) => a.sourceExternalId === guard.externalId);
    expect(panic).toMatchObject({ type: "panic", falseAlarmScore: null, scoredByModelVersion: null });
  });

  test("the nightly retraining queues a run for a tenant with history", async () => {
    await vigil.sql`select graphile_worker.add_job('retrain_false_alarm_models', '{}'::json)`;
    const run = await waitFor(
      async () => {
        const { body } = await api<TrainingRunDto[]>(vigil.url, "/api/v1/training-runs", { token: managerToken });
        return body.find((r) => r.trigger === "cron" && r.status === "succeeded");
      },
      { timeoutMs: 30_000, what: "a nightly run to succeed" },
    );
    expect(run).toMatchObject({ totalEpochs: 5, modelVersion: 2 });
  });
});
