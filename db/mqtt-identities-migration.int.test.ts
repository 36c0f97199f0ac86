// Upgrading a database whose guard and device ids already collide (issue 16,
// item 1): the migration that makes them one namespace keeps every row,
// reports the colliding ids, lists them in mqtt_identity_collisions, and from
// then on the database refuses new collisions.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { expect, inject, test } from "vitest";
import { migrationsFolder } from "./migrate";

/** Applies the migrations of `folder` with a client of its own, collecting PostgreSQL's notices. */
async function migrateCollectingNotices(url: string, folder: string): Promise<string[]> {
  const notices: string[] = [];
  // drizzle changes the date serializers of the client it wraps: it gets its own.
  const migrator = postgres(url, { max: 1, onnotice: (notice) => notices.push(String(notice.message)) });
  await migrate(drizzle(migrator), { migrationsFolder: folder }).finally(() => migrator.end({ timeout: 5 }));
  return notices;
}

test("existing colliding ids are reported and listed, every row is kept, and new collisions are refused", async () => {
  const adminUrl = inject("databaseAdminUrl");
  const name = `vigil_upgrade_${crypto.randomUUID().slice(0, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end({ timeout: 5 });
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const folder = mkdtempSync(path.join(os.tmpdir(), "vigil-migrations-"));
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // The database as it was just before the mqtt_identities migration (found by name, whatever its number).
    cpSync(migrationsFolder, folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const cut = journal.entries.findIndex((e) => e.tag.endsWith("_mqtt_identities"));
    expect(cut).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, cut);
    writeFileSync(journalPath, JSON.stringify(journal));
    await migrateCollectingNotices(url, folder);

    const [a, b] = await db<{ id: string }[]>`insert into tenants (name) values ('A'), ('B') returning id`;
    await db`insert into guards (tenant_id, external_id, name)
             values (${a!.id}, 'twin-1', 'Guard of A'), (${a!.id}, 'guard-ok', 'Guard')`;
    await db`insert into devices (tenant_id, external_id, kind, secret_hash)
             values (${b!.id}, 'twin-1', 'guard-phone', 'x'), (${b!.id}, 'device-ok', 'sensor', 'x')`;

    const notices = await migrateCollectingNotices(url, migrationsFolder);

    expect(notices.join("\n")).toMatch(/held by both a guard and a device.*twin-1/);
    const collisions = await db<{ externalId: string; guardTenant: string; deviceTenant: string }[]>`
      select external_id as "externalId", guard_tenant_id as "guardTenant", device_tenant_id as "deviceTenant"
      from mqtt_identity_collisions`;
    expect(collisions).toEqual([{ externalId: "twin-1", guardTenant: a!.id, deviceTenant: b!.id }]);
    const identities = await db<{ externalId: string; kind: string }[]>`
      select external_id as "externalId", kind from mqtt_identities order by external_id`;
    expect(identities).toEqual([
      { externalId: "device-ok", kind: "device" },
      { externalId: "guard-ok", kind: "guard" },
      { externalId: "twin-1", kind: "device" },
    ]);
    const [counts] = await db<{ guards: number; devices: number }[]>`
      select (select count(*)::int from guards) as guards, (select count(*)::int from devices) as devices`;
    expect(counts).toEqual({ guards: 2, devices: 2 });

    await expect(
      db`insert into guards (tenant_id, external_id, name) values (${a!.id}, 'device-ok', 'Twin')`,
    ).rejects.toMatchObject({ code: "23505" });
    await expect(
      db`insert into devices (tenant_id, external_id, kind, secret_hash) values (${b!.id}, 'guard-ok', 'sensor', 'x')`,
    ).rejects.toMatchObject({ code: "23505" });
  } finally {
    await db.end({ timeout: 5 });
    rmSync(folder, { recursive: true, force: true });
  }
});
