// The alert history on the API (GET /api/v1/alerts with order=newest, its
// filters, keyset pages and CSV) and operators' notes (POST
// /api/v1/alerts/{id}/notes), on a real database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDetailDto, AlertEventDto, AlertListItemDto } from "@/server/contracts/alert-api";
import { api, createGuardWithPhone, logIn, uniqueId, type ApiError } from "@/test/harness/api-client";
import { createUser, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";

let vigil: TestVigil;
let tenantId: string;

type Seed = {
  type?: string;
  severity?: string;
  status?: string;
  message?: string;
  createdAt: Date;
  guardId?: string;
  deviceId?: string;
  siteId?: string;
};

/** Alerts written straight into the table, so their times are exactly as given. */
async function seed(rows: Seed[]): Promise<string[]> {
  const ids: string[] = [];
  for (const r of rows) {
    const id = randomUUID();
    await vigil.sql`
      insert into alerts (id, tenant_id, source_key, type, severity, status, message, first_seen_at, last_seen_at,
                          created_at, guard_id, device_id, site_id)
      values (${id}, ${tenantId}, ${`test:${id}`}, ${r.type ?? "intrusion"}, ${r.severity ?? "high"},
              ${r.status ?? "RESOLVED"}, ${r.message ?? ""}, ${r.createdAt}, ${r.createdAt}, ${r.createdAt},
              ${r.guardId ?? null}, ${r.deviceId ?? null}, ${r.siteId ?? null})`;
    ids.push(id);
  }
  return ids;
}

async function history(query: string): Promise<{ ids: string[]; next: string | null; status: number }> {
  const response = await api<AlertListItemDto[]>(vigil.url, `/api/v1/alerts?order=newest&${query}`, {
    token: vigil.adminToken,
  });
  const next = /<([^>]+)>; rel="next"/.exec(response.headers.get("link") ?? "")?.[1] ?? null;
  return { ids: Array.isArray(response.body) ? response.body.map((a) => a.id) : [], next, status: response.status };
}

const marker = () => uniqueId("mark");

beforeAll(async () => {
  vigil = await startTestVigil();
  tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
});
afterAll(async () => {
  await vigil?.dispose();
});

describe("alert history", () => {
  it("pages newest first through every matching alert once, ties in the same millisecond included", async () => {
    const mark = marker();
    const base = Date.parse("2026-11-02T10:00:00.000Z");
    // Seven alerts, three of them within one millisecond (created_at keeps microseconds).
    const ids = await seed(
      [0, 1000, 2000, 3000, 3000, 3000, 4000].map((ms) => ({ message: mark, createdAt: new Date(base + ms) })),
    );
    await vigil.sql`update alerts set created_at = created_at + (interval '1 microsecond' * position)
                    from unnest(${ids.slice(3, 6)}::uuid[]) with ordinality as t(id, position) where alerts.id = t.id`;
    const seen: string[] = [];
    let pages = 0;
    for (let query: string | null = `q=${mark}&limit=2`; query !== null; pages += 1) {
      const page = await history(query);
      expect(page.status).toBe(200);
      seen.push(...page.ids);
      // A new alert arriving meanwhile does not shift the pages.
      if (pages === 0) await seed([{ message: mark, createdAt: new Date() }]);
      query = page.next?.split("?")[1] ?? null;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual([ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]]);
  });

  it("filters by type, severity, status, site, guard, time range and text", async () => {
    const mark = marker();
    const { body: site } = await api<{ id: string }>(vigil.url, "/api/v1/sites", {
      method: "POST",
      token: vigil.adminToken,
      body: { name: uniqueId("History site"), timezone: "UTC", geofences: [] },
    });
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const t = (minute: number) => new Date(Date.parse("2026-11-03T08:00:00Z") + minute * 60_000);
    const [fire, lowBattery, panic, openIntrusion, other] = await seed([
      { type: "fire", severity: "critical", message: `${mark} smoke in hall B`, createdAt: t(0), siteId: site.id },
      { type: "low-battery", severity: "low", message: `${mark} 12%`, createdAt: t(10), deviceId: device.id },
      { type: "panic", severity: "critical", message: `${mark} help`, createdAt: t(20), guardId: guard.id },
      { type: "intrusion", status: "NEW", message: `${mark} 100%_off`, createdAt: t(30) },
      { type: "intrusion", message: "someone else's words", createdAt: t(40) },
    ]);
    const ids = async (query: string) => (await history(`limit=50&${query}`)).ids;
    expect(await ids(`q=${mark}`), `q=${mark}`).toEqual([openIntrusion, panic, lowBattery, fire]);
    expect(await ids(`q=${mark}&type=fire`), `q=${mark}&type=fire`).toEqual([fire]);
    expect(await ids(`q=${mark}&severity=critical`), `q=${mark}&severity=critical`).toEqual([panic, fire]);
    expect(await ids(`q=${mark}&status=open`), `q=${mark}&status=open`).toEqual([openIntrusion]);
    expect(await ids(`q=${mark}&siteId=${site.id}`), `q=${mark}&siteId=${site.id}`).toEqual([fire]);
    // The guard's own panic and their phone's battery.
    expect(await ids(`guard=${guard.externalId}`), `guard=${guard.externalId}`).toEqual([panic, lowBattery]);
    const range = `since=${t(5).toISOString()}&until=${t(20).toISOString()}`;
    expect(await ids(`q=${mark}&${range}`), `q=${mark}&${range}`).toEqual([panic, lowBattery]);
    // The text search matches the source's name too, and % and _ are plain characters.
    expect(await ids(`q=${encodeURIComponent("100%_off")}`), `q=${encodeURIComponent("100%_off")}`).toEqual([
      openIntrusion,
    ]);
    expect(await ids("q=%25"), "q=%25").toEqual([openIntrusion, lowBattery]);
    expect(await ids("q=%25_"), "q=%25_").toEqual([openIntrusion]);
    expect(await ids(`q=${encodeURIComponent("SOMEONE ELSE")}`), "case-insensitive").toEqual([other]);
    expect(
      await ids(`guard=${guard.externalId}&q=${encodeURIComponent("Test Guard")}`),
      `guard=${guard.externalId}&q=${encodeURIComponent("Test Guard")}`,
    ).toEqual([panic]);
  });

  it("answers the matching alerts as CSV, with formula-like text defused", async () => {
    const mark = marker();
    await seed([{ message: `=HYPERLINK("http://evil.test","${mark}")`, createdAt: new Date("2026-11-04T00:00:00Z") }]);
    const response = await fetch(new URL(`/api/v1/alerts?q=${mark}&format=csv`, vigil.url), {
      headers: { authorization: `Bearer ${vigil.adminToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="vigil-alerts-.*\.csv"/);
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toMatch(/^id,createdAt,type,severity,status,sourceExternalId,sourceName,siteId,message,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"",""${mark}"")"`);
  });

  it("refuses a cursor it did not issue, a cursor on the severity order and a reversed range, naming the field", async () => {
    const refused = async (query: string) => {
      const { status, body } = await api<ApiError>(vigil.url, `/api/v1/alerts?${query}`, { token: vigil.adminToken });
      expect(status, query).toBe(422);
      return body.error.issues?.map((i) => i.path);
    };
    expect(await refused("order=newest&cursor=not-a-cursor")).toEqual(["query.cursor"]);
    expect(await refused(`cursor=${Buffer.from('["x","y"]').toString("base64url")}`)).toEqual(["query.cursor"]);
    expect(await refused("since=2026-11-05T00:00:00Z&until=2026-11-01T00:00:00Z")).toEqual(["query.since"]);
  });

  it("keeps the queue's order and plain list for callers that do not ask for the history", async () => {
    const mark = marker();
    const [low, critical] = await seed([
      { severity: "low", status: "NEW", message: mark, createdAt: new Date() },
      { severity: "critical", status: "NEW", message: mark, createdAt: new Date(Date.now() - 60_000) },
    ]);
    const { body, headers } = await api<AlertListItemDto[]>(vigil.url, `/api/v1/alerts?status=open&q=${mark}`, {
      token: vigil.adminToken,
    });
    expect(body.map((a) => a.id)).toEqual([critical, low]);
    expect(headers.get("link")).toBeNull();
  });
});

describe("notes on an alert", () => {
  it("an operator's note is added to the alert's events with who and through which channel, resolved or not", async () => {
    const [alertId] = await seed([{ createdAt: new Date(), status: "RESOLVED" }]);
    const operator = await createUser(vigil.sql, { tenantId, role: "operator" });
    const token = await logIn(vigil.url, operator);
    const added = await api<AlertEventDto>(vigil.url, `/api/v1/alerts/${alertId}/notes`, {
      method: "POST",
      token,
      body: { text: "  Called the site manager; the door sensor is being replaced.  " },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ action: "note", channel: "api", by: operator.email });
    const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alertId}`, { token });
    expect(body.events.map((e) => [e.action, e.by, e.detail])).toEqual([
      ["note", operator.email, { note: "Called the site manager; the door sensor is being replaced." }],
    ]);
  });

  it("refuses an empty note naming the field, a manager, and an alert that does not exist", async () => {
    const [alertId] = await seed([{ createdAt: new Date() }]);
    const empty = await api<ApiError>(vigil.url, `/api/v1/alerts/${alertId}/notes`, {
      method: "POST",
      token: vigil.adminToken,
      body: { text: "   " },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.issues?.map((i) => i.path)).toEqual(["text"]);
    const manager = await logIn(vigil.url, await createUser(vigil.sql, { tenantId, role: "manager" }));
    const refused = await api(vigil.url, `/api/v1/alerts/${alertId}/notes`, {
      method: "POST",
      token: manager,
      body: { text: "managers read" },
    });
    expect(refused.status).toBe(403);
    const missing = await api(vigil.url, `/api/v1/alerts/${randomUUID()}/notes`, {
      method: "POST",
      token: vigil.adminToken,
      body: { text: "nobody home" },
    });
    expect(missing.status).toBe(404);
  });
});
