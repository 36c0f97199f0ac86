// The identity cache the ingestor preloads before it subscribes: after the
// preload a known id is answered without a lookup (the MQTT stream waits for
// none), with the same answer a lookup gives, and an id changed while the
// preload ran is looked up afresh.
import { randomBytes } from "node:crypto";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase } from "../../test/harness/test-database";
import { createSourceRegistry } from "./source-registry";

let sql: Sql;
let tenantId: string;

beforeAll(async () => {
  sql = postgres(await createTestDatabase(), { max: 2, onnotice: () => {} });
  const [tenant] = await sql<{ id: string }[]>`insert into tenants (name) values ('Registry') returning id`;
  tenantId = tenant!.id;
});

afterAll(async () => {
  await sql.end({ timeout: 5 });
});

const uniqueId = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

async function insertGuard(externalId: string): Promise<void> {
  await sql`insert into guards (tenant_id, external_id, name) values (${tenantId}, ${externalId}, 'Guard')`;
}

async function insertDevice(externalId: string, { revoked = false } = {}): Promise<void> {
  await sql`
    insert into devices (tenant_id, external_id, kind, name, secret_hash, revoked_at)
    values (${tenantId}, ${externalId}, 'sensor', 'Sensor', ${randomBytes(32).toString("hex")},
            ${revoked ? new Date() : null})`;
}

describe("preloading the source registry", () => {
  test("a preloaded guard and device resolve as a lookup would, even once their rows are gone", async () => {
    const guard = uniqueId("guard");
    const device = uniqueId("device");
    const revoked = uniqueId("revoked");
    await insertGuard(guard);
    await insertDevice(device);
    await insertDevice(revoked, { revoked: true });
    const lookedUp = createSourceRegistry({ sql });
    const expected = await Promise.all([guard, device, revoked].map((id) => lookedUp.resolve(id)));

    const preloaded = createSourceRegistry({ sql });
    await preloaded.preload();
    // Answered from the cache: the rows are no longer there to be looked up.
    await sql`delete from guards where external_id = ${guard}`;
    await sql`delete from devices where external_id in (${device}, ${revoked})`;
    const answers = await Promise.all([guard, device, revoked].map((id) => preloaded.resolve(id)));

    expect(answers).toEqual(expected);
    expect(answers[0]!.guard).toMatchObject({ tenantId, externalId: guard });
    expect(answers[1]!.device).toMatchObject({ tenantId, externalId: device });
    expect(answers[2]!.device).toBeNull();
  });

  test("an id invalidated while the preload runs is looked up afresh", async () => {
    const guard = uniqueId("guard");
    await insertGuard(guard);
    const registry = createSourceRegistry({ sql });
    const preload = registry.preload();
    registry.invalidate(guard);
    await preload;
    await sql`delete from guards where external_id = ${guard}`;

    expect((await registry.resolve(guard)).guard).toBeNull();
  });
});
