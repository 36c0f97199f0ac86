// Alerts raised over MQTT and handled through the API: one open alert per
// (source, type), acknowledgement races, resolution with an outcome, and the
// event log that records who did what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDetailDto, AlertListItemDto } from "../../contracts/alert-api";
import { api, createGuardWithPhone, logIn, type ApiError } from "../../../test/harness/api-client";
import { collect, connectSocket } from "../../../test/harness/live-socket";
import { connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { createTenant, createUser, tenantOf } from "../../../test/harness/tenants";
import { startTestVigil, ADMIN_EMAIL, type TestVigil } from "../../../test/harness/vigil";
import { waitFor } from "../../../test/harness/wait-for";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});
afterAll(async () => {
  await vigil?.dispose();
});

async function raisePanic(msgId: string, severity = "critical"): Promise<AlertListItemDto> {
  const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  await publishJson(client, `alert/panic/${guard.externalId}`, {
    alert_type: "panic",
    severity,
    message: "Emergency assistance needed",
    location: { lat: 12.9716, lon: 77.5946 },
    timestamp: new Date().toISOString(),
    msg_id: msgId,
  });
  await endQuietly(client);
  return waitFor(
    async () => {
      const { body } = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", {
        token: vigil.adminToken,
      });
      return body.find((a) => a.sourceExternalId === guard.externalId);
    },
    { what: "the panic alert" },
  );
}

describe("alert lifecycle", () => {
  it("a panic published over MQTT is an open critical alert with a 'raised' event, pushed to the NOC", async () => {
    const socket = await connectSocket(vigil.url, vigil.adminToken);
    const pushed = collect(socket, "alerts:changed");
    const alert = await raisePanic("p-raise");
    expect(alert).toMatchObject({ type: "panic", severity: "critical", status: "NEW", count: 1, lat: 12.9716 });
    await waitFor(() => pushed.flat().some((a) => a.id === alert.id), { what: "alerts:changed" });
    const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, { token: vigil.adminToken });
    expect(body.events.map((e) => [e.action, e.channel])).toEqual([["raised", "mqtt"]]);
    socket.close();
  });

  it("when two people acknowledge at once, one acknowledgement is recorded and the other is told who was first", async () => {
    const alert = await raisePanic("p-race");
    const tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
    const operator = await createUser(vigil.sql, { tenantId, role: "operator" });
    const operatorToken = await logIn(vigil.url, operator);
    const [first, second] = await Promise.all(
      [vigil.adminToken, operatorToken].map((token) =>
        api<AlertDetailDto | ApiError>(vigil.url, `/api/v1/alerts/${alert.id}/acknowledge`, { method: "POST", token }),
      ),
    );
    const statuses = [first!.status, second!.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = (first!.status === 409 ? first : second)!.body as ApiError;
    expect(loser.error.message).toMatch(
      /^Already acknowledged by (admin@vigil\.test|operator-\w+@tenant\.test) \(api\)/,
    );
    const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, { token: vigil.adminToken });
    expect(body.status).toBe("ACKNOWLEDGED");
    expect(body.events.filter((e) => e.action === "acknowledged")).toHaveLength(1);
  });

  it("resolving needs an outcome, records the note, and a later panic opens a new alert", async () => {
    const alert = await raisePanic("p-resolve");
    const missing = await api<ApiError>(vigil.url, `/api/v1/alerts/${alert.id}/resolve`, {
      method: "POST",
      token: vigil.adminToken,
      body: { note: "no outcome" },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues?.[0]?.path).toBe("outcome");
    const resolved = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}/resolve`, {
      method: "POST",
      token: vigil.adminToken,
      body: { outcome: "false_alarm", note: "pocket press" },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: "RESOLVED", outcome: "false_alarm", resolutionNote: "pocket press" });
    expect(resolved.body.events.at(-1)).toMatchObject({ action: "resolved", by: ADMIN_EMAIL, channel: "api" });
    const again = await api<ApiError>(vigil.url, `/api/v1/alerts/${alert.id}/acknowledge`, {
      method: "POST",
      token: vigil.adminToken,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^Already resolved by admin@vigil\.test/);
  });

  it("lists open alerts most severe first, then newest", async () => {
    await raisePanic("p-low", "low");
    await raisePanic("p-high", "high");
    const { body } = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", {
      token: vigil.adminToken,
    });
    const ranks = body.map((a) => ["critical", "high", "medium", "low", "info"].indexOf(a.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const critical = body.filter((a) => a.severity === "critical").map((a) => a.createdAt);
    expect(critical).toEqual([...critical].sort().reverse());
  });

  it("another tenant's alert is a 404, whatever the action", async () => {
    const alert = await raisePanic("p-foreign");
    const other = await createTenant(vigil.sql);
    const token = await logIn(vigil.url, other);
    for (const [method, path] of [
      ["GET", ""],
      ["POST", "/acknowledge"],
      ["POST", "/claim"],
    ] as const) {
      const response = await api(vigil.url, `/api/v1/alerts/${alert.id}${path}`, { method, token });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const listed = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts", { token });
    expect(listed.body.some((a) => a.id === alert.id)).toBe(false);
  });

  it("an operator claims an alert; a second claimer is told who has it", async () => {
    const alert = await raisePanic("p-claim");
    const tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
    const operator = await createUser(vigil.sql, { tenantId, role: "operator" });
    const token = await logIn(vigil.url, operator);
    const claimed = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}/claim`, { method: "POST", token });
    expect(claimed.body.claimedBy).toBe(operator.email);
    const second = await api<ApiError>(vigil.url, `/api/v1/alerts/${alert.id}/claim`, {
      method: "POST",
      token: vigil.adminToken,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain(operator.email);
  });

  it("smoke from a sensor raises a critical fire alarm, and low battery one alert however many reports", async () => {
    const sensor = await api<{ mqtt: { username: string; password: string }; externalId: string }>(
      vigil.url,
      "/api/v1/devices",
      { method: "POST", token: vigil.adminToken, body: { externalId: `smoke-${Date.now()}`, kind: "sensor" } },
    );
    const client = await connectDevice(vigil.mqttUrl, sensor.body.mqtt);
    await publishJson(client, `sensor/${sensor.body.externalId}/smoke`, { value: 0.9, state: "alarm" });
    for (const battery of [12, 11, 10]) {
      await publishJson(client, `device/${sensor.body.externalId}/telemetry`, { battery });
    }
    await endQuietly(client);
    const mine = async () =>
      (
        await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", { token: vigil.adminToken })
      ).body.filter((a) => a.sourceExternalId === sensor.body.externalId);
    const alerts = await waitFor(async () => {
      const list = await mine();
      return list.length === 2 && list.find((a) => a.type === "low-battery")?.count === 3 ? list : null;
    });
    expect(alerts.map((a) => [a.type, a.severity]).sort()).toEqual([
      ["fire", "critical"],
      ["low-battery", "low"],
    ]);
  });
});
