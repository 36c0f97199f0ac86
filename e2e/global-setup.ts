// Starts one real Vigil for the whole e2e run, the way a user does
// (`tsx server/main.ts`), on free ports with a fresh data folder: no
// DATABASE_URL or MQTT_URL, so the embedded PostgreSQL and aedes broker are
// exercised too. SMS and email go through the real twilio and resend SDKs to
// a local fake of both APIs (test/harness/fake-providers.ts), and signed links
// point back at this Vigil. Two operator accounts are added beside the admin.
// Tests read all this from the VIGIL_E2E_* variables (see e2e/fixtures.ts).
// The returned function is the global teardown.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import getPort from "get-port";
import postgres from "postgres";
import type { UserRole } from "../server/contracts/api";
import { envSchema } from "../server/env";
import { startFakeProviders } from "../test/harness/fake-providers";
import { createUser, tenantOf, type TestUser } from "../test/harness/tenants";

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;
const ADMIN = { email: "e2e-admin@vigil.test", password: "e2e-correct-horse-battery" };

export default async function globalSetup(): Promise<() => Promise<void>> {
  const projectDir = path.resolve(import.meta.dirname, "..");
  // Under /tmp, not the project: the embedded PostgreSQL runs as the
  // "postgres" user, which must be able to walk down to its folder.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-e2e-"));
  chmodSync(dataDir, 0o711);
  const host = "127.0.0.1";
  const port = await getPort({ host });
  const mqttPort = await getPort({ host });
  const pgPort = await getPort({ host });
  const url = `http://${host}:${port}`;
  const fake = await startFakeProviders();

  const output: string[] = [];
  const child = spawn(path.join(projectDir, "node_modules/.bin/tsx"), ["server/main.ts"], {
    cwd: projectDir,
    env: {
      ...withoutVigilConfig(process.env),
      HOST: host,
      PORT: String(port),
      MQTT_PORT: String(mqttPort),
      EMBEDDED_PG_PORT: String(pgPort),
      VIGIL_DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      MAP_TILE_URL: "none",
      // Readiness is polled on the web port below.
      OPS_ON_WEB_PORT: "true",
      // Lets e2e/quarantine.spec.ts publish as a device nobody registered yet
      // (a documented development setting): its message lands in the quarantine.
      MQTT_ALLOW_ANONYMOUS: "true",
      LOG_LEVEL: "warn",
      ...fake.vigilEnv,
      PUBLIC_URL: url,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      output.push(chunk);
      if (output.length > 200) output.shift();
      if (process.env.VIGIL_E2E_VERBOSE) process.stderr.write(`[vigil] ${chunk}`);
    });
  }

  const teardown = async () => {
    await stopVigil(child, dataDir);
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  let users: TestUser[];
  let databaseUrl: string;
  try {
    await waitUntilReady(url, child, output);
    databaseUrl = embeddedDatabaseUrl(dataDir, pgPort);
    users = await createUsers(databaseUrl, ["operator", "operator", "supervisor"]);
  } catch (error) {
    await teardown();
    throw error;
  }

  process.env.VIGIL_E2E_URL = url;
  process.env.VIGIL_E2E_MQTT_PORT = String(mqttPort);
  process.env.VIGIL_E2E_ADMIN_EMAIL = ADMIN.email;
  process.env.VIGIL_E2E_ADMIN_PASSWORD = ADMIN.password;
  const account = ({ email, password }: TestUser) => ({ email, password });
  process.env.VIGIL_E2E_OPERATORS = JSON.stringify(users.slice(0, 2).map(account));
  process.env.VIGIL_E2E_SUPERVISOR = JSON.stringify(account(users[2]!));
  process.env.VIGIL_E2E_FAKE_PROVIDERS_URL = fake.url;
  process.env.VIGIL_E2E_DATABASE_URL = databaseUrl;
  return teardown;
}

/** The embedded database (its password is in the data folder), for rows the API cannot make yet. */
function embeddedDatabaseUrl(dataDir: string, pgPort: number): string {
  const { postgresPassword } = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as {
    postgresPassword: string;
  };
  return `postgres://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${pgPort}/vigil`;
}

// Operators and a supervisor in the admin's tenant, written straight into the database
// (the e2e runs need their passwords; e2e/admin.spec.ts covers creating users in the UI).
async function createUsers(databaseUrl: string, roles: UserRole[]): Promise<TestUser[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const tenantId = await tenantOf(sql, ADMIN.email);
    const users: TestUser[] = [];
    for (const role of roles) users.push(await createUser(sql, { tenantId, role }));
    return users;
  } finally {
    await sql.end();
  }
}

// Vigil settings exported in the developer's shell (a DATABASE_URL, an
// MQTT_URL, VIGIL_ROLES...) must not leak into the run: every key of the
// config schema is dropped, then the run's own values are set.
function withoutVigilConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const key of Object.keys(envSchema.shape)) delete copy[key];
  return copy;
}

async function waitUntilReady(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Vigil exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join("")}`);
    }
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(3000) });
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `Vigil was not ready after ${READY_TIMEOUT_MS / 1000} s (last /readyz: ${last}):\n${output.join("")}`,
  );
}

async function stopVigil(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<boolean>((resolve) => child.once("exit", () => resolve(true)));
  child.kill("SIGTERM");
  const inTime = await Promise.race([
    exited,
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS)),
  ]);
  if (inTime) return;
  console.warn(`Vigil did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it and its PostgreSQL`);
  child.kill("SIGKILL");
  // A killed Vigil cannot stop the PostgreSQL it started: stop it by its pid file.
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : NaN;
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, "SIGQUIT");
    } catch {
      // already gone
    }
  }
  await exited;
}
