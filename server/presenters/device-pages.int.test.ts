// The read models behind the devices and quarantine pages: system health per
// metric, a searchable page of devices, and quarantine entries of unknown
// devices that have been registered since.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DeviceDetailDto } from "@/server/contracts/api";
import type { QuarantinePageDto } from "@/server/contracts/quarantine";
import { api, logIn, uniqueId } from "@/test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "@/test/harness/mqtt-device";
import { createTenant, createUser, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";
import { getRuntime } from "../runtime";
import { listDevicesPage } from "./devices/list-devices-page";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil({ env: { MQTT_ALLOW_ANONYMOUS: "true" } });
});

afterAll(async () => {
  await vigil?.dispose();
});

async function registerDevice(externalId: string, kind: string, name?: string) {
  const created = await api<{ mqtt: { username: string; password: string } }>(vigil.url, "/api/v1/devices", {
    method: "POST",
    token: vigil.adminToken,
    body: { externalId, kind, name },
  });
  expect(created.status).toBe(201);
  return created.body.mqtt;
}

describe("system health", () => {
  test("a gateway's device endpoint lists the newest report of each metric", async () => {
    const id = uniqueId("gw");
    const gateway = await connectDevice(vigil.mqttUrl, await registerDevice(id, "gateway"));
    const start = Date.now() - 60_000;
    const at = (s: number) => new Date(start + s * 1000).toISOString();
    try {
      await publishJson(gateway, `system/${id}/cpu`, { value: 10, status: "ok", timestamp: at(1) });
      await publishJson(gateway, `system/${id}/cpu`, { value: 95, status: "high", timestamp: at(2) });
      await publishJson(gateway, `system/${id}/uplink`, { value: "lte", status: "degraded", timestamp: at(3) });
    } finally {
      await endQuietly(gateway);
    }
    const device = await waitFor(async () => {
      const response = await api<DeviceDetailDto>(vigil.url, `/api/v1/devices/${id}`, { token: vigil.adminToken });
      return response.body.components.find((c) => c.value === 95) && response.body.components.length === 2
        ? response.body
        : null;
    });
    expect(device.components).toEqual([
      { metric: "cpu", status: "high", value: 95, recordedAt: at(2) },
      { metric: "uplink", status: "degraded", value: "lte", recordedAt: at(3) },
    ]);
  });
});

describe("devices page", () => {
  test("devices are found by id or name, a page at a time, with the total", async () => {
    const tag = uniqueId("lobby").replace("-", "");
    for (const n of [1, 2, 3]) await registerDevice(`${tag}-cam-${n}`, "sensor");
    await registerDevice(uniqueId("door"), "sensor", `Door by the ${tag}`);
    const tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
    const actor = {
      tenantId,
      userId: "00000000-0000-0000-0000-000000000000",
      role: "admin",
      email: ADMIN_EMAIL,
    } as const;
    const first = await listDevicesPage(getRuntime().db, actor, { page: 1, pageSize: 3, search: tag.toUpperCase() });
    expect(first.total).toBe(4);
    expect(first.items.map((d) => d.name ?? d.externalId)).toEqual([
      `Door by the ${tag}`,
      `${tag}-cam-1`,
      `${tag}-cam-2`,
    ]);
    const second = await listDevicesPage(getRuntime().db, actor, { page: 2, pageSize: 3, search: tag });
    expect(second.items.map((d) => d.externalId)).toEqual([`${tag}-cam-3`]);
    // LIKE wildcards in the search are plain characters.
    expect((await listDevicesPage(getRuntime().db, actor, { page: 1, pageSize: 3, search: "%" })).total).toBe(0);
  });
});

describe("quarantine", () => {
  test("once an unknown device is registered, its earlier rejects link to it instead of offering registration", async () => {
    const id = uniqueId("unknown");
    const anonymous = await connectDevice(vigil.mqttUrl);
    try {
      await publishJson(anonymous, `sensor/${id}/smoke`, { value: true });
    } finally {
      await endQuietly(anonymous);
    }
    const list = async () =>
      (await api<QuarantinePageDto>(vigil.url, "/api/v1/quarantine", { token: vigil.adminToken })).body.items.find(
        (i) => i.topic === `sensor/${id}/smoke`,
      );
    const before = await waitFor(list);
    expect(before).toMatchObject({ reason: "unknown_source", registrableExternalId: id, deviceExternalId: null });

    const registered = await api(vigil.url, `/api/v1/quarantine/${before.id}/register`, {
      method: "POST",
      token: vigil.adminToken,
      body: { kind: "sensor" },
    });
    expect(registered.status).toBe(201);
    expect(await list()).toMatchObject({ registrableExternalId: null, deviceExternalId: id });
  });

  test("rejects that belong to no tenant are shown only to the super-admin, and only the super-admin registers them", async () => {
    const id = uniqueId("stray");
    const anonymous = await connectDevice(vigil.mqttUrl);
    try {
      await publishJson(anonymous, `sensor/${id}/smoke`, { value: true, note: "another company's mistyped id" });
    } finally {
      await endQuietly(anonymous);
    }
    const listedFor = async (token: string) =>
      (await api<QuarantinePageDto>(vigil.url, "/api/v1/quarantine", { token })).body.items.find(
        (i) => i.topic === `sensor/${id}/smoke`,
      );
    const entry = await waitFor(() => listedFor(vigil.adminToken), { what: "the super-admin's view of the reject" });
    const [row] = await vigil.sql<{ tenantId: string | null }[]>`
      select tenant_id as "tenantId" from mqtt_quarantine where id = ${entry.id}`;
    expect(row?.tenantId).toBeNull();

    const otherAdmin = await logIn(vigil.url, await createTenant(vigil.sql));
    const ownOperator = await logIn(
      vigil.url,
      await createUser(vigil.sql, { tenantId: await tenantOf(vigil.sql, ADMIN_EMAIL), role: "operator" }),
    );
    const ownAdmin = await logIn(
      vigil.url,
      await createUser(vigil.sql, { tenantId: await tenantOf(vigil.sql, ADMIN_EMAIL), role: "admin" }),
    );
    for (const token of [otherAdmin, ownOperator, ownAdmin]) expect(await listedFor(token)).toBeUndefined();
    for (const token of [otherAdmin, ownAdmin]) {
      const registered = await api(vigil.url, `/api/v1/quarantine/${entry.id}/register`, {
        method: "POST",
        token,
        body: { kind: "sensor" },
      });
      expect(registered.status).toBe(404);
    }
    expect(await vigil.sql`select 1 from devices where external_id = ${id}`).toHaveLength(0);
  });
});
