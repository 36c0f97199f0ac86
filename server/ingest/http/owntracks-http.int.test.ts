// OwnTracks's HTTP mode (owntracks.org/booklet/tech/http): the app posts the
// same JSON as in MQTT mode with HTTP Basic auth and X-Limit-U/X-Limit-D, and
// reads a JSON array back. Payloads are the booklet's (tech/json), `tst` moved
// to now.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../../test/harness/api-client";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { postOwnTracks } from "../../../test/harness/owntracks-http";
import { waitFor } from "../../../test/harness/wait-for";

let vigil: TestVigil;
let guard: GuardResponse;
let device: DeviceResponse;

beforeAll(async () => {
  vigil = await startTestVigil();
  ({ guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken));
});

afterAll(async () => {
  await vigil?.dispose();
});

function post(body: unknown, { user = device.mqtt.username, password = device.mqtt.password, headers = {} } = {}) {
  return postOwnTracks(vigil.url, { username: user, password }, body, { headers });
}

describe("POST /api/v1/ingest/owntracks", () => {
  test("a location posted by the app moves its guard, stored by the time the app gets the JSON array it expects", async () => {
    const tst = Math.floor(Date.now() / 1000) - 1;
    const response = await post({ _type: "location", lat: 48.85833, lon: 2.29513, tid: "JJ", acc: 20, batt: 80, tst });
    expect(response.status).toBe(200);
    // This process ingests: the answer comes after the fix's commit, so the row is there at once.
    const [row] = await vigil.sql<{ lat: number; recorded_at: Date; extra: Record<string, unknown> }[]>`
      select l.lat, l.recorded_at, l.extra from guard_locations l join guards g on g.id = l.guard_id
      where g.external_id = ${guard.externalId}`;
    expect(await response.json()).toEqual([]);
    expect(row!.lat).toBe(48.85833);
    expect(row!.recorded_at.getTime()).toBe(tst * 1000);
    expect(row!.extra).toMatchObject({ client_id: "pixel", tid: "JJ" });
  });

  test("a wrong password or an unknown device is 401, and nothing is stored", async () => {
    const fix = { _type: "location", lat: 10.5, lon: 10.5, tst: Math.floor(Date.now() / 1000) };
    expect((await post(fix, { password: "wrong" })).status).toBe(401);
    expect((await post(fix, { user: "nobody-here" })).status).toBe(401);
    const missing = await fetch(`${vigil.url}/api/v1/ingest/owntracks`, { method: "POST", body: JSON.stringify(fix) });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Basic/);
    const rows = await vigil.sql`select 1 from guard_locations where lat = 10.5`;
    expect(rows).toHaveLength(0);
  });

  test("a revoked phone is refused within seconds, though its login was accepted just before", async () => {
    const { device: phone } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const fix = () => ({ _type: "location", lat: 3.5, lon: 3.5, tst: Math.floor(Date.now() / 1000) });
    expect((await postOwnTracks(vigil.url, phone.mqtt, fix())).status).toBe(200);
    const revoked = await api(vigil.url, `/api/v1/devices/${phone.externalId}/revoke`, {
      method: "POST",
      token: vigil.adminToken,
    });
    expect(revoked.status).toBe(200);
    // A verified login is remembered for 5 s (device-logins.ts); posting all along must not keep it alive.
    await waitFor(async () => (await postOwnTracks(vigil.url, phone.mqtt, fix())).status === 401, {
      timeoutMs: 10_000,
      intervalMs: 250,
      what: "the revoked phone's posts refused",
    });
  });

  test("a device posts as itself only: another X-Limit-U is refused", async () => {
    const { device: other } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const response = await post({ _type: "location", lat: 1, lon: 1 }, { headers: { "x-limit-u": other.externalId } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^X-Limit-U/);
  });

  test("a body that is not a JSON object, or a bad device name, is 400 naming it", async () => {
    const notJson = await post("lat=1");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(/^body/);
    const notUtf8 = await post(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]));
    expect(notUtf8.status).toBe(400);
    const badName = await post({ _type: "location", lat: 1, lon: 1 }, { headers: { "x-limit-d": "a/b" } });
    expect(badName.status).toBe(400);
    expect(((await badName.json()) as { error: { message: string } }).error.message).toMatch(/^X-Limit-D/);
  });

  test("a body sent in chunks past the ingest payload limit is 413, and the connection serves the next post", async () => {
    const limit = vigil.env.INGEST_MAX_PAYLOAD_BYTES;
    const chunk = new TextEncoder().encode(" ".repeat(1024));
    let sent = 0;
    // No Content-Length: only reading the body finds it too large.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > limit) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const tooLarge = await fetch(`${vigil.url}/api/v1/ingest/owntracks`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${device.mqtt.username}:${device.mqtt.password}`).toString("base64")}`,
        "content-type": "application/json",
      },
      body,
      duplex: "half",
    } as RequestInit);
    expect(tooLarge.status).toBe(413);
    expect((await post({ _type: "location", lat: 1.5, lon: 1.5, tst: Math.floor(Date.now() / 1000) })).status).toBe(
      200,
    );
  });
});
