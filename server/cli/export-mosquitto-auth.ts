// npm run mosquitto:export -- --out-dir DIR
// Writes a Mosquitto password file and ACL file from the device registry, for
// running Vigil against an external Mosquitto (see docs/operations.md). Uses
// DATABASE_URL, or the embedded PostgreSQL of VIGIL_DATA_DIR while Vigil runs.
// Vigil's own account comes from MQTT_USERNAME and MQTT_PASSWORD.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { getEnv } from "../env";
import { mosquittoPasswordHash } from "../auth/device-secret";
import { buildMosquittoAuthFiles, type ExportedDevice } from "./mosquitto-auth-files";

function databaseUrl(): string {
  const env = getEnv();
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const secrets = JSON.parse(readFileSync(path.join(env.VIGIL_DATA_DIR, "secrets.json"), "utf8")) as {
    postgresPassword: string;
  };
  return `postgres://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/vigil`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "out-dir": { type: "string", default: "." } } });
  const outDir = path.resolve(values["out-dir"]!);
  const env = getEnv();
  const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const devices = await sql<{ externalId: string; guardExternalId: string | null; mosquittoHash: string | null }[]>`
      select d.external_id as "externalId", g.external_id as "guardExternalId", d.mosquitto_hash as "mosquittoHash"
      from devices d left join guards g on g.id = d.guard_id and g.tenant_id = d.tenant_id
      -- Sensors behind a gateway have no login of their own: their gateway publishes for them.
      where d.revoked_at is null and d.gateway_id is null order by d.external_id`;
    const usable = devices.filter((d): d is ExportedDevice => d.mosquittoHash !== null);
    const { passwd, acl } = buildMosquittoAuthFiles({
      devices: usable,
      ...(env.MQTT_USERNAME && env.MQTT_PASSWORD
        ? { service: { username: env.MQTT_USERNAME, passwordHash: mosquittoPasswordHash(env.MQTT_PASSWORD) } }
        : {}),
    });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, "passwd"), passwd.join("\n") + "\n", { mode: 0o600 });
    writeFileSync(path.join(outDir, "acl"), acl.join("\n") + "\n", { mode: 0o644 });
    console.log(
      `Wrote ${passwd.length} accounts to ${path.join(outDir, "passwd")} and their rules to ${path.join(outDir, "acl")}.`,
    );
    console.log(
      "Devices' listener: set use_username_as_clientid true, and bind Vigil's own listener where devices cannot reach " +
        "it (deploy/mosquitto/mosquitto.conf).",
    );
    const missing = devices.length - usable.length;
    if (missing > 0)
      console.log(
        `${missing} device(s) registered before Mosquitto export existed: rotate their credentials to include them.`,
      );
    if (!env.MQTT_USERNAME)
      console.log("MQTT_USERNAME/MQTT_PASSWORD are unset: add Vigil's own account to the files before use.");
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(`mosquitto export failed: ${(error as Error).message}`);
  process.exit(1);
});
