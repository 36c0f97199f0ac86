// startVigil as a whole: clear start-up errors for busy ports, and the
// all-in-one path with its own embedded PostgreSQL that stops with it.
import { execFileSync } from "node:child_process";
import net from "node:net";
import { rmSync } from "node:fs";
import getPort from "get-port";
import { afterAll, describe, expect, test } from "vitest";
import type { LocationDto } from "./contracts/api";
import { startVigil } from "./start-vigil";
import { api, createGuardWithPhone } from "../test/harness/api-client";
import { connectDevice, endQuietly, gpsFix, publishJson } from "../test/harness/mqtt-device";
import { projectDir, startTestVigil, testEnv, type TestVigil } from "../test/harness/vigil";
import { waitFor } from "../test/harness/wait-for";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function occupyPort(): Promise<number> {
  const port = await getPort({ host: "127.0.0.1" });
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return port;
}

describe("start-up errors", () => {
  test.each(["PORT", "MQTT_PORT"])("a busy %s makes startVigil reject naming the variable", async (variable) => {
    const port = await occupyPort();
    const env = await testEnv({ env: { [variable]: String(port) } });
    cleanups.push(() => rmSync(env.VIGIL_DATA_DIR, { recursive: true, force: true }));
    await expect(startVigil(env, { projectDir })).rejects.toThrow(
      `Port ${port} is already in use. Stop the program using it or set ${variable} to a free port.`,
    );
  });

  test("a busy EMBEDDED_PG_PORT makes startVigil reject naming the variable", async () => {
    const port = await occupyPort();
    const env = await testEnv({ embeddedDatabase: true, env: { EMBEDDED_PG_PORT: String(port) } });
    cleanups.push(() => rmSync(env.VIGIL_DATA_DIR, { recursive: true, force: true }));
    await expect(startVigil(env, { projectDir })).rejects.toThrow(/set EMBEDDED_PG_PORT to a free port/);
  });
});

describe("the all-in-one path without DATABASE_URL", () => {
  let vigil: TestVigil | undefined;

  test("starts its own PostgreSQL, stores a fix, and leaves no postgres process after stop()", async () => {
    vigil = await startTestVigil({ embeddedDatabase: true });
    cleanups.push(() => vigil?.dispose());
    const { dataDir } = vigil;
    expect(vigil.env.DATABASE_URL).toBeUndefined();
    expect(vigil.databaseUrl).toContain(`127.0.0.1:${vigil.env.EMBEDDED_PG_PORT}/vigil`);
    expect(postgresProcessesFor(dataDir)).not.toEqual([]);

    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const client = await connectDevice(vigil.mqttUrl, device.mqtt);
    cleanups.push(() => endQuietly(client));
    await publishJson(client, `guard/${guard.externalId}/gps`, gpsFix({ lat: 51.5, lon: -0.12 }));
    const stored = await waitFor(async () => {
      const { body } = await api<LocationDto[]>(vigil!.url, `/api/v1/guards/${guard.externalId}/locations`, {
        token: vigil!.adminToken,
      });
      return body[0];
    });
    expect(stored).toMatchObject({ lat: 51.5, lon: -0.12 });

    await endQuietly(client);
    await vigil.dispose();
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 60_000);
});

/** Pids of processes whose command line names the data folder (pgrep -f). */
function postgresProcessesFor(dataDir: string): string[] {
  try {
    return execFileSync("pgrep", ["-f", dataDir], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  } catch (error) {
    if ((error as { status?: number }).status === 1) return []; // pgrep: no process matched
    throw error;
  }
}
