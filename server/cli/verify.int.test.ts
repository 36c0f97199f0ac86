// The operator commands against a live Vigil, as child processes: `verify`
// passes every check (with an escalation policy, so notifications are checked
// too; its tour check waits for the worker's once-a-minute run maker), `simulate` stores its guards' walks, and `health` reads the readiness
// figures.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewaySensorId } from "../contracts/mqtt-identity";
import type { ContactDto } from "../contracts/notifications";
import { api } from "../../test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "../../test/harness/fake-providers";
import { waitFor } from "../../test/harness/wait-for";
import { ADMIN_EMAIL, ADMIN_PASSWORD, projectDir, startTestVigil, type TestVigil } from "../../test/harness/vigil";

const run = promisify(execFile);
let vigil: TestVigil;
let fake: FakeProviders;

function cli(script: string, args: string[], timeout = 20_000) {
  return run(process.execPath, ["--import", "tsx", `server/cli/${script}.ts`, "--url", vigil.url, ...args], {
    cwd: projectDir,
    timeout,
    env: { ...process.env, ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: "warn" },
  }).catch((error: { code: number; stdout: string; stderr: string }) => error);
}

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({
    env: {
      ...fake.vigilEnv,
    },
  });
  const contact = await api<ContactDto>(vigil.url, "/api/v1/contacts", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: "Sam Supervisor", phone: "+919800000001" },
  });
  const policy = await api(vigil.url, "/api/v1/escalation-policies", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: "Default", tiers: [{ contactIds: [contact.body.id], channels: ["sms"], delaySeconds: 0 }] },
  });
  expect(policy.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

describe("operator commands", () => {
  it("verify passes every check end to end", async () => {
    const result = await cli("verify", ["--mqtt-url", vigil.mqttUrl], 150_000);
    expect(result.stdout, result.stderr).toContain("ALL CHECKS PASSED");
    expect(result.stdout).toMatch(/PASS {2}notifications for the alert: 1 deliveries \(sms:/);
    for (const adapter of ["OwnTracks over MQTT", "OwnTracks over HTTP", "Traccar Client (OsmAnd)", "Zigbee2MQTT"]) {
      expect(result.stdout).toContain(`PASS  ${adapter}`);
    }
    expect(result.stdout).not.toContain("FAIL");
    expect("code" in result ? result.code : 0).toBe(0);
    // A second run reuses verify-g and verify-phone (new password) and the open panic alert.
    const again = await cli("verify", ["--mqtt-url", vigil.mqttUrl], 150_000);
    expect(again.stdout, again.stderr).toContain("ALL CHECKS PASSED");
  }, 320_000);

  it("simulate registers a demo set, walks its guards and answers a command; a re-run reuses the devices", async () => {
    const result = await cli("simulate", [
      "--mqtt-url",
      vigil.mqttUrl,
      "--scenario",
      // The scenarios of Vigil's own contract; zigbee2mqtt and patrol set up more (a gateway, a tour) than 5 s allow.
      "gps,geofence,telemetry,sensors,panic,commands,offline",
      "--count",
      "3",
      "--duration-s",
      "5",
      "--interval-s",
      "1",
    ]);
    expect("code" in result ? result.code : 0, result.stderr).toBe(0);
    expect(result.stdout).toContain("panic receipt");
    expect(result.stdout).toContain("received, then done");
    for (const guard of ["sim-g-1", "sim-g-2", "sim-g-3"]) {
      const { body } = await api<{ lat: number; lon: number }[]>(vigil.url, `/api/v1/guards/${guard}/locations`, {
        token: vigil.adminToken,
      });
      expect(body.length, guard).toBeGreaterThanOrEqual(2);
      expect(Math.abs(body[0]!.lat - 12.9716)).toBeLessThan(0.01);
    }
    const { body: commands } = await api<{ status: string }[]>(vigil.url, "/api/v1/devices/sim-phone-1/commands", {
      token: vigil.adminToken,
    });
    expect(commands.map((c) => c.status)).toContain("done");
    // A re-run reuses the registered devices; Ctrl-C ends it cleanly.
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "server/cli/simulate.ts",
        "--url",
        vigil.url,
        "--mqtt-url",
        vigil.mqttUrl,
        "--scenario",
        "gps",
        "--count",
        "1",
      ],
      { cwd: projectDir, env: { ...process.env, ADMIN_EMAIL, ADMIN_PASSWORD } },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes("sim-g-1 at"), { timeoutMs: 30_000, what: "the re-run walking" });
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(output).toContain("stopping (Ctrl-C)");
    expect(code, output).toBe(0);
  }, 90_000);

  it("simulate --protocol sends the guards' fixes as OwnTracks or OsmAnd, and the sensors through Zigbee2MQTT", async () => {
    const locations = async () => {
      const { body } = await api<unknown[]>(vigil.url, "/api/v1/guards/sim-g-1/locations?limit=10000", {
        token: vigil.adminToken,
      });
      return body.length;
    };
    for (const protocol of ["owntracks", "osmand"]) {
      const before = await locations();
      const args = ["--mqtt-url", vigil.mqttUrl, "--scenario", "gps", "--protocol", protocol, "--count", "1"];
      const result = await cli("simulate", [...args, "--duration-s", "3", "--interval-s", "1"]);
      expect("code" in result ? result.code : 0, result.stderr).toBe(0);
      expect(result.stdout).toContain(`(${protocol})`);
      await waitFor(async () => (await locations()) >= before + 2, {
        timeoutMs: 15_000,
        what: `sim-g-1's ${protocol} fixes after ${result.stdout}`,
      });
    }
    const args = ["--mqtt-url", vigil.mqttUrl, "--scenario", "sensors", "--protocol", "zigbee2mqtt", "--count", "1"];
    const result = await cli("simulate", [...args, "--duration-s", "3", "--interval-s", "1"]);
    expect("code" in result ? result.code : 0, result.stderr).toBe(0);
    const smoke = encodeURIComponent(gatewaySensorId("sim-gw-1", "sim hall smoke")!);
    await waitFor(
      async () => (await api(vigil.url, `/api/v1/devices/${smoke}`, { token: vigil.adminToken })).status === 200,
      {
        timeoutMs: 15_000,
        what: "the gateway's smoke detector",
      },
    );
  }, 90_000);

  it("health reports every check from /readyz and /metrics", async () => {
    const result = await cli("health", []);
    for (const name of [
      "web",
      "database",
      "broker",
      "worker",
      "metrics",
      "last device message",
      "notification providers",
      "disk",
      "job queue",
    ])
      expect(result.stdout).toContain(name);
    expect(result.stdout).toMatch(/^OK +notification providers: configured: sms, email$/m);
    expect(result.stdout).toMatch(/^OK +job queue: \d+ jobs/m);
    expect(result.stdout).toMatch(/^HEALTHY$/m);
    expect("code" in result ? result.code : 0).toBe(0);
  }, 20_000);
});
