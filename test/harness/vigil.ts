// Starts a whole Vigil in this test process (web, ingest and worker roles) on
// free ports, against a fresh database cloned from the template, with its data
// folder under os.tmpdir(). Runtime and metrics are process-global, so start
// at most ONE Vigil per test file.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import getPort from "get-port";
import postgres, { type Sql } from "postgres";
import { parseEnv, type Env } from "../../server/env";
import { startVigil, type Vigil } from "../../server/start-vigil";
import { logIn } from "./api-client";
import { createTestDatabase } from "./test-database";

export const projectDir = fileURLToPath(new URL("../..", import.meta.url));
export const ADMIN_EMAIL = "admin@vigil.test";
export const ADMIN_PASSWORD = "correct-horse-battery";

export type TestVigil = Vigil & {
  env: Env;
  dataDir: string;
  /** A bearer token of the bootstrap admin (first tenant). */
  adminToken: string;
  /** A small pool on the Vigil's database, for setup and assertions. */
  sql: Sql;
  /** stop() plus removal of the data folder and the test's own connections. */
  dispose: () => Promise<void>;
};

export type StartOptions = {
  /** Extra or overriding environment variables. */
  env?: Record<string, string | undefined>;
  /** Without DATABASE_URL: Vigil starts its own embedded PostgreSQL in the data folder. */
  embeddedDatabase?: boolean;
};

/** A fresh tmp folder the `postgres` user can enter (mkdtemp makes it 0700). */
export function makeDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigil-test-data-"));
  chmodSync(dir, 0o755);
  return dir;
}

export async function testEnv({ env = {}, embeddedDatabase = false }: StartOptions = {}): Promise<Env> {
  const dataDir = makeDataDir();
  return parseEnv({
    HOST: "127.0.0.1",
    PORT: String(await getPort({ host: "127.0.0.1" })),
    MQTT_PORT: String(await getPort({ host: "127.0.0.1" })),
    VIGIL_DATA_DIR: dataDir,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: "warn",
    // Tests read /readyz and /metrics at vigil.url; production serves them on METRICS_PORT only.
    OPS_ON_WEB_PORT: "true",
    ...(embeddedDatabase
      ? { EMBEDDED_PG_PORT: String(await getPort({ host: "127.0.0.1" })) }
      : // A DATABASE_URL given by the test (its own cluster) is used as is.
        { DATABASE_URL: env.DATABASE_URL ?? (await createTestDatabase()) }),
    ...env,
  });
}

export async function startTestVigil(options: StartOptions = {}): Promise<TestVigil> {
  const env = await testEnv(options);
  const dataDir = env.VIGIL_DATA_DIR;
  let vigil: Vigil;
  try {
    vigil = await startVigil(env, { projectDir });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const sql = postgres(vigil.databaseUrl, { max: 2, onnotice: () => {} });
  let adminToken: string;
  try {
    adminToken = await logIn(vigil.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  } catch (error) {
    await sql.end({ timeout: 5 });
    await vigil.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...vigil,
    env,
    dataDir,
    adminToken,
    sql,
    async dispose() {
      await sql.end({ timeout: 5 });
      await vigil.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
