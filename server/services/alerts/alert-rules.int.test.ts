// A tenant changes its alert rules through the API and the ingest applies them
// to the next messages; panic stays critical whatever is asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertListItemDto } from "../../contracts/alert-api";
import { api, createGuardWithPhone, uniqueId, type ApiError } from "../../../test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor } from "../../../test/harness/wait-for";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});
afterAll(async () => {
  await vigil?.dispose();
});

const openAlertsOf = async (source: string) =>
  (
    await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", { token: vigil.adminToken })
  ).body.filter((a) => a.sourceExternalId === source);

/** A new smoke sensor reports its battery, then smoke: its open alerts once the fire is raised, as [type, severity]. */
async function sensorAlerts({ battery }: { battery: number }): Promise<[string, string][]> {
  const sensor = await api<{ mqtt: { username: string; password: string }; externalId: string }>(
    vigil.url,
    "/api/v1/devices",
    { method: "POST", token: vigil.adminToken, body: { externalId: uniqueId("smoke-rules"), kind: "sensor" } },
  );
  const client = await connectDevice(vigil.mqttUrl, sensor.body.mqtt);
  await publishJson(client, `device/${sensor.body.externalId}/telemetry`, { battery });
  await publishJson(client, `sensor/${sensor.body.externalId}/smoke`, { state: "alarm" });
  await endQuietly(client);
  const alerts = await waitFor(async () => {
    const list = await openAlertsOf(sensor.body.externalId);
    return list.some((a) => a.type === "fire") ? list : null;
  });
  return alerts.map((a): [string, string] => [a.type, a.severity]).sort();
}

describe("per-tenant alert rules", () => {
  it("refuses to disable panic or lower it, naming the field", async () => {
    const response = await api<ApiError>(vigil.url, "/api/v1/alert-rules", {
      method: "PUT",
      token: vigil.adminToken,
      body: { disabled: ["panic"], severities: { "man-down": "low" } },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.issues?.map((i) => i.path).sort()).toEqual(["disabled", "severities.man-down"]);
  });

  it("applies a tenant's new severities, disabled types and battery threshold to the next messages, though its rules were cached", async () => {
    // Warm the ingestor's rules cache (kept 60 s): a smoke alarm under the default rules is a critical fire.
    expect(await sensorAlerts({ battery: 80 })).toEqual([["fire", "critical"]]);

    const put = await api(vigil.url, "/api/v1/alert-rules", {
      method: "PUT",
      token: vigil.adminToken,
      body: { severities: { fire: "high", panic: "critical" }, disabled: ["low-battery"], lowBatteryPercent: 30 },
    });
    expect(put.status).toBe(200);
    const { body: rules } = await api(vigil.url, "/api/v1/alert-rules", { token: vigil.adminToken });
    expect(rules).toMatchObject({ disabled: ["low-battery"], lowBatteryPercent: 30 });

    // NOTIFY drops the cached rules: the next sensors' fires are high well before the cache would expire.
    await waitFor(async () => (await sensorAlerts({ battery: 80 }))[0]?.[1] === "high", {
      timeoutMs: 10_000,
      intervalMs: 100,
      what: "the new rules to reach the ingestor",
    });
    // From then on every message follows them: low battery (5% < 30%) raises nothing, as it is disabled.
    expect(await sensorAlerts({ battery: 5 })).toEqual([["fire", "high"]]);

    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const phone = await connectDevice(vigil.mqttUrl, device.mqtt);
    await publishJson(phone, `alert/panic/${guard.externalId}`, { alert_type: "panic", severity: "low" });
    await endQuietly(phone);
    const [panic] = await waitFor(async () => {
      const list = await openAlertsOf(guard.externalId);
      return list.length > 0 ? list : null;
    });
    expect(panic?.severity).toBe("critical");
  });
});
