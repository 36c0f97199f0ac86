// An admin makes an ordinary Zigbee2MQTT button a panic button: the actions
// named on the sensor (PATCH /api/v1/devices/{sensor} `panicActions`) raise
// the critical panic alarm at the gateway's site, for the guard the button is
// given to; other actions stay plain readings. Payloads are Zigbee2MQTT's
// documents' (zigbee2mqtt.io/devices/WXKG11LM.html, the Aqara wireless mini
// switch: exposes `action` with the values single, double, triple, quadruple,
// hold, release, and `battery`, `voltage`, `linkquality`).
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { gatewaySensorId } from "../../contracts/mqtt-identity";
import type { DeviceDto } from "../../contracts/api";
import {
  api,
  createGuardWithPhone,
  uniqueId,
  type ApiError,
  type DeviceResponse,
} from "../../../test/harness/api-client";
import { readMetric } from "../../../test/harness/metrics";
import { connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor, waitForRow } from "../../../test/harness/wait-for";

let vigil: TestVigil;
let siteId: string;
let gateway: DeviceResponse;
let zigbee2mqtt: MqttClient;

async function call<T>(method: string, path: string, body?: unknown) {
  return api<T>(vigil.url, path, { method, token: vigil.adminToken, body });
}

const invalidations = () => readMetric(vigil.url, "vigil_ingest_cache_invalidations_total", { cache: "registry" });

/** PATCHes the sensor, then waits until ingest has dropped its cached view of it (the first NOTIFY is the sensor's). */
async function patchSensor(sensor: string, body: unknown) {
  const before = await invalidations();
  const response = await call<DeviceDto>("PATCH", `/api/v1/devices/${encodeURIComponent(sensor)}`, body);
  expect(response.status).toBe(200);
  await waitFor(async () => (await invalidations()) > before);
  return response.body;
}

beforeAll(async () => {
  vigil = await startTestVigil();
  const site = await call<{ id: string }>("POST", "/api/v1/sites", { name: uniqueId("site") });
  expect(site.status).toBe(201);
  siteId = site.body.id;
  const registered = await call<DeviceResponse>("POST", "/api/v1/devices", {
    externalId: uniqueId("gw"),
    kind: "gateway",
    siteId,
  });
  expect(registered.status).toBe(201);
  gateway = registered.body;
  zigbee2mqtt = await connectDevice(vigil.mqttUrl, gateway.mqtt);
  await zigbee2mqtt.publishAsync(`zigbee2mqtt/${gateway.externalId}/bridge/state`, '{"state":"online"}', {
    retain: true,
    qos: 1,
  });
});

afterAll(async () => {
  await endQuietly(zigbee2mqtt);
  await vigil?.dispose();
});

const panicAlerts = (sensor: string) =>
  vigil.sql<{ severity: string; site_id: string | null; guard_id: string | null; message: string | null }[]>`
    select a.severity, a.site_id, a.guard_id, a.message from alerts a join devices d on d.id = a.device_id
    where d.external_id = ${sensor} and a.type = 'panic'`;

describe("a Zigbee2MQTT button's actions mapped to a panic", () => {
  test("the admin names the actions; those raise the panic at the site for the button's guard, others do not", async () => {
    const name = "reception button";
    const sensor = gatewaySensorId(gateway.externalId, name)!;
    const press = (action: string) =>
      publishJson(zigbee2mqtt, `zigbee2mqtt/${gateway.externalId}/${name}`, {
        action,
        battery: 100,
        voltage: 3025,
        linkquality: 87,
      });
    await press("single");
    await waitForRow(() => vigil.sql`select 1 from devices where external_id = ${sensor}`);
    await waitForRow(
      () => vigil.sql`
        select 1 from sensor_readings r join devices d on d.id = r.device_id
        where d.external_id = ${sensor} and r.kind = 'action'`,
    );
    expect(await panicAlerts(sensor)).toEqual([]);

    const { guard } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const mapped = await patchSensor(sensor, { panicActions: ["double", "hold"], guardExternalId: guard.externalId });
    expect(mapped).toMatchObject({ gatewayAddress: name, panicActions: ["double", "hold"] });

    await press("double");
    const alert = await waitForRow(() => panicAlerts(sensor));
    const [guardRow] = await vigil.sql<{ id: string }[]>`select id from guards where external_id = ${guard.externalId}`;
    expect(alert).toMatchObject({ severity: "critical", site_id: siteId, guard_id: guardRow!.id });
    expect(alert.message).toContain("double");

    // Taking the mapping away makes the button ordinary again.
    const cleared = await patchSensor(sensor, { panicActions: [] });
    expect(cleared.panicActions).toEqual([]);
    await press("hold");
    await waitFor(async () => {
      const [row] = await vigil.sql<{ n: number }[]>`
        select count(*)::int as n from sensor_readings r join devices d on d.id = r.device_id
        where d.external_id = ${sensor} and r.kind = 'action' and r.state = 'hold'`;
      return row!.n === 1;
    });
    const alerts = await panicAlerts(sensor);
    expect(alerts).toHaveLength(1);
  });

  test("only a sensor behind a gateway has panic actions: 422 naming panicActions", async () => {
    const { device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const refused = await call<ApiError>("PATCH", `/api/v1/devices/${device.externalId}`, { panicActions: ["single"] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues?.map((i) => i.path)).toEqual(["panicActions"]);
    const badName = await call<ApiError>("PATCH", `/api/v1/devices/${device.externalId}`, { panicActions: ["a b"] });
    expect(badName.status).toBe(422);
    expect(badName.body.error.issues?.[0]?.path).toBe("panicActions.0");
  });
});
