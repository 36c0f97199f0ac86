// What a protocol adapter does (docs/architecture.md, "Adding a device
// protocol"): it authenticates its client through the source registry, builds
// the ValidatedMessage a native topic would produce and submits it after
// validation. The message is stored like a native one, settled only after its
// commit, and deduplicated against the native topic by msg_id; a message the
// adapter cannot map is quarantined with its reason.
import type { MqttClient } from "mqtt";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { gpsPayload } from "../contracts/mqtt-payloads";
import { createGuardWithPhone } from "../../test/harness/api-client";
import { connectDevice, endQuietly, gpsFix, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { createTestPipeline } from "../../test/harness/ingest-pipeline";
import { waitFor } from "../../test/harness/wait-for";
import type { Pipeline } from "./pipeline/run-pipeline";
import type { InboundMessage, ValidatedMessage } from "./pipeline/types";
import type { SourceRegistry } from "./source-registry";

let vigil: TestVigil;
let sql: Sql;
let registry: SourceRegistry;
let pipeline: Pipeline;
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
  sql = postgres(vigil.databaseUrl, { max: 2, onnotice: () => {} });
  ({ pipeline, registry } = createTestPipeline(sql, { name: "adapter-test" }));
});

afterAll(async () => {
  await endQuietly(...clients);
  await sql?.end({ timeout: 5 });
  await vigil?.dispose();
});

/** An HTTP request as an adapter receives it; settled() resolves when the pipeline settles it. */
function received(topic: string, body: unknown): { message: InboundMessage; settled: Promise<void> } {
  let settle = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const message = {
    topic,
    payload: Buffer.from(JSON.stringify(body)),
    qos: 1 as const,
    arrivedAt: performance.now(),
    settle: () => settle(),
  };
  return { message, settled };
}

test("a validated message from an adapter is stored like a native fix, settled after its commit, and deduplicated against the native topic", async () => {
  const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  // An OwnTracks-like location: lat, lon, acc and tst (epoch seconds), keyed by its own id.
  const tst = Math.floor(Date.now() / 1000) - 60;
  const body = { _type: "location", lat: 12.9716, lon: 77.5946, acc: 12, tst, tid: "rk" };
  const { message, settled } = received(`owntracks-http/${guard.externalId}/phone`, body);

  const { guard: source } = await registry.resolve(guard.externalId);
  expect(source).not.toBeNull();
  const data = gpsPayload.parse({ lat: body.lat, lon: body.lon, accuracy: body.acc, msg_id: `ot-${tst}` });
  const validated: ValidatedMessage = {
    message,
    family: "guard",
    kind: "gps",
    source: source!,
    data,
    extra: { tid: body.tid },
    recordedAt: new Date(tst * 1000),
  };
  await pipeline.submit(validated);
  await settled;
  const rows = await vigil.sql<{ recordedAt: Date; accuracyM: number; extra: unknown }[]>`
    select recorded_at as "recordedAt", accuracy_m as "accuracyM", extra from guard_locations where msg_id = ${`ot-${tst}`}`;
  expect(rows).toEqual([{ recordedAt: new Date(tst * 1000), accuracyM: 12, extra: { tid: "rk" } }]);

  // The same fix on the native topic (its msg_id and time) is a duplicate; a fresh fix after it shows the ingestor
  // has caught up.
  const phone = await connectDevice(vigil.mqttUrl, device.mqtt);
  clients.push(phone);
  const resent = gpsFix({ msg_id: `ot-${tst}`, timestamp: new Date(tst * 1000).toISOString() });
  await publishJson(phone, `guard/${guard.externalId}/gps`, resent);
  const marker = gpsFix();
  await publishJson(phone, `guard/${guard.externalId}/gps`, marker);
  await waitFor(
    async () => (await vigil.sql`select 1 from guard_locations where msg_id = ${marker.msg_id!}`).length === 1,
    { what: "the marker fix stored" },
  );
  const copies = await vigil.sql`select 1 from guard_locations where msg_id = ${`ot-${tst}`}`;
  expect(copies.length).toBe(1);
});

test("a message the adapter cannot map is quarantined with its reason, under the source's tenant", async () => {
  const { guard } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  const { guard: source } = await registry.resolve(guard.externalId);
  const topic = `owntracks-http/${guard.externalId}/phone`;
  const { message, settled } = received(topic, { _type: "location", lat: 95, lon: 0 });
  await pipeline.submit({
    message,
    family: "guard",
    source,
    reason: "invalid_schema",
    detail: "lat: Too big: expected number to be <=90",
  });
  await settled;
  const [row] = await vigil.sql<{ tenantId: string; reason: string; detail: string }[]>`
    select tenant_id as "tenantId", reason, detail from mqtt_quarantine where topic = ${topic}`;
  expect(row).toEqual({
    tenantId: source!.tenantId,
    reason: "invalid_schema",
    detail: "lat: Too big: expected number to be <=90",
  });
});
