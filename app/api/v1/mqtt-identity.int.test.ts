// Registration in the one MQTT id space (issue 16, items 1 and 4): a guard id
// and a device id can never be equal, across tenants, and the refusal reads
// the same as for any taken id; names reserved for Vigil's own MQTT account
// are refused with a 422 naming externalId.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, createDevice, createGuard, logIn, uniqueId, type ApiError } from "@/test/harness/api-client";
import { createTenant } from "@/test/harness/tenants";
import { startTestVigil, type TestVigil } from "@/test/harness/vigil";

const SERVICE_USERNAME = "noc-ingest";
let vigil: TestVigil;
let bToken: string;

beforeAll(async () => {
  vigil = await startTestVigil({ env: { MQTT_USERNAME: SERVICE_USERNAME } });
  bToken = await logIn(vigil.url, await createTenant(vigil.sql, { name: "Tenant B" }));
});

afterAll(async () => {
  await vigil?.dispose();
});

const registerDevice = (token: string, externalId: string) =>
  api<ApiError>(vigil.url, "/api/v1/devices", { method: "POST", token, body: { externalId, kind: "guard-phone" } });
const createGuardCall = (token: string, externalId: string) =>
  api<ApiError>(vigil.url, "/api/v1/guards", { method: "POST", token, body: { externalId, name: "Guard" } });

/** The answer with the asked-for id blanked out, to compare refusals for different ids. */
const shape = ({ status, body }: { status: number; body: ApiError }, id: string) => ({
  status,
  body: JSON.parse(JSON.stringify(body).replaceAll(id, "<id>")) as unknown,
});

describe("one MQTT id space across guards, devices and tenants", () => {
  test("tenant B cannot register a device with tenant A's guard id: the 422 of any unusable id, whichever id is in the way", async () => {
    const guardOfA = await createGuard(vigil.url, vigil.adminToken);
    const deviceOfA = await createDevice(vigil.url, vigil.adminToken, {});

    const overGuard = await registerDevice(bToken, guardOfA.externalId);
    const overDevice = await registerDevice(bToken, deviceOfA.externalId);
    expect(overGuard.status).toBe(422);
    expect(overGuard.body.error.issues?.[0]?.path).toBe("externalId");
    expect(shape(overGuard, guardOfA.externalId)).toEqual(shape(overDevice, deviceOfA.externalId));
    expect(JSON.stringify(shape(overGuard, guardOfA.externalId))).not.toMatch(/guard|tenant|in use|exists/i);
  });

  test("tenant B cannot create a guard with tenant A's device id: the 422 of any unusable id, whichever id is in the way", async () => {
    const deviceOfA = await createDevice(vigil.url, vigil.adminToken, { kind: "sensor" });
    const guardOfA = await createGuard(vigil.url, vigil.adminToken);

    const overDevice = await createGuardCall(bToken, deviceOfA.externalId);
    const overGuard = await createGuardCall(bToken, guardOfA.externalId);
    expect(overDevice.status).toBe(422);
    expect(shape(overDevice, deviceOfA.externalId)).toEqual(shape(overGuard, guardOfA.externalId));
    expect(JSON.stringify(shape(overDevice, deviceOfA.externalId))).not.toMatch(/device|tenant|in use|exists/i);
  });

  test("within one tenant too, a guard and a device cannot share an id (409: the caller sees its own ids anyway)", async () => {
    const guard = await createGuard(vigil.url, bToken);
    expect((await registerDevice(bToken, guard.externalId)).status).toBe(409);
    const device = await createDevice(vigil.url, bToken, {});
    expect((await createGuardCall(bToken, device.externalId)).status).toBe(409);
  });

  test("a deleted device frees its id for a guard", async () => {
    const device = await createDevice(vigil.url, bToken, {});
    const deleted = await api(vigil.url, `/api/v1/devices/${device.externalId}`, { method: "DELETE", token: bToken });
    expect(deleted.status).toBeLessThan(300);
    expect((await createGuardCall(bToken, device.externalId)).status).toBe(201);
  });
});

describe("names reserved for Vigil's own MQTT account", () => {
  test.each([
    ["the configured MQTT_USERNAME", SERVICE_USERNAME],
    ["the embedded broker's service account", "vigil-service"],
    ["an ingestor's client id", `vigil-ingest-${uniqueId("host")}-1883`],
    ["vigil- in any case", "Vigil-Publisher"],
  ])("a device named as %s is refused with 422 naming externalId", async (_label, externalId) => {
    const response = await registerDevice(vigil.adminToken, externalId);
    expect(response.status).toBe(422);
    expect(response.body.error.issues?.map((i) => i.path)).toEqual(["externalId"]);
    expect(response.body.error.message).toMatch(/reserved/);
  });

  test("a device id that merely contains vigil is accepted", async () => {
    expect((await registerDevice(vigil.adminToken, uniqueId("my-vigil"))).status).toBe(201);
  });
});
