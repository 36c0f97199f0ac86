// An external Mosquitto secured by the files `npm run mosquitto:export` writes
// from the registry: devices log in with their Vigil credentials, publish only
// under their own ids, and Vigil's own account reads everything.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuardWithPhone } from "../../test/harness/api-client";
import { startMosquitto, type Mosquitto } from "../../test/harness/mosquitto";
import { connectDevice, endQuietly } from "../../test/harness/mqtt-device";
import { projectDir, startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

const run = promisify(execFile);
let vigil: TestVigil;
let mosquitto: Mosquitto;
let dir: string;
let service: MqttClient;
const received: string[] = [];

beforeAll(async () => {
  vigil = await startTestVigil({ env: { VIGIL_ROLES: "web" } });
  dir = mkdtempSync(path.join(os.tmpdir(), "vigil-mosquitto-auth-"));
}, 60_000);

afterAll(async () => {
  await endQuietly(service);
  await mosquitto?.dispose();
  await vigil?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("mosquitto export", () => {
  it("writes a password file and ACL that let a device publish only its own topics", async () => {
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "server/cli/export-mosquitto-auth.ts", "--out-dir", dir],
      {
        cwd: projectDir,
        env: { ...process.env, DATABASE_URL: vigil.databaseUrl, MQTT_USERNAME: "vigil", MQTT_PASSWORD: "service-pw" },
      },
    );
    expect(stdout).toMatch(/^Wrote 2 accounts/);
    expect(readFileSync(path.join(dir, "passwd"), "utf8")).toMatch(new RegExp(`^${device.mqtt.username}:\\$7\\$`, "m"));

    mosquitto = await startMosquitto({
      extraConfig: ["allow_anonymous false", `password_file ${dir}/passwd`, `acl_file ${dir}/acl`],
    });
    service = await mqtt.connectAsync(mosquitto.url, { username: "vigil", password: "service-pw", reconnectPeriod: 0 });
    await service.subscribeAsync("#", { qos: 1 });
    service.on("message", (topic) => received.push(topic));

    const phone = await connectDevice(mosquitto.url, device.mqtt);
    await phone.publishAsync(`guard/${guard.externalId}/gps`, JSON.stringify({ lat: 1, lon: 2 }), { qos: 1 });
    await phone.publishAsync("guard/someone-else/gps", JSON.stringify({ lat: 1, lon: 2 }), { qos: 1 });
    await phone.publishAsync(`device/${device.mqtt.username}/telemetry`, JSON.stringify({ battery: 50 }), { qos: 1 });
    await endQuietly(phone);
    await waitFor(() => received.includes(`device/${device.mqtt.username}/telemetry`));
    expect(received).toContain(`guard/${guard.externalId}/gps`);
    expect(received).not.toContain("guard/someone-else/gps");

    await expect(
      mqtt.connectAsync(mosquitto.url, { username: device.mqtt.username, password: "wrong", reconnectPeriod: 0 }),
    ).rejects.toThrow(/Bad username or password|Not authorized/i);
    await expect(mqtt.connectAsync(mosquitto.url, { reconnectPeriod: 0 })).rejects.toThrow(/Not authorized/i);
  }, 60_000);
});
