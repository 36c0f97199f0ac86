// GET /api/v1/positions/latest, the NOC console's compact load of every
// guard's newest position: the same fixes as GET /api/v1/positions, one row
// per guard, with times in the socket events' form, and only the tenant's own.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { LatestPositionRow } from "@/server/contracts/positions";
import type { GuardPositionDto } from "@/server/contracts/socket-events";
import { api, createGuard, logIn } from "@/test/harness/api-client";
import { createTenant, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await vigil?.dispose();
});

async function storeFix(
  guardId: string,
  fix: { lat: number; lon: number; recordedAt: string; battery: number | null },
) {
  const tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
  await vigil.sql`
    insert into guard_positions (guard_id, tenant_id, recorded_at, lat, lon, accuracy_m, battery)
    values (${guardId}, ${tenantId}, ${fix.recordedAt}, ${fix.lat}, ${fix.lon}, null, ${fix.battery})`;
}

test("the compact rows hold the same fixes as GET /api/v1/positions, times as Date.toISOString() gives them", async () => {
  const hostile = await createGuard(vigil.url, vigil.adminToken, { name: `Bob "<b>", \\ [1]` });
  const plain = await createGuard(vigil.url, vigil.adminToken);
  // Microseconds: PostgreSQL keeps them, JavaScript's Date drops them; both routes must give the same text.
  await storeFix(hostile.id, {
    lat: 12.971598765432,
    lon: 77.594562,
    recordedAt: "2026-11-27T01:02:03.456789Z",
    battery: 41.5,
  });
  await storeFix(plain.id, { lat: -33.8688, lon: 151.2093, recordedAt: "2026-11-27T01:02:04Z", battery: null });

  const latest = await api<LatestPositionRow[]>(vigil.url, "/api/v1/positions/latest", { token: vigil.adminToken });
  const full = await api<GuardPositionDto[]>(vigil.url, "/api/v1/positions", { token: vigil.adminToken });

  expect(latest.status).toBe(200);
  expect(latest.headers.get("content-type")).toMatch(/^application\/json/);
  const rows = new Map(latest.body.map((row) => [row[0], row]));
  for (const p of full.body) {
    expect(rows.get(p.guardId)).toEqual([
      p.guardId,
      p.externalId,
      p.name,
      p.lat,
      p.lon,
      p.accuracyM,
      p.battery,
      p.recordedAt,
    ]);
  }
  expect(rows.get(hostile.id)?.[2]).toBe(`Bob "<b>", \\ [1]`);
  expect(rows.get(hostile.id)?.[7]).toBe("2026-11-27T01:02:03.456Z");
  expect(rows.get(plain.id)?.[7]).toBe("2026-11-27T01:02:04.000Z");
  expect(latest.body).toHaveLength(full.body.length);
});

test("a tenant with no positions gets an empty list, not another tenant's", async () => {
  const token = await logIn(vigil.url, await createTenant(vigil.sql));
  const latest = await api<LatestPositionRow[]>(vigil.url, "/api/v1/positions/latest", { token });
  expect(latest.status).toBe(200);
  expect(latest.body).toEqual([]);
});
